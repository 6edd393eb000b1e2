"""Control API, the customers: seed personas and read what the bank holds about them (never secrets)."""

from __future__ import annotations

from flask import abort, jsonify, request
from sqlalchemy.exc import IntegrityError

from mockbank import journal, rules
from mockbank.bank import lockout
from mockbank.bank.models import BiometricCredential, Customer, OtpApplication
from mockbank.bank.services import risk_based_auth
from mockbank.control import bad_request, bp
from mockbank.db import db
from mockbank.devices import WELL_FORMED
from mockbank.issuer import service as issuer
from mockbank.issuer.service import IssuerError
from mockbank.passwords import secret_matches
from mockbank.personas import UnknownPersona, seed_persona


@bp.post("/personas")
def personas():
    """Seed a persona: {"kind": "new"|"id_initialised"|"active", "seed"?, overrides…}."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return bad_request("the body must be a JSON object")
    kind = body.pop("kind", None)
    if not kind or not isinstance(kind, str):
        return bad_request("kind is required, as text")
    try:
        persona = seed_persona(kind, **body)
    except UnknownPersona as error:
        return bad_request(str(error))
    except IntegrityError:
        db.session.rollback()
        return bad_request("an account or login ID in the overrides is already taken", 409)
    journal.record("control", customer=persona["customer_id"], action="persona", persona=persona["kind"])
    db.session.commit()
    return jsonify(persona), 201


@bp.get("/customers/<int:customer_id>")
def customer(customer_id: int):
    """What the bank holds about a customer, secrets left out."""
    found = db.session.get(Customer, customer_id) or abort(404)
    applications = _applications(found)
    return jsonify(
        {
            "customer_id": found.id,
            "name": found.name,
            "contract": found.contract,
            "step": found.step,
            "login_id": found.login_id,
            "failed_attempts": found.failed_attempts,
            "locked": found.locked,
            "last_login_at": found.last_login_at.isoformat() if found.last_login_at else None,
            "mail": found.mail,
            "tel": found.tel,
            "select_email": found.select_email,
            "mail_password_active": found.mail_password_active,
            "otp_card": found.otp_card,
            "secret_questions": [a.question for a in found.secret_answers],
            "accounts": [
                {"kind": a.kind, "number": a.number, "transfer_limit": a.transfer_limit} for a in found.accounts
            ],
            "otp": _otp(applications[-1]) if applications else None,
            "otp_applications": [a.state for a in applications],
            "known_devices": [
                {"device": d.device, "first_seen_at": _iso(d.first_seen_at), "last_seen_at": _iso(d.last_seen_at)}
                for d in risk_based_auth.known_devices(found)
            ],
            "biometrics": _biometrics(found),
        }
    )


def _biometrics(customer: Customer) -> list[dict]:
    """The customer's biometric credentials (S-BIO-SET), oldest first: the phone, the count, whether revoked; no keys."""
    query = (
        db.select(BiometricCredential)
        .where(BiometricCredential.customer_id == customer.id)
        .order_by(BiometricCredential.id)
    )
    return [
        {"device": c.device, "sign_count": c.sign_count, "revoked": c.revoked, "revoked_why": c.revoked_why}
        for c in db.session.scalars(query)
    ]


def _applications(customer: Customer) -> list[OtpApplication]:
    """The customer's OTP applications, oldest first."""
    query = db.select(OtpApplication).where(OtpApplication.customer_id == customer.id).order_by(OtpApplication.id)
    return list(db.session.scalars(query))


def _otp(application: OtpApplication) -> dict:
    """The latest OTP application as the bank holds it: state, mail, picked phone (last 4), token IDs; no start password."""
    return {
        "state": application.state,
        "mail": application.mail,
        "phone_last4": rules.last4(application.phone.number),
        "service_id": application.service_id,
        "user_id": application.user_id,
        "created_at": _iso(application.created_at),
        "shown_at": _iso(application.shown_at),
        "verified_at": _iso(application.verified_at),
        "issued_at": _iso(application.issued_at),
        "mail_delivered": application.mail_delivered,
        **_token(application.token),
    }


def _token(reference: str) -> dict:
    """What otp-auth.net holds of the application's token: its state, whether locked, the phone it is set up on."""
    try:
        described = issuer.describe(reference)
    except IssuerError:
        return {"token_state": None, "token_locked": None, "token_device": None}
    return {"token_state": described["state"], "token_locked": described["locked"], "token_device": described["device"]}


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


@bp.post("/customers/<int:customer_id>/password-check")
def password_check(customer_id: int):
    """Whether a password is the customer's current one: {"which": "login"|"confirm"|"start", "password"} → {"matches"}.

    "start" is the 利用開始パスワード of the latest OTP application: the bank never keeps it, so the
    world asks the issuer, which holds it (hashed) with the application's token.
    """
    found = db.session.get(Customer, customer_id) or abort(404)
    body = request.get_json(silent=True) or {}
    if body.get("which") == "start":
        stored = _start_password_hash(found)
        if stored is None:
            return bad_request("the customer has no OTP application with a token at the issuer", 404)
    else:
        stored = {"login": found.login_pw_hash, "confirm": found.confirm_pw_hash}.get(body.get("which"))
    if stored is None:
        return bad_request('which must be "login", "confirm" or "start"')
    journal.record("control", customer=found, action="password-check", which=body.get("which"))
    db.session.commit()
    return jsonify({"matches": secret_matches(stored, str(body.get("password", "")))})


def _start_password_hash(customer: Customer) -> str | None:
    """The issuer's hash of the 利用開始パスワード behind the customer's latest application's token."""
    applications = _applications(customer)
    if not applications:
        return None
    try:
        return issuer.get(applications[-1].token).start_password_hash
    except IssuerError:
        return None


@bp.post("/customers/<int:customer_id>/answer-check")
def answer_check(customer_id: int):
    """Whether an answer is the registered one for a question, exactly as typed: {"question", "answer"} → {"matches"}."""
    found = db.session.get(Customer, customer_id) or abort(404)
    body = request.get_json(silent=True) or {}
    registered = next((a for a in found.secret_answers if a.question == body.get("question")), None)
    if registered is None:
        return bad_request("no such registered question")
    journal.record("control", customer=found, action="answer-check")
    db.session.commit()
    return jsonify({"matches": secret_matches(registered.answer_hash, str(body.get("answer", "")))})


@bp.post("/customers/<int:customer_id>/unlock")
def unlock(customer_id: int):
    """R-LOCKOUT, out of band (the branch, the help desk): the customer's login works again, the count from nothing."""
    found = db.session.get(Customer, customer_id) or abort(404)
    lockout.unlock(found)
    return jsonify({"customer_id": found.id, "locked": found.locked, "failed_attempts": found.failed_attempts})


@bp.post("/customers/<int:customer_id>/devices")
def know_device(customer_id: int):
    """R-RBA: the customer has logged in from this device before: {"device": identity} (32 hex digits)."""
    found = db.session.get(Customer, customer_id) or abort(404)
    device = (request.get_json(silent=True) or {}).get("device")
    if not isinstance(device, str) or not WELL_FORMED.fullmatch(device):
        return bad_request("device must be a device identity: 32 lowercase hex digits")
    risk_based_auth.remember_device(found, device)
    journal.record("control", customer=found, action="known-device")
    db.session.commit()
    return jsonify({"customer_id": found.id, "device": device}), 201
