"""ワンタイムパスワード利用申請 (S-OTPAPP, P12) and 電話番号認証 (S-TEL, P13): apply, prove the call, issue the token.

One application is open at a time: a new submission supersedes the open one
(its pending token revoked at the issuer). The 利用開始パスワード goes to the
issuer only; the bank never keeps it. The bank holds no write transaction
while it waits for the issuer, which writes to the same world.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from mockbank import applied, clock, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.clock import JST
from mockbank.db import db
from mockbank.models import (
    OTP_CALLING,
    OTP_CANCELLED,
    OTP_EXPIRED,
    OTP_FAILED,
    OTP_ISSUED,
    OTP_OPEN,
    OTP_SUPERSEDED,
    OTP_VERIFIED,
    STEP_DONE,
    Customer,
    OtpApplication,
)
from mockbank.passwords import secret_matches


class StartAgain(Exception):
    """The application is over (R-TEL-120 expired, or the issuer would not issue it): back to S-OTPAPP."""

    def __init__(self, problem: rules.Problem) -> None:
        super().__init__(problem.rule)
        self.problem = problem


def open_application(customer: Customer) -> OtpApplication | None:
    """The customer's application waiting for its call or its token (calling or verified), if any."""
    return db.session.scalar(
        db.select(OtpApplication)
        .where(OtpApplication.customer_id == customer.id, OtpApplication.state.in_(OTP_OPEN))
        .order_by(OtpApplication.id.desc())
        .limit(1)
    )


def issued_application(customer: Customer) -> OtpApplication | None:
    """The customer's latest application whose token was issued (S-TOKEN shows it)."""
    return db.session.scalar(
        db.select(OtpApplication)
        .where(OtpApplication.customer_id == customer.id, OtpApplication.state == OTP_ISSUED)
        .order_by(OtpApplication.id.desc())
        .limit(1)
    )


def without_token(customer: Customer) -> bool:
    """A customer using つないでネ！ット with no token issued may apply later, from the top page (P12)."""
    return customer.step == STEP_DONE and issued_application(customer) is None


def phone_choices(customer: Customer) -> list[tuple[int, str]]:
    """The registered phones to pick from (R-TEL-PICK): row id and last four digits, never the number."""
    return [(phone.id, rules.phone_choice(phone.number)) for phone in customer.phones]


# --- S-OTPAPP ---------------------------------------------------------------------------------------------------


def application_key(sent: str) -> str | None:
    """A form's application key as the bank made it (32 hex digits), else none."""
    return sent if re.fullmatch(r"[0-9a-f]{32}", sent or "") else None


def _by_key(customer: Customer, key: str) -> OtpApplication | None:
    """The customer's application made from the form with this key, if it was saved."""
    return db.session.scalar(
        db.select(OtpApplication).where(OtpApplication.customer_id == customer.id, OtpApplication.key == key)
    )


