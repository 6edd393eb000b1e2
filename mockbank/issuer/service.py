"""What otp-auth.net does: create, issue, revoke and describe tokens, set the app up on a device, verify codes.

Plain functions over the issuer's own table, called by its JSON API (api.py) and, in process, by the control
API when it seeds a persona. Each commits what it did and journals it on the world's one timeline, never with
a code, the TOTP secret or the start password. A refusal is an IssuerError: its HTTP status, a reason code a
client can act on, and the error text.
"""

from __future__ import annotations

import hmac
import re
import secrets
import uuid
from datetime import datetime, timedelta

import pyotp
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError

from mockbank import applied, clock, journal
from mockbank.clock import JST
from mockbank.db import db
from mockbank.issuer.models import ACTIVATED, EXPIRED, ISSUED, PENDING, REVOKED, IssuerToken
from mockbank.links import public_url
from mockbank.mail import OTP_DOMAIN
from mockbank.mail.sender import send_mail
from mockbank.passwords import hash_secret, secret_matches

SERVICE_ID = "10"  # つないでネ！ット's service at otp-auth.net, as P13 shows it

MAIL_SENDER = f"info@{OTP_DOMAIN}"  # R-TOKEN-MAIL: the domain §1 asks customers to accept
MAIL_SENDER_NAME = "ワンタイムパスワード発行センター"
MAIL_SUBJECT = "青森みちのく銀行トークン発行ご案内"  # P12, word for word
MAIL_TEMPLATE = "issuer/mail/token_issued.txt"

STEP_SECONDS = 60  # R-OTP-60: the code changes every 60 s (P15)
DIGITS = 6
# RFC 6238 §5.2 recommends allowing at most one time step of delay; we take one step either way: one back for
# the time a customer takes to type a code shown near the end of its minute, one ahead for a phone clock a
# little fast. Anything further is refused (R-OTP-60: the phone's clock must be on JST).
VALID_WINDOW = 1
# A refused code found this many steps either side is journalled as drift (with how far), not as a plain wrong
# code, so a skewed phone is told apart in the journal. It is refused all the same.
DRIFT_DIAGNOSIS = 10

START_PASSWORD = re.compile(r"[0-9]{4,8}")  # R-START-PW: 4–8 digits, ASCII only
CODE = re.compile(r"[0-9]{6}")
MAX_REF = 64
MAX_DEVICE = 128

WRONG_SETUP = "サービスID、ユーザID、または利用開始パスワードが正しくありません。"
LOCKED = "このトークンはロックされています。お取引銀行でトークンの再発行を行ってください。"


class IssuerError(Exception):
    """A call the issuer refuses: `status` (HTTP), `reason` (for clients), `error` (the text), `extra` fields."""

    def __init__(self, status: int, reason: str, error: str, **extra) -> None:
        super().__init__(error)
        self.status, self.reason, self.error, self.extra = status, reason, error, extra

    def as_dict(self) -> dict:
        """The JSON the API answers with."""
        return {"error": self.error, "reason": self.reason, **self.extra}


def bad_request(error: str) -> IssuerError:
    """A malformed call: nothing is counted or saved."""
    return IssuerError(400, "bad_request", error)


# --- tokens: created pending, issued after the phone check, revoked when superseded ---------------------------


