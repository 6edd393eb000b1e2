"""Control API, the phone network: place a call as a phone would, through the dialler's own service."""

from __future__ import annotations

from flask import current_app, jsonify, request

from mockbank.control import bad_request, bp
from mockbank.phone.numbers import DialRefused
from mockbank.phone.service import place_call


@bp.post("/calls")
def calls():
    """{"from": "090…", "to"?: the bank's 0120 line, "withheld"?: bool} → the call (201), as T-PHONE places it."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("from"), str):
        return bad_request('need {"from": "<this phone\'s number>", "to"?: "<number>", "withheld"?: bool}')
    to = body.get("to", current_app.config["PHONE_AUTH_NUMBER"])
    withheld = body.get("withheld", False)
    if not isinstance(to, str) or not isinstance(withheld, bool):
        return bad_request('"to" must be a number as a string and "withheld" true or false')
    try:
        call = place_call(body["from"], to, caller_id_shown=not withheld)
    except DialRefused as refused:
        return bad_request(str(refused))
    return jsonify(call.as_dict()), 201
