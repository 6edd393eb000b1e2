"""ログイン (S-LOGIN, P17, §1): the code of the customer's ワンタイムパスワードアプリ, checked by the issuer over HTTP."""

from __future__ import annotations

import re

from mockbank import applied, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.bank.services.otp_application.application import issued_application
from mockbank.bank.services.otp_application.issuer_calls import _issuer_failed
from mockbank.devices import device_id
from mockbank.models import Customer

CODE = re.compile(r"[0-9]{6}")  # the app's code: 6 半角数字 (P15); anything else never goes to the issuer
ACTIVATED = "activated"  # the issuer's word for a token set up in the app (P15)


def active_token(customer: Customer, screen: str) -> str | None:
    """The issuer's reference to the customer's token in use (their latest issued one, set up in the app), if any.

    The issuer is asked over HTTP. If it cannot say (down, or it refuses the question), the bank cannot tell
    whether a code is needed: the login stops with the bank's message, nothing counted (fail closed).
    """
    application = issued_application(customer)
    if application is None:
        return None
    try:
        state = issuer_client().token(application.token).get("state")
    except (IssuerUnavailable, IssuerRefused) as error:
        _issuer_failed(screen, customer, "token", error)
        raise Refused(rules.OTP_UNAVAILABLE, customer=customer) from error
    return application.token if state == ACTIVATED else None


def check_code(customer: Customer, token: str, code: str, screen: str, *, pc: bool, filled: bool = False) -> None:
    """R-OTP-PC, R-OTP-ONCE (P17, §1): the app's code is good now, on a smartphone and on a PC alike.

    A missing or malformed code, or any refusal of the issuer's, gets the words of a wrong password
    (R-LOGIN-MATCH) and counts towards R-LOCKOUT with them; on a PC the refusal names R-OTP-PC. The issuer
    down counts nothing. `filled`: the form says the code came from the app's link (R-LOGIN-FILL).
    """
    problem = rules.OTP_MISMATCH_PC if pc else rules.LOGIN_MISMATCH
    if not isinstance(code, str) or not CODE.fullmatch(code):
        lockout.count_failure(customer, screen, problem)
    try:
        answer = issuer_client().verify(token, code, device_id())
    except IssuerUnavailable as error:
        _issuer_failed(screen, customer, "verify", error)
        raise Refused(rules.OTP_UNAVAILABLE, customer=customer) from error
    except IssuerRefused as error:
        _issuer_failed(screen, customer, "verify", error)
        answer = {"valid": False}
    if answer.get("reason") == "locked":  # locked at the issuer before this attempt: no code can help
        raise Refused(rules.TOKEN_LOCKED, customer=customer)
    if answer.get("valid") is not True:
        lockout.count_failure(customer, screen, problem)
    if pc:
        # §1: a PC login of a customer using the app needs its code, and no メール通知パスワード is mailed.
        applied.passed("R-OTP-PC", "R-MAILPW")
    if filled:
        applied.passed("R-LOGIN-FILL")
