"""Control API, the worlds: make one for a run, list them, drop one; worlds idle too long are dropped (mockbank.worlds)."""

from __future__ import annotations

import secrets

from flask import jsonify, request

from mockbank import worlds
from mockbank.control import bad_request, bp
from mockbank.world_state import begin, describe, drop_idle


@bp.post("/worlds")
def make_world():
    """A new, empty world: {"name"?: a-z, 0-9 and -} → {"name", "header", "created_at", "seen_at"} (201)."""
    body = request.get_json(silent=True) or {}
    if not isinstance(body, dict):
        return bad_request("the body must be a JSON object")
    name = body.get("name") or f"w-{secrets.token_hex(4)}"
    if not isinstance(name, str) or not worlds.NAME.fullmatch(name):
        return bad_request(f"{name!r} is not a world name (a-z, 0-9 and -, at most 40, not starting with -)")
    drop_idle()
    store = worlds.store()
    if store.exists(name):
        return bad_request(f"a world named {name!r} exists already", 409)
    store.create(name)
    begin(name)
    return jsonify({**describe(name), "header": worlds.HEADER}), 201


@bp.get("/worlds")
def list_worlds():
    """Every world, the default first, with when each was made and last used; idle ones are dropped first."""
    drop_idle()
    return jsonify([describe(name) for name in [worlds.DEFAULT, *worlds.store().names()]])


@bp.delete("/worlds/<name>")
def drop_world(name: str):
    """Drop a world and everything in it (the default world is emptied by a reset, never dropped)."""
    if name == worlds.DEFAULT:
        return bad_request("the default world is never dropped: reset it instead")
    if not worlds.NAME.fullmatch(name) or not worlds.store().exists(name):
        return bad_request(f"no world named {name!r}", 404)
    worlds.store().drop(name)
    return jsonify({"dropped": name})