def create_token(bank_ref, application, mail, start_password) -> tuple[IssuerToken, bool]:
    """The application's token, and whether it was created now: a new PENDING one, or the one it already has."""
    bank_ref = _text(bank_ref, "bank_ref", MAX_REF)
    application = _text(application, "application", MAX_REF)
    mail = _mail(mail)
    if not isinstance(start_password, str) or not START_PASSWORD.fullmatch(start_password):
        raise bad_request("start_password must be 4 to 8 ASCII digits")
    existing = _by_application(application)
    if existing is not None:
        return _same_application(existing, bank_ref, mail, start_password), False
    token = IssuerToken(
        token=uuid.uuid4().hex,
        bank_ref=bank_ref,
        application=application,
        mail=mail,
        start_password_hash=hash_secret(start_password),
        service_id=SERVICE_ID,
        user_id=_new_user_id(),
        secret=pyotp.random_base32(),
        state=PENDING,
        created_at=_now(),
    )
    db.session.add(token)
    try:
        db.session.flush()
    except IntegrityError:  # the same application came in twice at once: the first one's token stands
        db.session.rollback()
        existing = _by_application(application)
        if existing is None:
            raise
        return _same_application(existing, bank_ref, mail, start_password), False
    journal.record(
        "token_created",
        customer=_customer(bank_ref),
        token=token.token,
        application=application,
        service_id=token.service_id,
        user_id=token.user_id,
        mail=mail,
    )
    db.session.commit()
    return token, True


def create_pending(bank_ref: str, application: str, mail: str, start_password: str) -> IssuerToken:
    """A PENDING token for the bank's application (the one it has if it has one already)."""
    return create_token(bank_ref, application, mail, start_password)[0]


def issue(token_ref, *, notify: bool = True) -> tuple[IssuerToken, bool]:
    """pending → issued, and mail 「青森みちのく銀行トークン発行ご案内」 (R-TOKEN-MAIL); (token, mail delivered).

    An issued (or since activated) token comes back as it is, with no second mail. An expired or revoked
    one is a 409. With notify=False (a persona seeded already past its mail) no mail goes out.
    """
    token = get(token_ref)
    state = state_of(token)
    if state in (ISSUED, ACTIVATED):
        return token, bool(token.mail_delivered)
    if state != PENDING:
        raise IssuerError(409, state, f"the token is {state} and cannot be issued")
    claimed = db.session.execute(
        update(IssuerToken)
        .where(IssuerToken.id == token.id, IssuerToken.state == PENDING)
        .values(state=ISSUED, issued_at=_now())
    ).rowcount
    db.session.commit()  # before the mail: the capturing SMTP server writes to this same database
    db.session.refresh(token)
    if not claimed:  # issued by a call that came in at the same time: it sends the one mail
        return token, bool(token.mail_delivered)
    delivered = _send_issue_mail(token) if notify else False
    token.mail_delivered = delivered
    journal.record(
        "token_issued",
        customer=_customer(token.bank_ref),
        token=token.token,
        application=token.application,
        user_id=token.user_id,
        mail=token.mail,
        mail_delivered=delivered,
        **({} if notify else {"mail_sent": False}),
    )
    db.session.commit()
    return token, delivered


def resend_mail(token_ref) -> tuple[IssuerToken, bool]:
    """Send the token mail again to an issued token's address (the first could not be delivered); (token, delivered)."""
    token = get(token_ref)
    if state_of(token) not in (ISSUED, ACTIVATED):
        raise IssuerError(409, state_of(token), f"the token is {state_of(token)}: there is no token mail to send")
    delivered = _send_issue_mail(token)
    token.mail_delivered = bool(token.mail_delivered) or delivered
    journal.record("token_mail_resent", customer=_customer(token.bank_ref), token=token.token, mail_delivered=delivered)
    db.session.commit()
    return token, delivered


def revoke(token_ref, reason: str | None = None) -> IssuerToken:
    """Any state → revoked, for good (a superseded or abandoned application, a reissue); again is a no-op."""
    token = get(token_ref)
    if token.state != REVOKED:
        was = state_of(token)
        token.state, token.revoked_at = REVOKED, _now()
        detail = {"reason": str(reason)[:MAX_REF]} if reason else {}
        journal.record("token_revoked", customer=_customer(token.bank_ref), token=token.token, was=was, **detail)
        db.session.commit()
    return token


def get(token_ref) -> IssuerToken:
    """A token by its opaque reference (or the token itself); 404 if the issuer has none such."""
    if isinstance(token_ref, IssuerToken):
        return token_ref
    token = db.session.scalar(db.select(IssuerToken).where(IssuerToken.token == str(token_ref)))
    if token is None:
        raise IssuerError(404, "not_found", "no such token")
    return token


