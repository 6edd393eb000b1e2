"""The app's 初期設定 (P15): hand a token's secret to one device, once."""

from __future__ import annotations

import hmac

from flask import current_app
from sqlalchemy import update

from mockbank import applied, journal
from mockbank.db import db
from mockbank.issuer.binding import check_value
from mockbank.issuer.common import (
    MAX_REF,
    SERVICE_ID,
    START_PASSWORD,
    IssuerError,
    _customer,
    _device,
    _now,
    bad_request,
)
from mockbank.issuer.models import ACTIVATED, EXPIRED, ISSUED, PENDING, REVOKED, IssuerToken
from mockbank.issuer.tokens import replace_others, state_of
from mockbank.passwords import hash_secret, secret_matches

WRONG_SETUP = "サービスID、ユーザID、または利用開始パスワードが正しくありません。"
LOCKED = "このトークンはロックされています。お取引銀行でトークンの再発行を行ってください。"


# --- the app: 初期設定 (P15) hands the secret to one device, once ------------------------------------------------


def activate(service_id, user_id, start_password, device) -> tuple[IssuerToken, str]:
    """issued → activated on `device`: (token, secret), the one time the secret leaves the issuer (R-APP-SETUP).

    Wrong values are the same 400 whatever the token's state, whether it exists, and whether this very
    attempt locked it (the app's setup is public: a stranger must learn nothing of ユーザIDs); they are
    counted on an issued token the ユーザID names, and ISSUER_SETUP_ATTEMPTS of them lock it. With the right values, a locked token is a 423 (the customer is
    told, and reissues) and a pending, revoked or already activated one a 409: a second device needs a
    reissue, never the same token (R-APP-BIND).
    """
    device, token = _asked(device, service_id=service_id, user_id=user_id, start_password=start_password)
    if token is None:
        secret_matches(_unknown_hash(), start_password)  # as long as a real comparison: the time says nothing
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
        raise IssuerError(400, "wrong_values", WRONG_SETUP)
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
    db.session.refresh(token)
    if replace_others(token):  # journals each token it revokes (R-REISSUE-OLD)
        applied.passed("R-REISSUE")  # the reissue is complete: the new phone's token is set up, the old one revoked
    applied.passed("R-APP-SETUP")
    journal.record(
        "token_activated", customer=_customer(token.bank_ref), token=token.token, user_id=token.user_id, device=device
    )
    db.session.commit()
    db.session.refresh(token)
    return token, token.secret


def _asked(device, **values):
    """The app's question checked for form (strings of a sane length, a well-formed device): (device, the token its
    サービスID and ユーザID name, or None)."""
    for name, value in values.items():
        if not isinstance(value, str) or len(value) > MAX_REF:
            raise bad_request(f"{name} must be a string")
    device = _device(device)
    if values["service_id"] != SERVICE_ID:
        return device, None
    return device, db.session.scalar(db.select(IssuerToken).where(IssuerToken.user_id == values["user_id"]))


def app_state(service_id, user_id, device, check) -> str:
    """activated or revoked: what the app on the phone the token was set up on learns of it (R-REISSUE-OLD).

    The phone proves it holds the token set up there with the check value it made at 初期設定; any other question
    gets the same 400 as a token that does not exist. A revoked token's answer names R-REISSUE-OLD in the journal.
    """
    device, token = _asked(device, service_id=service_id, user_id=user_id, check=check)
    if token is None or token.device != device or not hmac.compare_digest(check_value(token.secret, device), check):
        raise IssuerError(400, "wrong_values", WRONG_SETUP)
    state = state_of(token)
    if state == REVOKED:
        journal.record(
            "app_token_revoked",
            screen="A-OTP",
            rule="R-REISSUE-OLD",
            customer=_customer(token.bank_ref),
            token=token.token,
            device=device,
        )
        db.session.commit()
    return state


def _unknown_hash() -> str:
    """A hash to compare against when no token has the ユーザID, made once per app with its hashing settings."""
    return current_app.extensions.setdefault("issuer_unknown_hash", hash_secret("no token has this ユーザID"))


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
