"""S-ID-LOST ログインIDをお忘れの方 (P6, R-ID-LOST): a forgotten login ID cannot be recovered online."""

from flask import render_template

from mockbank import applied, journal
from mockbank.bank import bp
from mockbank.db import db


@bp.get("/netbank/login-id/lost")
def login_id_lost():
    """R-ID-LOST: a forgotten login ID cannot be recovered online (P6); the bank says so."""
    applied.passed("R-ID-LOST")
    journal.record("notice", screen="S-ID-LOST")
    db.session.commit()
    return render_template("bank/login_id_lost.html")
