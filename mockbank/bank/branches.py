"""S-BRANCHES 店番一覧 (P5): where the 店番 help link (こちら) on SID001 leads."""

from flask import render_template

from mockbank.bank import bp
from mockbank.branches import BRANCHES


@bp.get("/netbank/branches")
def branches():
    """店番一覧: where the 店番 help link on SID001 leads (P5)."""
    return render_template("bank/branches.html", branches=sorted(BRANCHES.items()))
