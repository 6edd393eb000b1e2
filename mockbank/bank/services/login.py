"""ログイン (S-LOGIN, P17, §1): ID and password, then the app's code (checked by the issuer over HTTP) or the mailed password."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockbank import applied, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.bank.models import Customer
from mockbank.bank.services import mail_password, risk_based_auth
from mockbank.bank.services.applications import issuer_failed
from mockbank.bank.services.credentials import check_credentials, complete_login
from mockbank.bank.services.risk_based_auth import QuestionAsked
from mockbank.bank.services.token_reissue import token_in_use
from mockbank.devices import device_id, is_pc

CODE = re.compile(r"[0-9]{6}")  # the app's code: 6 半角数字 (P15); anything else never goes to the issuer
ACTIVATED = "activated"  # the issuer's word for a token set up in the app (P15)


@dataclass(frozen=True)
class MailPasswordSent:
    """R-MAILPW: ID and password were right and a メール通知パスワード went out; S-MAILPW finishes this `attempt`."""

    customer: Customer
    attempt: str


def log_in(
    login_id: str, password: str, code: str, screen: str, *, filled: bool = False
) -> Customer | MailPasswordSent | QuestionAsked:
    """ログイン (S-LOGIN, P17, §1): ID and password, then what else the customer's device and token call for.

    With a token in use (set up in the app), the app's code on every device (R-OTP-PC on a PC); without
    one, a PC waits for the メール通知パスワード (R-MAILPW) and a smartphone is logged in at once.
    """
    customer = check_credentials(login_id, password, screen)
    pc = is_pc()
    token = active_token(customer, screen)
    if token is not None:
        check_code(customer, token, code, screen, pc=pc, filled=filled)
        return finish_login(customer, screen, otp=True)
    if pc and mail_password.needed(customer):
        return MailPasswordSent(customer, mail_password.start(customer, screen))
    return finish_login(customer, screen)


def finish_login(customer: Customer, screen: str, *, otp: bool = False) -> Customer | QuestionAsked:
    """Every factor passed: logged in, unless the device is one the bank has not seen for the customer (R-RBA),
    when S-RBA asks one of their secret questions first (after the password and the code, before the top page)."""
    if risk_based_auth.unusual(customer):
        return risk_based_auth.ask(customer, screen, otp=otp)
    return complete_login(customer, screen, otp=otp)


def active_token(customer: Customer, screen: str) -> str | None:
    """The issuer's reference to the customer's token in use (set up in the app), if any (token_reissue.token_in_use).

    A token the issuer revoked (R-REISSUE-OLD) is refused and the customer sent to reissue, never let in on ID and
    password alone; if the issuer cannot say, the login stops with the bank's message, nothing counted (fail closed).
    """
    return token_in_use(customer, screen)


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
        issuer_failed(screen, customer, "verify", error)
        raise Refused(rules.OTP_UNAVAILABLE, customer=customer) from error
    except IssuerRefused as error:
        issuer_failed(screen, customer, "verify", error)
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
