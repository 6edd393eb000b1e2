"""生体認証利用設定 (S-BIO-SET, P18): the phone's biometric first, then login ID and password, 登録 (R-BIO-SET).

The prompt comes first (P18), so the bank verifies the new credential (py_webauthn: challenge of this session and
not expired, origin, RP ID, user verified) before it knows whose it is, and keeps it in the session only; 登録 with
the right login ID and password makes it the customer's. A failed or cancelled prompt, a response that does not
verify, or a wrong ID or password registers nothing; wrong passwords count toward R-LOCKOUT as at ログイン.
"""

from __future__ import annotations

from flask import current_app, flash, session
from webauthn import verify_registration_response
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException

from mockbank import applied, clock, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused
from mockbank.bank.models import STEP_DONE, BiometricCredential, Customer
from mockbank.bank.services import biometric_credentials as rp
from mockbank.bank.services import risk_based_auth
from mockbank.bank.services.credentials import check_credentials
from mockbank.db import db
from mockbank.devices import device_id

SCREEN = "S-BIO-SET"
REGISTERED = "生体認証の登録が完了しました。次回から「生体認証でログイン」でログインできます。"
PENDING = "bio_pending"  # the verified credential awaiting 登録: public data only (ID, public key, count, handle)


def failed(problem: rules.Problem, reason: str, customer: Customer | None = None) -> Refused:
    """Journal why a biometric did not go through (the screen shows only `problem`), and the refusal to raise."""
    journal.record("biometric_failed", screen=SCREEN, rule=problem.rule, customer=customer, reason=reason[:200])
    db.session.commit()
    return Refused(problem, customer=customer)


def verify_prompt(form) -> str:
    """The phone's biometric answered (P18): verify the new credential, keep it for 登録; where the customer goes next."""
    problem = rp.device_problem()
    if problem:
        raise Refused(problem)
    applied.passed("R-BIO-DEVICE")
    if form.get("failure"):  # the phone said no: not recognised, cancelled, timed out (the page cannot tell which)
        raise failed(rules.BIO_SET_FAILED, f"phone:{form.get('failure')}")
    given = rp.take_challenge("register")
    if given is None:
        raise failed(rules.BIO_SET_EXPIRED, "challenge")
    challenge, kept = given
    try:
        verified = verify_registration_response(
            credential=form.get("credential", ""),
            expected_challenge=challenge,
            expected_rp_id=rp.rp_id(),
            expected_origin=rp.origin(),
            require_user_verification=True,
            supported_pub_key_algs=rp.ALGORITHMS,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError) as error:
        raise failed(rules.BIO_SET_FAILED, f"verify:{error}") from error
    if rp.find(verified.credential_id) is not None:
        raise failed(rules.BIO_SET_FAILED, "known credential")
    session[PENDING] = {
        "id": bytes_to_base64url(verified.credential_id),
        "key": bytes_to_base64url(verified.credential_public_key),
        "count": verified.sign_count,
        "user": kept.get("user"),
        "device": device_id(),
        "at": clock.now().timestamp(),
    }
    journal.record("biometric_verified", screen=SCREEN, device=device_id())
    db.session.commit()
    return "bank.biometric_setting_register"


def pending() -> dict | None:
    """The credential this session verified and has not registered yet."""
    kept = session.get(PENDING)
    return kept if isinstance(kept, dict) else None


def register(form) -> str:
    """登録 (P18): the right login ID and password make the verified credential the customer's (R-BIO-SET)."""
    kept = pending()
    waited = clock.now().timestamp() - float(kept.get("at", 0)) if kept else None
    if waited is None or waited > current_app.config["BIOMETRIC_PENDING_SECONDS"]:
        session.pop(PENDING, None)
        raise failed(rules.BIO_SET_EXPIRED, "pending")
    try:
        customer = check_credentials(form.get("login_id", ""), form.get("login_pw", ""), SCREEN)
    except Refused as refused:  # R-BIO-SET: a wrong ID or password registers nothing (and counts, R-LOCKOUT)
        journal.record("refused", screen=SCREEN, rule="R-BIO-SET", customer=refused.customer, why="credentials")
        db.session.commit()
        raise
    lockout.check_password(customer, True, SCREEN, rules.LOGIN_MISMATCH)  # the right password ends a run of failures
    if customer.step != STEP_DONE:
        raise failed(rules.BIO_SET_NOT_READY, f"step:{customer.step}", customer)
    if risk_based_auth.unusual(customer):  # ID and password alone never make a stranger's phone a way in (R-RBA)
        journal.record("refused", screen=SCREEN, rule="R-RBA", customer=customer, device=device_id())
        raise failed(rules.BIO_SET_UNKNOWN_DEVICE, "unknown device", customer)
    device = kept.get("device")
    for old in rp.active(customer):
        if device and old.device == device:  # this phone registers again: its older credential goes
            old.revoked, old.revoked_why = True, "replaced"
    db.session.add(
        BiometricCredential(
            customer_id=customer.id,
            credential_id=base64url_to_bytes(kept["id"]),
            public_key=base64url_to_bytes(kept["key"]),
            sign_count=int(kept.get("count") or 0),
            user_handle=base64url_to_bytes(kept.get("user") or ""),
            device=device,
            created_at=rp.now_naive(),
        )
    )
    session.pop(PENDING, None)
    applied.passed("R-BIO-SET")
    journal.record("biometric_registered", screen=SCREEN, customer=customer, device=device)
    db.session.commit()
    flash(REGISTERED)  # P18 → P19: the login screen says it is done
    return "bank.biometric_login"
