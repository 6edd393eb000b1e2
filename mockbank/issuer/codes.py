"""Verifying the app's codes (P15): RFC 6238 TOTP on 60-second steps of world time, drift, replay, copies, lock."""

from __future__ import annotations

import hmac
import re

import pyotp
from flask import current_app
from sqlalchemy import or_, update

from mockbank import applied, clock, journal
from mockbank.db import db
from mockbank.issuer.binding import bound_totp
from mockbank.issuer.common import _customer, _device, _now, bad_request
from mockbank.issuer.models import ACTIVATED, REVOKED, IssuerToken
from mockbank.issuer.tokens import get, state_of

# RFC 6238 §5.2 recommends allowing at most one time step of delay; we take one step either way: one back for
# the time a customer takes to type a code shown near the end of its minute, one ahead for a phone clock a
# little fast. Anything further is refused (R-OTP-60: the phone's clock must be on JST).
VALID_WINDOW = 1
# A refused code found this many steps either side is journalled as drift (with how far), not as a plain wrong
# code, so a skewed phone is told apart in the journal. It is refused all the same.
DRIFT_DIAGNOSIS = 10

CODE = re.compile(r"[0-9]{6}")


# --- codes: RFC 6238 TOTP, 60-second steps, world time ------------------------------------------------------------


def verify(token_ref, code, device=None) -> dict:
    """{"valid": True} or {"valid": False, "reason": …} (+ "locked": True when this refusal locked the token).

    `device` is where the code was typed (the phone logging in, or a PC), if the bank knows it; the journal
    keeps it. A code is good when it comes from the token's key on the phone it was set up on (R-APP-BIND,
    binding.py), within one step of the world's time (R-OTP-60), once (R-OTP-ONCE: a step once accepted,
    and any before it, is never accepted again, NIST SP 800-63B §5.1.4.2). A code made from the seed on
    the very phone typing it, when that is not the phone the token was set up on, is app data copied to
    another phone and is refused as such. Refusals count; ISSUER_VERIFY_ATTEMPTS in a row lock the token
    (R-LOCKOUT); a good code resets the count. A malformed code or device is a 400 and counts nothing.
    """
    if not isinstance(code, str) or not CODE.fullmatch(code):
        raise bad_request("code must be 6 ASCII digits")
    device = None if device is None else _device(device)
    token = get(token_ref)
    state = state_of(token)
    if state == REVOKED:
        return _refuse_code(token, device, "revoked", "R-REISSUE-OLD", count=False)
    if state != ACTIVATED:
        return _refuse_code(token, device, "not_activated", None, count=False)
    if token.locked_at is not None:
        return _refuse_code(token, device, "locked", "R-LOCKOUT", count=False)
    now = clock.now()
    totp = bound_totp(token.secret, token.device)
    now_counter = totp.timecode(now)
    offset = _matching_offset(totp, code, now_counter, VALID_WINDOW)
    if offset is None:
        if device and device != token.device:
            copied = bound_totp(token.secret, device)
            if _matching_offset(copied, code, copied.timecode(now), VALID_WINDOW) is not None:
                return _refuse_code(token, device, "device", "R-APP-BIND")
        if _from_replaced(token, code, now):
            return _refuse_code(token, device, "replaced", "R-REISSUE-OLD")
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


def _from_replaced(token: IssuerToken, code: str, now) -> bool:
    """R-REISSUE-OLD: `code` is one the old phone's app would show, for a token this one replaced at a reissue."""
    replaced = db.session.scalars(db.select(IssuerToken).where(IssuerToken.replaced_by == token.token))
    for old in replaced:
        if old.device:
            old_totp = bound_totp(old.secret, old.device)
            if _matching_offset(old_totp, code, old_totp.timecode(now), VALID_WINDOW) is not None:
                return True
    return False


def _matching_offset(totp: pyotp.TOTP, code: str, counter: int, window: int) -> int | None:
    """The step offset (0, then ±1, ±2 … up to ±window) whose code is `code`, compared in constant time."""
    for distance in range(window + 1):
        for offset in sorted({-distance, distance}):
            if counter + offset >= 0 and hmac.compare_digest(totp.generate_otp(counter + offset), code):
                return offset
    return None


def _refuse_code(
    token: IssuerToken, device: str | None, reason: str, rule: str | None, *, count: bool = True, **detail
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