def apply(
    customer: Customer,
    mail: str,
    mail_again: str,
    start_pw: str,
    start_pw_again: str,
    phone_id: str,
    confirm_pw: str,
    key: str = "",
) -> OtpApplication:
    """S-OTPAPP (P12): check the entries and the confirm password, get a pending token, save the application.

    `key` is the filled-in form's own: the same form sent twice (a double tap, a retry after the issuer
    failed) is the same application — the issuer answers with the same token and nothing new is saved.
    """
    refuse_if(
        rules.mail_address(mail, mail_again),
        rules.start_password(start_pw, start_pw_again),
        rules.phone_pick(phone_id, [phone.id for phone in customer.phones]),
        rules.confirm_password_entry(confirm_pw),
        customer=customer,
    )
    right = secret_matches(customer.confirm_pw_hash, confirm_pw)
    # The customer is logged in: the attempt that locks may say so (and the lock ends the session).
    lockout.check_password(customer, right, "S-OTPAPP", rules.CONFIRM_PW_MISMATCH, reveal_lock=True)
    db.session.commit()  # the right password ends a run of failures; and no write is held while the issuer works
    key = application_key(key) or uuid.uuid4().hex
    same = _by_key(customer, key)
    if same is not None and (same.mail, same.phone_id) != (mail, int(phone_id)):
        key, same = uuid.uuid4().hex, None  # the form was changed and sent again: a new application
    try:
        try:
            token = issuer_client().create_token(
                bank_ref=str(customer.id), application=key, mail=mail, start_password=start_pw
            )
        except IssuerRefused as error:
            if error.reason != "application_conflict":
                raise
            # The form was changed after the issuer took it (and then failed): that is a new application.
            key = uuid.uuid4().hex
            token = issuer_client().create_token(
                bank_ref=str(customer.id), application=key, mail=mail, start_password=start_pw
            )
    except (IssuerUnavailable, IssuerRefused) as error:
        _issuer_failed("S-OTPAPP", customer, "create_token", error)
        raise Refused(rules.ISSUER_UNAVAILABLE, customer=customer) from error
    if same is not None and same.key == key and same.token == token["token"]:
        return same  # the same form again (a double tap): the issuer answered with the same token
    superseded = list(
        db.session.scalars(
            db.select(OtpApplication).where(
                OtpApplication.customer_id == customer.id, OtpApplication.state.in_(OTP_OPEN)
            )
        )
    )
    for old in superseded:
        _close(old, OTP_SUPERSEDED)
    application = OtpApplication(
        customer_id=customer.id,
        key=key,
        mail=mail,
        phone_id=int(phone_id),
        state=OTP_CALLING,
        token=token["token"],
        service_id=str(token["service_id"]),
        user_id=str(token["user_id"]),
        created_at=_now(),
    )
    db.session.add(application)
    try:
        db.session.flush()
    except IntegrityError:  # the same form, sent twice at once: the other request saved it
        db.session.rollback()
        return _by_key(customer, key)
    journal.record(
        "screen",
        screen="S-OTPAPP",
        customer=customer,
        application=application.id,
        superseded=[old.id for old in superseded],
    )
    db.session.commit()
    for old in superseded:
        _revoke(old, "superseded")
    return application


# --- S-TEL ------------------------------------------------------------------------------------------------------


def show(application: OtpApplication) -> None:
    """S-TEL shows: the first time starts the 120 s (R-TEL-120); a reload keeps the first time."""
    if application.shown_at is None:
        application.shown_at = _now()
        db.session.commit()


def seconds_since_shown(application: OtpApplication, at: datetime | None = None) -> float | None:
    """World seconds from S-TEL's first showing to `at` (now), or None if it has not shown."""
    if application.shown_at is None:
        return None
    return ((at or _now()) - application.shown_at).total_seconds()


def window_over(application: OtpApplication) -> bool:
    """R-TEL-120: an application still waiting for its call whose 120 s have run out."""
    seconds = seconds_since_shown(application)
    return application.state == OTP_CALLING and seconds is not None and seconds > rules.CALL_WINDOW_SECONDS


def expire_if_over(customer: Customer, application: OtpApplication) -> bool:
    """R-TEL-120: past its 120 s without a proving call, the application expires (its token revoked); True if so."""
    if not window_over(application):
        return False
    seconds = seconds_since_shown(application)
    _close(application, OTP_EXPIRED)
    journal.record(
        "refused",
        screen="S-TEL",
        rule="R-TEL-120",
        customer=customer,
        application=application.id,
        seconds=round(seconds, 3),
    )
    db.session.commit()
    _revoke(application, "expired")
    return True


def status(application: OtpApplication | None) -> dict:
    """R-TEL-AUTO: what S-TEL asks every second: calling, verified, expired (or none), and the seconds left."""
    if application is None:
        return {"state": "none", "seconds_left": None}
    seconds = seconds_since_shown(application)
    state = OTP_EXPIRED if window_over(application) else application.state
    left = None if seconds is None or state != OTP_CALLING else max(0.0, rules.CALL_WINDOW_SECONDS - seconds)
    return {"state": state, "seconds_left": left}


