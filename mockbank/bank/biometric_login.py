"""S-BIO-LOGIN 生体認証ログイン (P19): 「生体認証でログイン」, from the OTP login screen too; the phone's biometric logs in."""

from __future__ import annotations

from flask import redirect, request, url_for

from mockbank import journal
from mockbank.bank import bp
from mockbank.bank.biometric_setting import offer
from mockbank.bank.errors import Refused
from mockbank.bank.progress import logged_in
from mockbank.bank.services import biometric_credentials as rp
from mockbank.bank.services.biometric_login import SCREEN, log_in


@bp.route("/netbank/biometric/login", methods=("GET", "POST"))
def biometric_login():
    """生体認証ログイン (S-BIO-LOGIN): 「生体認証でログイン」 logs in to S-HOME without ID and password (R-BIO-LOGIN)."""
    problems = []
    if request.method == "POST":
        try:
            return redirect(url_for(logged_in(log_in(request.form))))
        except Refused as refused:
            journal.refused(SCREEN, refused.problems, refused.customer)
            problems = refused.problems
    return offer(SCREEN, problems, "bank/biometric_login.html", rp.authentication_options)
