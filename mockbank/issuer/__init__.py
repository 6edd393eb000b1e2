"""The OTP issuer (otp-auth.net): its own party with a JSON API the bank reaches only over HTTP (DESIGN).

Token issue, app activation and code verification come with the OTP
application (P12–P17); this version answers whether the issuer is up.
"""

from flask import Blueprint, jsonify

bp = Blueprint("issuer", __name__, url_prefix="/issuer")

SERVICE_NAME = "otp-auth.net"


@bp.get("/api/health")
def health():
    """Whether the issuer answers: what a client checks before it relies on it."""
    return jsonify({"service": SERVICE_NAME, "ok": True})
