"""S-APPLY これからご契約されるお客さま (§2(1), J-APPLY): how to apply, in writing or online."""

from flask import render_template

from mockbank.bank import bp


@bp.get("/netbank/apply")
def apply():
    """これからご契約されるお客さま: how to apply, in writing or online (J-APPLY, §2(1))."""
    return render_template("bank/apply.html")