def state_of(token: IssuerToken) -> str:
    """pending, issued, activated or revoked as stored; a pending token past its time reads expired (world clock)."""
    if token.state == PENDING:
        minutes = float(current_app.config["ISSUER_PENDING_MINUTES"])
        if _now() >= token.created_at + timedelta(minutes=minutes):
            return EXPIRED
    return token.state


def public(token: IssuerToken) -> dict:
    """What every answer about a token says: its reference, サービスID, ユーザID and state."""
    return {"token": token.token, "service_id": token.service_id, "user_id": token.user_id, "state": state_of(token)}


def describe(token_ref) -> dict:
    """The token as the bank and the control API see it: never the secret, never the start password."""
    token = get(token_ref)
    return {
        **public(token),
        "mail": token.mail,
        "issued_at": _iso(token.issued_at),
        "mail_delivered": token.mail_delivered,
        "activated_at": _iso(token.activated_at),
        "device": token.device,
        "locked": token.locked_at is not None,
        "bank_ref": token.bank_ref,
        "application": token.application,
    }


def download_url() -> str:
    """Where the mail sends the customer for the app (P14): APP_DOWNLOAD_URL, else the issuer's own address."""
    configured = current_app.config.get("APP_DOWNLOAD_URL")
    if configured:
        return configured
    return public_url() + "/app/download"


# --- the app: 初期設定 (P15) hands the secret to one device, once ------------------------------------------------


def activate(service_id, user_id, start_password, device) -> tuple[IssuerToken, str]:
    """issued → activated on `device`: (token, secret), the one time the secret leaves the issuer (R-APP-SETUP).

    Wrong values are a 400 whatever the token's state, counted on an issued token the ユーザID names;
    ISSUER_SETUP_ATTEMPTS of them lock it. With the right values, a locked token is a 423 (the customer is
    told, and reissues) and a pending, revoked or already activated one a 409: a second device needs a
    reissue, never the same token (R-APP-BIND).
    """
    for name, value in (("service_id", service_id), ("user_id", user_id), ("start_password", start_password)):
        if not isinstance(value, str) or len(value) > MAX_REF:
            raise bad_request(f"{name} must be a string")
    device = _device(device)
    token = None
    if service_id == SERVICE_ID:
        token = db.session.scalar(db.select(IssuerToken).where(IssuerToken.user_id == user_id))
    if token is None:
        _journal_setup_refused(None, "wrong_values")
        raise IssuerError(400, "wrong_values", WRONG_SETUP)
    state = state_of(token)
    # Only the right 利用開始パスワード learns anything of the token (its state, its lock), as at the bank's
    # own login (R-ACCT-MATCH): wrong values get the same answer whether or not the ユーザID exists.
    if not (START_PASSWORD.fullmatch(start_password) and secret_matches(token.start_password_hash, start_password)):
        locked = False
        if state == ISSUED and token.locked_at is None:
            token.setup_failures += 1
            locked = token.setup_failures >= int(current_app.config["ISSUER_SETUP_ATTEMPTS"])
            if locked:
                token.locked_at = _now()
        _journal_setup_refused(token, "wrong_values", failures=token.setup_failures)
        if locked:
            journal.record("token_locked", rule="R-APP-SETUP", customer=_customer(token.bank_ref), token=token.token)
        db.session.commit()
        raise IssuerError(400, "wrong_values", WRONG_SETUP, **({"locked": True} if locked else {}))
    if state == REVOKED:
        _journal_setup_refused(token, "revoked")
        raise IssuerError(409, "revoked", "the token is revoked: it cannot be set up")
    if token.locked_at is not None:
        _journal_setup_refused(token, "locked")
        raise IssuerError(423, "locked", LOCKED)
    if state != ISSUED:
        reason = {PENDING: "not_issued", EXPIRED: "expired", ACTIVATED: "already_activated"}[state]
        _journal_setup_refused(token, reason)
        raise IssuerError(409, reason, f"the token is {state}: it cannot be set up")
    claimed = db.session.execute(
        update(IssuerToken)
        .where(IssuerToken.id == token.id, IssuerToken.state == ISSUED, IssuerToken.locked_at.is_(None))
        .values(state=ACTIVATED, activated_at=_now(), device=device, setup_failures=0, last_counter=None)
    ).rowcount
    if not claimed:  # set up by another call at the same moment: the secret went there
        db.session.rollback()
        _journal_setup_refused(token, "already_activated")
        raise IssuerError(409, "already_activated", "the token is activated: it cannot be set up")
    applied.passed("R-APP-SETUP")
    journal.record(
        "token_activated", customer=_customer(token.bank_ref), token=token.token, user_id=token.user_id, device=device
    )
    db.session.commit()
    db.session.refresh(token)
    return token, token.secret