def confirm(customer: Customer, application: OtpApplication, auto: bool) -> None:
    """確定する (R-TEL-AUTO), pressed or sent by S-TEL itself: a verified application gets its token issued."""
    if application.state != OTP_VERIFIED:
        raise Refused(rules.TEL_NOT_VERIFIED, customer=customer)
    db.session.commit()  # no write held while the issuer works
    try:
        answer = issuer_client().issue_token(application.token)
    except IssuerUnavailable as error:
        _issuer_failed("S-TEL", customer, "issue_token", error)
        raise Refused(rules.TOKEN_UNAVAILABLE, customer=customer) from error
    except IssuerRefused as error:
        _issuer_failed("S-TEL", customer, "issue_token", error)
        _close(application, OTP_FAILED)
        journal.record("refused", screen="S-TEL", rule=rules.TOKEN_FAILED.rule, customer=customer, reason=error.reason)
        db.session.commit()
        raise StartAgain(rules.TOKEN_FAILED) from error
    application.state = OTP_ISSUED
    application.issued_at = _now()
    application.service_id = str(answer.get("service_id") or application.service_id)
    application.user_id = str(answer.get("user_id") or application.user_id)
    application.mail_delivered = answer.get("mail_delivered")
    customer.step = STEP_DONE
    applied.passed("R-TEL-AUTO")
    journal.record(
        "screen",
        screen="S-TEL",
        customer=customer,
        application=application.id,
        auto=auto,
        mail_delivered=application.mail_delivered,
    )
    db.session.commit()


def resend_token_mail(customer: Customer, application: OtpApplication) -> None:
    """S-TOKEN: the issuer sends the token mail again when the first did not arrive (R-TOKEN-MAIL)."""
    db.session.commit()  # no write held while the issuer works
    try:
        answer = issuer_client().resend_mail(application.token)
    except (IssuerUnavailable, IssuerRefused) as error:
        _issuer_failed("S-TOKEN", customer, "resend_mail", error)
        raise Refused(rules.MAIL_RESEND_UNAVAILABLE, customer=customer) from error
    application.mail_delivered = bool(answer.get("mail_delivered"))
    journal.record("mail_resend", screen="S-TOKEN", customer=customer, mail_delivered=application.mail_delivered)
    db.session.commit()


# --- the bank's 0120 line: calls the phone network delivers -----------------------------------------------------


@dataclass(frozen=True)
class Call:
    """A call to the bank's line as the network delivers it: its id, the caller (None if withheld), when."""

    id: str
    caller: str | None
    at: datetime  # world time, naive JST


def read_call(body, bank_number: str) -> Call:
    """The delivered call, or ValueError saying what is wrong with it."""
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    call_id, caller, called, at = body.get("call"), body.get("caller"), body.get("called"), body.get("at")
    if isinstance(call_id, bool) or not isinstance(call_id, (int, str)) or str(call_id) == "":
        raise ValueError("call must be the network's id of the call")
    if caller is not None and (not isinstance(caller, str) or len(caller) > 30):
        raise ValueError("caller must be the caller's number, or null when withheld")
    if not isinstance(called, str) or rules.phone_digits(called) != rules.phone_digits(bank_number):
        raise ValueError(f"called must be this bank's line {bank_number}")
    return Call(id=str(call_id)[:64], caller=caller, at=_moment(at))


