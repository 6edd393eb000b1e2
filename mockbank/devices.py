"""Which device a request comes from: the identity each phone of the harness sends, for device binding and risk checks.

A real bank tells devices apart by what the phone's app or browser holds
(a device-bound key, a cookie). Each phone of the suite sends a random device
ID with every request (``X-Mockbank-Device``); it is not among the phone's
cookies or storage, so copying a phone's storage to another device does not
copy its identity. A request without it (a person's own phone browser) has
none.
"""

from __future__ import annotations

import re
import uuid

from flask import g, request

DEVICE_HEADER = "X-Mockbank-Device"
WELL_FORMED = re.compile(r"[0-9a-f]{32}")  # the identity a phone sends: 32 hex digits


def device_id() -> str | None:
    """The requesting device's identity, if it sent a well-formed one."""
    value = request.headers.get(DEVICE_HEADER, "")
    return value if WELL_FORMED.fullmatch(value) else None


# What a phone's or tablet's browser puts in its User-Agent; any other browser is taken as a PC's (§1, R-MAILPW).
MOBILE_MARKERS = ("Mobile", "iPhone", "Android", "iPad")


def is_pc() -> bool:
    """§1: whether the request comes from a PC, i.e. its User-Agent is not a smartphone's or tablet's."""
    agent = request.headers.get("User-Agent", "")
    return not any(marker in agent for marker in MOBILE_MARKERS)


TEN_YEARS = 10 * 365 * 24 * 3600  # how long a party's own device cookie lasts


def remembered_device(cookie: str) -> str:
    """This device's identity for a party: the harness's header, else the party's own long-lived cookie, else a new one
    (which `keep_device` then sets), as an app or a bank's risk engine knows a phone or a browser."""
    if cookie not in g.setdefault("devices", {}):
        kept = request.cookies.get(cookie, "")
        found = device_id() or (kept if WELL_FORMED.fullmatch(kept) else None)
        g.devices[cookie] = found or uuid.uuid4().hex
        if found is None:
            g.setdefault("new_devices", {})[cookie] = g.devices[cookie]
    return g.devices[cookie]


def keep_device(response, cookie: str, path: str = "/"):
    """A device without an identity of its own keeps the one `remembered_device` gave it under `cookie`."""
    new = g.get("new_devices", {}).get(cookie)
    if new:
        response.set_cookie(
            cookie, new, max_age=TEN_YEARS, path=path, httponly=True, samesite="Lax", secure=request.is_secure
        )
    return response
