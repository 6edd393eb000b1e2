"""ワンタイムパスワード利用申請 (S-OTPAPP, P12) and 電話番号認証 (S-TEL, P13): apply, prove the call, issue the token.

One application is open at a time: a new submission supersedes the open one
(its pending token revoked at the issuer). The 利用開始パスワード goes to the
issuer only; the bank never keeps it. The bank holds no write transaction
while it waits for the issuer, which writes to the same world.
"""

from mockbank.bank.services.otp_application.application import (
    application_key,
    apply,
    cancel_open,
    issued_application,
    open_application,
    phone_choices,
    without_token,
)
from mockbank.bank.services.otp_application.bank_line import Call, prove_call, read_call
from mockbank.bank.services.otp_application.phone_check import (
    StartAgain,
    confirm,
    expire_if_over,
    resend_token_mail,
    seconds_since_shown,
    show,
    status,
    window_over,
)

__all__ = [
    "Call",
    "StartAgain",
    "application_key",
    "apply",
    "cancel_open",
    "confirm",
    "expire_if_over",
    "issued_application",
    "open_application",
    "phone_choices",
    "prove_call",
    "read_call",
    "resend_token_mail",
    "seconds_since_shown",
    "show",
    "status",
    "window_over",
    "without_token",
]