def prove_call(call: Call) -> bool:
    """R-TEL-CLI, R-TEL-120: does the call prove an open application? One phone_check journal entry either way.

    A call proves each open application that picked its caller's number, if it
    came within 120 s of that application's S-TEL first showing. 非通知 or a
    number no open application picked proves nothing; the customer may call again.
    """
    candidates = list(db.session.scalars(db.select(OtpApplication).where(OtpApplication.state.in_(OTP_OPEN))))
    matched = [a for a in candidates if rules.call_from(call.caller, a.phone.number) is None]
    if not matched:
        problem = rules.call_from(call.caller, "")
        journal.record(
            "phone_check",
            screen="S-TEL",
            rule=problem.rule,
            customer=_owner(call.caller, candidates),
            call=call.id,
            proved=False,
            reason="withheld" if call.caller is None else "not_the_picked_number",
        )
        db.session.commit()
        return False
    results = []
    for application in matched:
        seconds = seconds_since_shown(application, call.at)
        if application.state == OTP_VERIFIED:
            results.append((application, True, seconds))
        elif rules.call_in_time(seconds) is None:
            application.state, application.verified_at = OTP_VERIFIED, call.at
            results.append((application, True, seconds))
        else:
            results.append((application, False, seconds))
    proved = any(ok for _, ok, _ in results)
    application, _, seconds = next((r for r in results if r[1]), results[0])
    if proved:
        applied.passed("R-TEL-CLI", "R-TEL-120")
    journal.record(
        "phone_check",
        screen="S-TEL",
        rule=None if proved else "R-TEL-120",
        customer=application.customer_id,
        call=call.id,
        application=application.id,
        seconds=None if seconds is None else round(seconds, 3),
        proved=proved,
        **({"applications": [a.id for a, _, _ in results]} if len(results) > 1 else {}),
    )
    db.session.commit()
    return proved


# --- helpers ----------------------------------------------------------------------------------------------------


def _owner(caller: str | None, candidates: list[OtpApplication]) -> int | None:
    """The one customer with an open application who registered the caller's number (for the journal), if any."""
    digits = rules.phone_digits(caller)
    if not digits:
        return None
    owners = {
        a.customer_id
        for a in candidates
        for phone in db.session.get(Customer, a.customer_id).phones
        if rules.phone_digits(phone.number) == digits
    }
    return owners.pop() if len(owners) == 1 else None


def cancel_open(customer: Customer) -> None:
    """中止する on S-OTPAPP (R-CANCEL): an application still open (the back button from S-TEL) ends with it."""
    open_ones = list(
        db.session.scalars(
            db.select(OtpApplication).where(
                OtpApplication.customer_id == customer.id, OtpApplication.state.in_(OTP_OPEN)
            )
        )
    )
    for application in open_ones:
        _close(application, OTP_CANCELLED)
    db.session.commit()
    for application in open_ones:
        _revoke(application, "cancelled")


def _close(application: OtpApplication, state: str) -> None:
    """An application ends without a token: expired, superseded or failed (the caller commits)."""
    application.state = state
    application.closed_at = _now()


def _revoke(application: OtpApplication, reason: str) -> None:
    """Revoke a closed application's pending token at the issuer; if it cannot be reached, the journal says so.

    The bank never issues a closed application's token, and the issuer lets a pending one expire by itself.
    """
    try:
        issuer_client().revoke_token(application.token, reason)
    except (IssuerUnavailable, IssuerRefused) as error:
        _issuer_failed(None, application.customer_id, "revoke_token", error)


def _issuer_failed(screen: str | None, customer, call: str, error: Exception) -> None:
    """Journal what the issuer did not do (nothing of the customer's is saved with it), and commit."""
    db.session.rollback()
    refused = isinstance(error, IssuerRefused)
    journal.record(
        "issuer_refused" if refused else "issuer_unavailable",
        screen=screen,
        customer=customer,
        call=call,
        error=str(error)[:200],
        **({"reason": error.reason, "status": error.status} if refused else {}),
    )
    db.session.commit()


def _moment(value) -> datetime:
    """The call's ISO time as world time, naive JST (now, if the network gave none)."""
    if value is None:
        return _now()
    if not isinstance(value, str):
        raise ValueError("at must be an ISO 8601 time")
    moment = datetime.fromisoformat(value)
    return (moment.astimezone(JST) if moment.tzinfo else moment).replace(tzinfo=None)


def _now() -> datetime:
    """World time, naive JST, as the bank's tables and the journal keep it."""
    return clock.now().replace(tzinfo=None)
