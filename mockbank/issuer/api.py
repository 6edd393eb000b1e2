"""otp-auth.net's JSON API: what the bank (and later the app) call over HTTP, with the issuer's key.

Every call the bank makes needs ``X-Issuer-Key: <ISSUER_API_KEY>`` (401 otherwise); the app's own call,
/api/tokens/activate (初期設定, made from the phone with the values the customer types), and /api/health do
not: the app holds no key of the bank's. Answers are JSON; a
refusal is ``{"error": …, "reason": …}`` with its status (400 malformed or wrong values, 404 no such token,
409 a token in the wrong state, 423 a locked token).
"""

from __future__ import annotations

import hmac

from flask import current_app, jsonify, request

from mockbank.issuer import bp, service
from mockbank.issuer.service import DIGITS, STEP_SECONDS, IssuerError, bad_request
from mockbank.parties import PARTIES

KEY_HEADER = "X-Issuer-Key"
PUBLIC = {
    "issuer.health",
    "issuer.activate_token",
    "issuer.app_token_state",
}  # what the app calls, and anyone may ask whether it is up


@bp.before_request
def require_key():
    """Only a caller holding the issuer's key (the bank) reaches the API; anyone may ask whether it is up."""
    if request.endpoint in PUBLIC or not request.path.startswith(f"{PARTIES['issuer'].prefix}/api/"):
        return None
    given = request.headers.get(KEY_HEADER, "").encode()
    if not hmac.compare_digest(given, str(current_app.config["ISSUER_API_KEY"]).encode()):
        return jsonify({"error": f"a missing or wrong {KEY_HEADER}", "reason": "unauthorised"}), 401
    return None


@bp.errorhandler(IssuerError)
def refused(error: IssuerError):
    """A refusal as JSON, with its status."""
    return jsonify(error.as_dict()), error.status


def body() -> dict:
    """The call's JSON object; anything else is a 400."""
    given = request.get_json(silent=True)
    if not isinstance(given, dict):
        raise bad_request("the body must be a JSON object")
    return given


@bp.post("/api/tokens")
def create_token():
    """{"bank_ref", "application", "mail", "start_password", "reissue"?} → 201 a PENDING token; the same → 200 it."""
    given = body()
    token, created = service.create_token(
        given.get("bank_ref"),
        given.get("application"),
        given.get("mail"),
        given.get("start_password"),
        given.get("reissue", False),
    )
    return jsonify(service.public(token)), 201 if created else 200


@bp.get("/api/tokens/<token>")
def read_token(token: str):
    """The token: state, mail, when issued (never the secret or the start password)."""
    return jsonify(service.describe(token))


@bp.post("/api/tokens/<token>/issue")
def issue_token(token: str):
    """pending → issued and the token mail from otp-auth.net; again: the same answer, no second mail."""
    issued, delivered = service.issue(token)
    return jsonify({**service.public(issued), "mail_delivered": delivered})


@bp.post("/api/tokens/<token>/mail")
def resend_token_mail(token: str):
    """The token mail again, for an issued token whose first mail was not delivered."""
    resent, delivered = service.resend_mail(token)
    return jsonify({**service.public(resent), "mail_delivered": delivered})


@bp.post("/api/tokens/<token>/revoke")
def revoke_token(token: str):
    """→ revoked for good; an optional {"reason"} goes to the journal."""
    given = request.get_json(silent=True)
    reason = given.get("reason") if isinstance(given, dict) else None
    return jsonify(service.public(service.revoke(token, reason)))


@bp.post("/api/tokens/activate")
def activate_token():
    """The app's 初期設定: {"service_id", "user_id", "start_password", "device"} → the secret, this once."""
    given = body()
    token, secret = service.activate(
        given.get("service_id"), given.get("user_id"), given.get("start_password"), given.get("device")
    )
    return jsonify(
        {
            "token": token.token,
            "secret": secret,
            "service_id": token.service_id,
            "user_id": token.user_id,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "interval": STEP_SECONDS,
        }
    )


@bp.post("/api/tokens/<token>/verify")
def verify_code(token: str):
    """{"code", "device"?} → {"valid": true} or {"valid": false, "reason", "locked"?}; device: where it was typed."""
    given = body()
    return jsonify(service.verify(token, given.get("code"), given.get("device")))


@bp.post("/api/tokens/state")
def app_token_state():
    """The app asks whether a token it holds still stands: {"service_id", "user_id", "device", "check"} → {"state"}.

    `check` is the value the app made at 初期設定 on that device (binding.check_value): only the phone the token was
    set up on can ask, and anything else gets the same 400 as an unknown token (R-REISSUE-OLD).
    """
    given = body()
    return jsonify(
        {
            "state": service.app_state(
                given.get("service_id"), given.get("user_id"), given.get("device"), given.get("check")
            )
        }
    )
