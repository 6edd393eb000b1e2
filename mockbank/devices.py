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

from flask import request

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
