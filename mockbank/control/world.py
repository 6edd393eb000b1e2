"""Control API, the world: reset, the clock, the journal, and sessions that put a browser at a step."""

from __future__ import annotations

import time
from datetime import datetime

from flask import current_app, jsonify, request

from mockbank import journal
from mockbank.bank.models import Customer
from mockbank.bank.session import APPLICANT, CUSTOMER, LOGIN_ID_DONE, NUMBER, SEEN
from mockbank.clock import world_clock
from mockbank.control import bad_request, bp
from mockbank.db import db, empty_world
from mockbank.faults import faults
from mockbank.parties import signed_session


@bp.post("/reset")
def reset():
    """Empty the world, clock and faults back to normal; {"party": "mailbox"} empties one party's state only."""
    started = time.perf_counter()
    party = (request.get_json(silent=True) or {}).get("party")
    try:
        empty_world(party)
    except ValueError as error:
        return bad_request(str(error))
    if party is None:
        world_clock().reset()
        faults().clear()
    return jsonify({"ok": True, "party": party or "all", "ms": round((time.perf_counter() - started) * 1000, 2)})


@bp.route("/faults", methods=("GET", "POST"))
def party_faults():
    """Read or set a party's fault: {"party": "issuer", "down": true} or {"party": …, "slow": seconds}; {"party": …} heals it."""
    if request.method == "POST":
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or "party" not in body:
            return bad_request('need {"party": …, "down": bool, "slow": seconds}')
        try:
            faults().set(str(body["party"]), down=body.get("down") is True, delay=float(body.get("slow") or 0))
        except (TypeError, ValueError) as error:
            return bad_request(str(error))
    return jsonify(faults().state())


@bp.route("/clock", methods=("GET", "POST"))
def clock():
    """Read or move the world clock: {"freeze": iso|true}, {"set": iso}, {"advance": s}, {"unfreeze": true}, {"skew": {...}}."""
    if request.method == "POST":
        try:
            _move_clock(request.get_json(silent=True))
        except (TypeError, ValueError, OverflowError) as error:
            return bad_request(f"bad clock request: {error}")
    return jsonify(world_clock().state())


MAX_SHIFT = 100 * 365 * 24 * 3600  # a century, in seconds: beyond it the clock would leave datetime's range


def _move_clock(body) -> None:
    """Check every clock instruction in `body` first, then apply them in a fixed order."""
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    set_at = _moment(body["set"]) if "set" in body else None
    freeze = body.get("freeze")
    freeze_at = None if freeze in (None, False, True) else _moment(freeze)
    advance = _seconds(body["advance"]) if "advance" in body else None
    skew = body.get("skew")
    if skew is not None and not (isinstance(skew, dict) and "device" in skew and "seconds" in skew):
        raise ValueError('skew needs {"device": …, "seconds": …}')
    skew_seconds = _seconds(skew["seconds"]) if skew is not None else None
    clock = world_clock()
    if set_at is not None:
        clock.set(set_at)
    if freeze:
        clock.freeze(freeze_at)
    if body.get("unfreeze"):
        clock.unfreeze()
    if advance is not None:
        clock.advance(advance)
    if skew is not None:
        clock.skew(str(skew["device"]), skew_seconds)


def _moment(value) -> datetime:
    """An ISO 8601 time, within a century of now."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not an ISO 8601 time")
    moment = datetime.fromisoformat(value)
    if not 1950 <= moment.year <= 2100:
        raise ValueError(f"{value} is too far from now")
    return moment


def _seconds(value) -> float:
    """A number of seconds, at most a century either way."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not abs(value) <= MAX_SHIFT:
        raise ValueError(f"{value!r} is not a number of seconds within a century")
    return float(value)


@bp.get("/journal")
def read_journal():
    """The journal, optionally filtered: ?kind=refused&customer_id=3."""
    customer_id = request.args.get("customer_id", type=int)
    return jsonify(journal.entries(request.args.get("kind"), customer_id))


SESSION_ROLES = (APPLICANT, LOGIN_ID_DONE, CUSTOMER)


@bp.post("/sessions")
def sessions():
    """A signed session cookie that puts a browser at a step: {"customer_id", "role"} (state over navigation)."""
    body = request.get_json(silent=True) or {}
    role = body.get("role")
    found = db.session.get(Customer, body.get("customer_id") or 0)
    if role not in SESSION_ROLES or found is None:
        return bad_request(f"need a known customer_id and a role among {', '.join(SESSION_ROLES)}")
    contents = {role: found.id, NUMBER: found.session_number, SEEN: world_clock().now().timestamp()}
    return jsonify(signed_session(current_app, "bank", contents))
