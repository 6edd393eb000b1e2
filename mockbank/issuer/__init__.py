"""The OTP issuer (otp-auth.net): its own party with a JSON API the bank reaches only over HTTP (DESIGN).

It issues a token per OTP application (P12–P13) and mails its サービスID and ユーザID, hands the TOTP secret
to the ワンタイムPW app once at 初期設定 (P15), and verifies the app's 60-second codes (P17).
models.py is its table (issuer_token), service.py what it does, api.py the API.
"""

from flask import Blueprint, jsonify

bp = Blueprint("issuer", __name__)  # mounted at its prefix in parties.PARTIES

SERVICE_NAME = "otp-auth.net"


@bp.get("/api/health")
def health():
    """Whether the issuer answers: what a client checks before it relies on it."""
    return jsonify({"service": SERVICE_NAME, "ok": True})


from mockbank.issuer import api  # noqa: E402,F401  (the routes)