# --- codes: RFC 6238 TOTP, 60-second steps, world time ------------------------------------------------------------


def verify(token_ref, code, device) -> dict:
    """{"valid": True} or {"valid": False, "reason": …} (+ "locked": True when this refusal locked the token).

    A code is good from the device the app was set up on, within one step of the world's time (R-OTP-60),
    once (R-OTP-ONCE: a step once accepted, and any before it, is never accepted again, NIST SP 800-63B
    §5.1.4.2). Refusals count; ISSUER_VERIFY_ATTEMPTS in a row lock the token (R-LOCKOUT); a good code resets
    the count. A malformed code or device is a 400 and counts nothing.
    """
    if not isinstance(code, str) or not CODE.fullmatch(code):
        raise bad_request("code must be 6 ASCII digits")
    device = _device(device)
    token = get(token_ref)
    state = state_of(token)
    if state == REVOKED:
        return _refuse_code(token, device, "revoked", "R-REISSUE-OLD", count=False)
    if state != ACTIVATED:
        return _refuse_code(token, device, "not_activated", None, count=False)
    if token.locked_at is not None:
        return _refuse_code(token, device, "locked", "R-LOCKOUT", count=False)
    if not hmac.compare_digest(device.encode(), (token.device or "").encode()):
        return _refuse_code(token, device, "device", "R-APP-BIND")
    totp = pyotp.TOTP(token.secret, digits=DIGITS, interval=STEP_SECONDS)
    now_counter = totp.timecode(clock.now())
    offset = _matching_offset(totp, code, now_counter, VALID_WINDOW)
    if offset is None:
        far = _matching_offset(totp, code, now_counter, DRIFT_DIAGNOSIS)
        if far is not None:
            return _refuse_code(token, device, "drift", "R-OTP-60", steps_off=far)
        return _refuse_code(token, device, "wrong", "R-OTP-60")
    counter = now_counter + offset
    claimed = db.session.execute(
        update(IssuerToken)
        .where(
            IssuerToken.id == token.id,
            or_(IssuerToken.last_counter.is_(None), IssuerToken.last_counter < counter),
        )
        .values(last_counter=counter, verify_failures=0)
    ).rowcount
    if not claimed:
        return _refuse_code(token, device, "replay", "R-OTP-ONCE")
    # Evidence only for the check every good code passes on its own merits: the 60-second code matched. The
    # replay and device checks are proven by their refusals, not by every ordinary login.
    applied.passed("R-OTP-60")
    journal.record(
        "code_accepted", customer=_customer(token.bank_ref), token=token.token, device=device, steps_off=offset
    )
    db.session.commit()
    return {"valid": True}


def _matching_offset(totp: pyotp.TOTP, code: str, counter: int, window: int) -> int | None:
    """The step offset (0, then ±1, ±2 … up to ±window) whose code is `code`, compared in constant time."""
    for distance in range(window + 1):
        for offset in sorted({-distance, distance}):
            if counter + offset >= 0 and hmac.compare_digest(totp.generate_otp(counter + offset), code):
                return offset
    return None


