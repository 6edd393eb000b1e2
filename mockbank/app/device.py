"""The identity the phone gives the app (R-APP-BIND): the key its codes come from is the seed joined with it.

Each phone of the harness sends its identity with every request (X-Mockbank-Device,
mockbank/devices.py): it is not in the phone's cookies or storage, so copying the
app's data to another phone does not copy it, as a hardware-bound key would not
be copied. A person's own phone sends none; it gets a random identity kept in a
cookie of the app's, which a copy of the browser's cookies would carry (the
README says so).
"""

from __future__ import annotations

import uuid

from flask import g, request

from mockbank.app import bp
from mockbank.devices import WELL_FORMED, device_id

COOKIE = "mockbank_app_device"
TEN_YEARS = 10 * 365 * 24 * 3600


def app_device() -> str:
    """This phone's identity, as the app reads it from the phone."""
    if "app_device" not in g:
        kept = request.cookies.get(COOKIE, "")
        g.app_device = device_id() or (kept if WELL_FORMED.fullmatch(kept) else None)
        if g.app_device is None:
            g.app_device = g.new_app_device = uuid.uuid4().hex
    return g.app_device


@bp.after_app_request
def keep_identity(response):
    """A phone without an identity of its own keeps the one the app gave it."""
    if g.get("new_app_device"):
        response.set_cookie(
            COOKIE,
            g.new_app_device,
            max_age=TEN_YEARS,
            path="/app",
            httponly=True,
            samesite="Lax",
            secure=request.is_secure,
        )
    return response


@bp.context_processor
def identity() -> dict:
    """Every screen of the app knows the phone's identity, as an app asks its phone (app.js reads it)."""
    return {"device": app_device()}
