"""Faults the control API puts on a party, as a real outage would look from outside: down, or slow to answer.

A party that is down answers HTTP with 503 (its SMTP server with 421); a slow
one answers after a delay of real time, so that the bank's client timeouts
meet a real slow server. Each world keeps its faults in its database, like its
clock (mockbank.world_state), so every worker process sees them; they end with
a reset.
"""

from __future__ import annotations

import threading
import time

from flask import Flask, abort, request

from mockbank.parties import AT_THE_DOOR, PARTIES, party_of

FAULTY = tuple(name for name, party in PARTIES.items() if party.faults)  # the parties a fault can be put on
MAX_DELAY = 30.0  # seconds: longer than any client timeout of the world, short enough never to hang a run


class Faults:
    """Which parties are down or slow now."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, dict] = {}

    def set(self, party: str, *, down: bool = False, delay: float = 0.0) -> None:
        """Put `party` down and/or slow by `delay` seconds; neither clears its fault."""
        if party not in FAULTY:
            raise ValueError(f"no party takes faults as {party!r} (known: {', '.join(FAULTY)})")
        if not 0 <= delay <= MAX_DELAY:
            raise ValueError(f"delay must be between 0 and {MAX_DELAY} seconds")
        with self._lock:
            if down or delay:
                self._faults[party] = {"down": bool(down), "delay": float(delay)}
            else:
                self._faults.pop(party, None)
        self._changed()

    def of(self, party: str) -> dict | None:
        """`party`'s fault, if it has one."""
        with self._lock:
            fault = self._faults.get(party)
            return dict(fault) if fault else None

    def clear(self) -> None:
        """Every party answers normally again."""
        with self._lock:
            self._faults.clear()
        self._changed()

    def state(self) -> dict:
        """What the control API reports: each faulty party's fault."""
        with self._lock:
            return {party: dict(fault) for party, fault in self._faults.items()}

    def _changed(self) -> None:
        """Where the faults are kept hears of each change (mockbank.world_state.StoredFaults); in memory, nothing."""


def faults() -> Faults:
    """The faults of the world being served, kept in its database."""
    from mockbank.world_state import faults_of_world

    return faults_of_world()


def init_faults(app: Flask) -> None:
    """Apply the world's faults to every HTTP request a faulty party answers (after the request found its world)."""
    app.before_request(_apply)


def _apply():
    """A slow party whose faults meet it at the door waits before it answers; one that is down answers 503."""
    party = PARTIES[party_of(request.path)]
    fault = faults().of(party.name) if party.faults == AT_THE_DOOR else None
    if fault is None:
        return None
    if fault["delay"]:
        time.sleep(fault["delay"])
    if fault["down"]:
        abort(503)
    return None