def _refuse_code(
    token: IssuerToken, device: str, reason: str, rule: str | None, *, count: bool = True, **detail
) -> dict:
    """Journal a refused code (never the code), count it, lock the token at the limit; the answer to give."""
    locked = False
    if count:
        token.verify_failures += 1
        if token.verify_failures >= int(current_app.config["ISSUER_VERIFY_ATTEMPTS"]):
            token.locked_at, locked = _now(), True
    customer = _customer(token.bank_ref)
    journal.record(
        "code_refused",
        rule=rule,
        customer=customer,
        token=token.token,
        device=device,
        reason=reason,
        failures=token.verify_failures,
        **detail,
    )
    if locked:
        journal.record("token_locked", rule="R-LOCKOUT", customer=customer, token=token.token)
    db.session.commit()
    return {"valid": False, "reason": reason, **({"locked": True} if locked else {})}


def _journal_setup_refused(token: IssuerToken | None, reason: str, **detail) -> None:
    """Journal a refused 初期設定 (R-APP-SETUP), never the values typed, and commit."""
    journal.record(
        "activation_refused",
        rule="R-APP-SETUP",
        customer=_customer(token.bank_ref) if token else None,
        token=token.token if token else None,
        reason=reason,
        **detail,
    )
    db.session.commit()


# --- helpers ------------------------------------------------------------------------------------------------------


def _send_issue_mail(token: IssuerToken) -> bool:
    """The token mail from otp-auth.net: サービスID, ユーザID and the app's download address; False if refused."""
    return send_mail(
        token.mail,
        MAIL_SENDER,
        MAIL_SENDER_NAME,
        MAIL_SUBJECT,
        MAIL_TEMPLATE,
        service_id=token.service_id,
        user_id=token.user_id,
        download_url=download_url(),
    )


def _same_application(token: IssuerToken, bank_ref: str, mail: str, start_password: str) -> IssuerToken:
    """The token an application already has, when asked again with the same values; other values are a 409."""
    same = (
        token.bank_ref == bank_ref
        and token.mail.lower() == mail.lower()
        and secret_matches(token.start_password_hash, start_password)
    )
    if not same:
        raise IssuerError(409, "application_conflict", "this application already has a token, for other values")
    return token


def _by_application(application: str) -> IssuerToken | None:
    return db.session.scalar(db.select(IssuerToken).where(IssuerToken.application == application))


def _new_user_id() -> str:
    """A ユーザID no token has yet: 7 digits, as P13 shows (0117000)."""
    while True:
        candidate = f"{secrets.randbelow(10**7):07d}"
        if db.session.scalar(db.select(IssuerToken.id).where(IssuerToken.user_id == candidate)) is None:
            return candidate


def _text(value, name: str, max_length: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise bad_request(f"{name} is required (a non-empty string)")
    if len(value) > max_length:
        raise bad_request(f"{name} must be at most {max_length} characters")
    return value


def _mail(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise bad_request("mail is required (a mail address)")
    try:
        validate_email(value, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as error:
        raise bad_request(f"mail is not a mail address: {error}") from error
    return value


def _device(value) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_DEVICE:
        raise bad_request(f"device is required (a string of at most {MAX_DEVICE} characters)")
    return value


def _customer(bank_ref: str) -> int | None:
    """The bank's customer ID where the bank's reference is one (digits), for the journal; else None."""
    return int(bank_ref) if bank_ref.isascii() and bank_ref.isdigit() and len(bank_ref) <= 18 else None


def _now() -> datetime:
    """World time, naive JST, as the issuer's table and the journal keep it."""
    return clock.now().replace(tzinfo=None)


def _iso(moment: datetime | None) -> str | None:
    return moment.replace(tzinfo=JST).isoformat() if moment else None
