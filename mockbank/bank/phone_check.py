"""S-TEL 電話番号認証 (P13): call the bank's 0120 line within 120 s; the screen asks every second, 確定する issues the token.

The bank's 0120 line (the phone network delivers each call to /netbank/api/phone-auth/calls) is S-TEL's too.
"""

from __future__ import annotations

import hmac
from functools import wraps

from flask import current_app, jsonify, redirect, request, session, url_for

from mockbank import rules
from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.models import OTP_ISSUED, STEP_DONE, STEP_OTP
from mockbank.bank.otp_application import START_AGAIN
from mockbank.bank.progress import at_step, reissuing
from mockbank.bank.services import bank_line
from mockbank.bank.services import phone_check as service
from mockbank.bank.services.applications import issued_application, open_application, without_token
from mockbank.bank.services.token_reissue import reissue_application
from mockbank.bank.session import CUSTOMER, customer_from
from mockbank.config import DEFAULT_PHONE_AUTH_NUMBER

NETWORK_KEY_HEADER = "X-Phone-Network-Key"


def auth_number() -> str:
    """認証先電話番号 (通話料無料): the bank's line for the caller-ID check (P13)."""
    return current_app.config.get("PHONE_AUTH_NUMBER") or DEFAULT_PHONE_AUTH_NUMBER


def _issued_goes_to_token(answer_json: bool = False):
    """Once the token is issued, S-TEL (a reload, the back button, a second tap) leads to S-TOKEN, never a second issue."""

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            customer = customer_from(CUSTOMER)
            if _reissue_issued() or (
                customer is not None and customer.step == STEP_DONE and issued_application(customer)
            ):
                if answer_json:
                    return jsonify({"state": OTP_ISSUED, "seconds_left": None})
                return redirect(url_for("bank.otp_application_token"))
            return view(*args, **kwargs)

        return wrapped

    return decorate


def _reissue_issued() -> bool:
    """A customer reissuing their token (P20) whose reissue's token is issued: S-TEL is over, S-TOKEN shows it."""
    reissuer = reissuing()
    application = reissue_application(reissuer) if reissuer is not None else None
    return application is not None and application.state == OTP_ISSUED


def _apply_endpoint() -> str:
    """Where the customer applies again: トークン再発行 (S-REISSUE) in a reissue, else S-OTPAPP."""
    return "bank.token_reissue" if reissuing() is not None else "bank.otp_application"


def _with_open_application(view):
    """S-TEL serves the open application: none goes back to S-OTPAPP, and so does one past its 120 s (R-TEL-120)."""

    @wraps(view)
    def wrapped(customer):
        application = open_application(customer)
        if application is None:
            return redirect(url_for(_apply_endpoint()))
        if service.expire_if_over(customer, application):
            return _start_again(rules.TEL_EXPIRED)
        if request.method == "GET":
            service.show(application)
        return view(customer, application)

    return wrapped


def _start_again(problem: rules.Problem):
    """Back to S-OTPAPP, which tells the customer why and to apply again."""
    session[START_AGAIN] = problem.rule
    return redirect(url_for(_apply_endpoint()))


def _phone_check_context(customer, application) -> dict:
    """S-TEL shows the picked phone by its last four digits, the bank's line, and where to ask about the call."""
    return {
        "caller": rules.masked_phone(application.phone.number),
        "auth_number": auth_number(),
        "status_url": url_for("bank.otp_application_phone_check_status"),
        "issuer_down_fault": rules.ISSUER_DOWN,
    }


@bp.route("/netbank/otp-application/phone-check", methods=("GET", "POST"))
@_issued_goes_to_token()
@at_step(STEP_OTP, also=without_token, reissue=True)
@_with_open_application
@form_view("S-TEL", "bank/phone_check.html", context=_phone_check_context)
def otp_application_phone_check(form, customer, application):
    """電話番号認証 (S-TEL, P13): call the bank's line within 120 s; 確定する (or the screen itself) issues the token."""
    try:
        service.confirm(customer, application, auto=form.get("auto") == "1")
    except service.StartAgain as over:
        session[START_AGAIN] = over.problem.rule
        return _apply_endpoint()
    return "bank.otp_application_token"


@bp.get("/netbank/otp-application/phone-check/status")
@_issued_goes_to_token(answer_json=True)
@at_step(STEP_OTP, also=without_token, reissue=True)
def otp_application_phone_check_status(customer):
    """R-TEL-AUTO: what S-TEL asks every second — calling, verified, expired — as JSON."""
    return jsonify(service.status(open_application(customer)))


@bp.post("/netbank/api/phone-auth/calls")
def phone_auth_calls():
    """The bank's 0120 line (T-PHONE): the phone network delivers each call; {"proved": bool} (R-TEL-CLI, R-TEL-120)."""
    expected = str(current_app.config.get("PHONE_NETWORK_KEY") or "")
    given = request.headers.get(NETWORK_KEY_HEADER, "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        return jsonify({"error": f"a missing or wrong {NETWORK_KEY_HEADER}"}), 401
    try:
        call = bank_line.read_call(request.get_json(silent=True), auth_number())
    except ValueError as error:
        return jsonify({"error": str(error)}), 400
    return jsonify({"proved": bank_line.prove_call(call)})
