"""The identity the phone gives the app (R-APP-BIND): the key its codes come from is the seed joined with it.

Each phone of the harness sends its identity with every request (X-Mockbank-Device,
mockbank/devices.py): it is not in the phone's cookies or storage, so copying the
app's data to another phone does not copy it, as a hardware-bound key would not
be copied. A person's own phone sends none; it gets a random identity kept in a
cookie of the app's, which a copy of the browser's cookies would carry (the
README says so).
"""

from __future__ import annotations

from mockbank.app import bp
from mockbank.devices import keep_device, remembered_device

COOKIE = "mockbank_app_device"


def app_device() -> str:
    """This phone's identity, as the app reads it from the phone."""
    return remembered_device(COOKIE)


@bp.after_app_request
def keep_identity(response):
    """A phone without an identity of its own keeps the one the app gave it."""
    return keep_device(response, COOKIE, path="/app")


@bp.context_processor
def identity() -> dict:
    """Every screen of the app knows the phone's identity, as an app asks its phone (app.js reads it)."""
    return {"device": app_device()}
