"""S-OTPAPP ワンタイムパスワード利用申請 (P12): mail, 利用開始パスワード, a registered phone, 確認用パスワード; or 中止する."""

from __future__ import annotations

import uuid

from flask import request, session

from mockbank import rules
from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.models import STEP_OTP
from mockbank.bank.progress import at_step
from mockbank.bank.services import otp_application as service
from mockbank.bank.services.applications import without_token

START_AGAIN = "otp_start_again"  # why the last application ended on S-TEL (R-TEL-120 …): S-OTPAPP says so once
START_AGAIN_PROBLEMS = {p.rule: p for p in (rules.TEL_EXPIRED, rules.TOKEN_FAILED)}


def application_context(customer) -> dict:
    """S-OTPAPP (and S-REISSUE, P20) shows the registered phones by their last four digits (R-TEL-PICK), and why it came back, once."""
    carried = START_AGAIN_PROBLEMS.get(session.pop(START_AGAIN, None))
    # One key per filled-in form: a double tap, or a retry after the issuer failed, is the same application.
    key = service.application_key(request.form.get("application", "")) if request.method == "POST" else None
    return {
        "phones": service.phone_choices(customer),
        "carried": [carried] if carried else [],
        "application_key": key or uuid.uuid4().hex,
    }


def application_entries(form) -> tuple[str, ...]:
    """What S-OTPAPP and S-REISSUE both ask: mail ×2, 利用開始パスワード ×2 and the phone picked (P12, P20)."""
    return tuple(form.get(name, "") for name in ("mail", "mail_again", "start_pw", "start_pw_again", "phone"))


@bp.route("/netbank/otp-application", methods=("GET", "POST"))
@at_step(STEP_OTP, also=without_token)
@form_view(
    "S-OTPAPP", "bank/otp_application.html", cancel=True, on_cancel=service.cancel_open, context=application_context
)
def otp_application(form, customer):
    """ワンタイムパスワード利用申請 (S-OTPAPP, P12): mail ×2, 利用開始パスワード ×2, a phone, 確認用パスワード; or 中止する."""
    service.apply(customer, *application_entries(form), form.get("confirm_pw", ""), key=form.get("application", ""))
    return "bank.otp_application_phone_check"
