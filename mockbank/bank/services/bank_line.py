"""The bank's 0120 line for 電話番号認証 (S-TEL, P13): the calls the phone network delivers, and what each proves (R-TEL-CLI, R-TEL-120)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mockbank import applied, journal, rules
from mockbank.bank.models import OTP_OPEN, OTP_VERIFIED, Customer, OtpApplication
from mockbank.bank.services.applications import now
from mockbank.bank.services.phone_check import seconds_since_shown
from mockbank.clock import JST
from mockbank.db import db


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


def _moment(value) -> datetime:
    """The call's ISO time as world time, naive JST (now, if the network gave none)."""
    if value is None:
        return now()
    if not isinstance(value, str):
        raise ValueError("at must be an ISO 8601 time")
    moment = datetime.fromisoformat(value)
    return (moment.astimezone(JST) if moment.tzinfo else moment).replace(tzinfo=None)
