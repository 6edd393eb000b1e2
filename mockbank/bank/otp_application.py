"""S-OTPAPP ワンタイムパスワード利用申請 (P12), S-TEL 電話番号認証 and S-TOKEN 利用申請完了 (P13), and the 0120 line."""

from __future__ import annotations

import hmac
import uuid
from functools import wraps

from flask import current_app, jsonify, redirect, render_template, request, session, url_for

from mockbank import rules
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.form_view import form_view
from mockbank.bank.services import otp_application as service
from mockbank.bank.session import CUSTOMER, customer_from
from mockbank.bank.steps import at_step
from mockbank.config import DEFAULT_PHONE_AUTH_NUMBER
from mockbank.models import OTP_ISSUED, STEP_DONE, STEP_OTP

START_AGAIN = "otp_start_again"  # why the last application ended (R-TEL-120 …): S-OTPAPP says so once
START_AGAIN_PROBLEMS = {p.rule: p for p in (rules.TEL_EXPIRED, rules.TOKEN_FAILED)}
NETWORK_KEY_HEADER = "X-Phone-Network-Key"


def auth_number() -> str:
    """認証先電話番号 (通話料無料): the bank's line for the caller-ID check (P13)."""
    return current_app.config.get("PHONE_AUTH_NUMBER") or DEFAULT_PHONE_AUTH_NUMBER


def _otpapp_context(customer) -> dict:
    """S-OTPAPP shows the registered phones by their last four digits (R-TEL-PICK), and why it came back, once."""
    carried = START_AGAIN_PROBLEMS.get(session.pop(START_AGAIN, None))
    # One key per filled-in form: a double tap, or a retry after the issuer failed, is the same application.
    key = service.application_key(request.form.get("application", "")) if request.method == "POST" else None
    return {
        "phones": service.phone_choices(customer),
        "carried": [carried] if carried else [],
        "application_key": key or uuid.uuid4().hex,
    }


@bp.route("/netbank/otp-application", methods=("GET", "POST"))
@at_step(STEP_OTP, also=service.without_token)
@form_view("S-OTPAPP", "bank/otp_application.html", cancel=True, on_cancel=service.cancel_open, context=_otpapp_context)
def otp_application(form, customer):
    """ワンタイムパスワード利用申請 (S-OTPAPP, P12): mail ×2, 利用開始パスワード ×2, a phone, 確認用パスワード; or 中止する."""
    service.apply(
        customer,
        form.get("mail", ""),
        form.get("mail_again", ""),
        form.get("start_pw", ""),
        form.get("start_pw_again", ""),
        form.get("phone", ""),
        form.get("confirm_pw", ""),
        key=form.get("application", ""),
    )
    return "bank.otp_application_phone_check"


def _issued_goes_to_token(answer_json: bool = False):
    """Once the token is issued, S-TEL (a reload, the back button, a second tap) leads to S-TOKEN, never a second issue."""

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            customer = customer_from(CUSTOMER)
            if customer is not None and customer.step == STEP_DONE and service.issued_application(customer):
                if answer_json:
                    return jsonify({"state": OTP_ISSUED, "seconds_left": None})
                return redirect(url_for("bank.otp_application_token"))
            return view(*args, **kwargs)

        return wrapped

    return decorate


def _with_open_application(view):
    """S-TEL serves the open application: none goes back to S-OTPAPP, and so does one past its 120 s (R-TEL-120)."""

    @wraps(view)
    def wrapped(customer):
        application = service.open_application(customer)
        if application is None:
            return redirect(url_for("bank.otp_application"))
        if service.expire_if_over(customer, application):
            return _start_again(rules.TEL_EXPIRED)
        if request.method == "GET":
            service.show(application)
        return view(customer, application)

    return wrapped


def _start_again(problem: rules.Problem):
    """Back to S-OTPAPP, which tells the customer why and to apply again."""
    session[START_AGAIN] = problem.rule
    return redirect(url_for("bank.otp_application"))


def _phone_check_context(customer, application) -> dict:
    """S-TEL shows the picked phone by its last four digits, the bank's line, and where to ask about the call."""
    return {
        "caller": rules.masked_phone(application.phone.number),
        "auth_number": auth_number(),
        "status_url": url_for("bank.otp_application_phone_check_status"),
    }


@bp.route("/netbank/otp-application/phone-check", methods=("GET", "POST"))
@_issued_goes_to_token()
@at_step(STEP_OTP, also=service.without_token)
@_with_open_application
@form_view("S-TEL", "bank/otp_application_phone_check.html", context=_phone_check_context)
def otp_application_phone_check(form, customer, application):
    """電話番号認証 (S-TEL, P13): call the bank's line within 120 s; 確定する (or the screen itself) issues the token."""
    try:
        service.confirm(customer, application, auto=form.get("auto") == "1")
    except service.StartAgain as over:
        session[START_AGAIN] = over.problem.rule
        return "bank.otp_application"
    return "bank.otp_application_token"


@bp.get("/netbank/otp-application/phone-check/status")
@_issued_goes_to_token(answer_json=True)
@at_step(STEP_OTP, also=service.without_token)
def otp_application_phone_check_status(customer):
    """R-TEL-AUTO: what S-TEL asks every second — calling, verified, expired — as JSON."""
    return jsonify(service.status(service.open_application(customer)))


@bp.route("/netbank/otp-application/token", methods=("GET", "POST"))
@at_step(STEP_DONE)
def otp_application_token(customer):
    """利用申請完了 (S-TOKEN, P13): 送付先メールアドレス, サービスID and ユーザID, アプリダウンロード; a reload shows the same.

    When the token mail did not arrive, S-TOKEN says so and メールを再送信する asks the issuer to send it again.
    """
    application = service.issued_application(customer)
    if application is None:
        return redirect(url_for("bank.home"))
    problems = []
    if request.method == "POST":
        try:
            service.resend_token_mail(customer, application)
        except Refused as refused:
            problems = refused.problems
        else:
            return redirect(url_for("bank.otp_application_token"))
    if application.mail_delivered is False and not problems:
        problems = [rules.MAIL_NOT_DELIVERED]
    return render_template(
        "bank/otp_application_token.html", customer=customer, application=application, problems=problems
    )


@bp.post("/netbank/api/phone-auth/calls")
def phone_auth_calls():
    """The bank's 0120 line (T-PHONE): the phone network delivers each call; {"proved": bool} (R-TEL-CLI, R-TEL-120)."""
    expected = str(current_app.config.get("PHONE_NETWORK_KEY") or "")
    given = request.headers.get(NETWORK_KEY_HEADER, "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        return jsonify({"error": f"a missing or wrong {NETWORK_KEY_HEADER}"}), 401
    try:
        call = service.read_call(request.get_json(silent=True), auth_number())
    except ValueError as error:
        return jsonify({"error": str(error)}), 400
    return jsonify({"proved": service.prove_call(call)})
