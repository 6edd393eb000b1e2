"""What otp-auth.net does: create, issue, revoke and describe tokens, set the app up on a device, verify codes.

Plain functions over the issuer's own table, called by its JSON API (api.py) and, in process, by the control
API when it seeds a persona. Each commits what it did and journals it on the world's one timeline, never with
a code, the TOTP secret or the start password. A refusal is an IssuerError: its HTTP status, a reason code a
client can act on, and the error text.
"""

from mockbank.issuer.binding import DIGITS, STEP_SECONDS
from mockbank.issuer.codes import CODE, DRIFT_DIAGNOSIS, VALID_WINDOW, verify
from mockbank.issuer.common import MAX_DEVICE, MAX_REF, SERVICE_ID, START_PASSWORD, IssuerError, bad_request
from mockbank.issuer.setup import LOCKED, WRONG_SETUP, activate, app_state
from mockbank.issuer.tokens import (
    MAIL_SENDER,
    MAIL_SENDER_NAME,
    MAIL_SUBJECT,
    MAIL_TEMPLATE,
    REISSUE_MAIL_SUBJECT,
    create_pending,
    create_token,
    describe,
    download_url,
    get,
    issue,
    public,
    resend_mail,
    revoke,
    state_of,
)

__all__ = [
    "CODE",
    "DIGITS",
    "DRIFT_DIAGNOSIS",
    "LOCKED",
    "MAIL_SENDER",
    "MAIL_SENDER_NAME",
    "MAIL_SUBJECT",
    "MAIL_TEMPLATE",
    "MAX_DEVICE",
    "MAX_REF",
    "REISSUE_MAIL_SUBJECT",
    "SERVICE_ID",
    "START_PASSWORD",
    "STEP_SECONDS",
    "VALID_WINDOW",
    "WRONG_SETUP",
    "IssuerError",
    "activate",
    "app_state",
    "bad_request",
    "create_pending",
    "create_token",
    "describe",
    "download_url",
    "get",
    "issue",
    "public",
    "resend_mail",
    "revoke",
    "state_of",
    "verify",
]
