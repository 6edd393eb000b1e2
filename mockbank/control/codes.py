"""What the issuer's token shows on one phone at given moments (R-OTP-60, R-APP-BIND): for steps that check a code."""

from datetime import timedelta

from flask import jsonify, request

from mockbank.control import bad_request, bp
from mockbank.control.world import _moment, _seconds
from mockbank.issuer.binding import bound_totp

MAX_MOMENTS = 1_000  # a bound on one answer's length


@bp.post("/codes")
def codes():
    """The codes a token shows on a device around a moment: {seed, device, at, offsets: [seconds…]} → {codes: […]}."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not all(isinstance(body.get(k), str) for k in ("seed", "device", "at")):
        return bad_request('codes needs {"seed": …, "device": …, "at": …, "offsets": [seconds…]}')
    offsets = body.get("offsets", [0])
    if not isinstance(offsets, list) or not 0 < len(offsets) <= MAX_MOMENTS:
        return bad_request(f"offsets must be a list of 1 to {MAX_MOMENTS} numbers of seconds")
    try:
        at = _moment(body["at"])
        totp = bound_totp(body["seed"], body["device"])
        moments = [at + timedelta(seconds=_seconds(offset)) for offset in offsets]
        return jsonify({"codes": [totp.at(moment) for moment in moments]})
    except (ValueError, TypeError) as refused:
        return bad_request(str(refused))
