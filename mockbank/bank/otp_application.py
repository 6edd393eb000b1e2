"""S-OTPAPP ワンタイムパスワード利用申請 (P12): reached after お客さま情報登録; built in a later issue."""

from flask import render_template

from mockbank.bank import bp
from mockbank.bank.steps import at_step
from mockbank.models import STEP_OTP


@bp.get("/netbank/otp-application")
@at_step(STEP_OTP)
def otp_application(customer):
    """ワンタイムパスワード利用申請 (S-OTPAPP, P12): a placeholder that says so."""
    return render_template("bank/otp_application.html", customer=customer)
