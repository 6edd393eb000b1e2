"""The world clock: every expiry reads it; tests freeze, set and advance it (DESIGN: one clock per world, in its database)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

JST = timezone(timedelta(hours=9), "JST")


class WorldClock:
    """Real time plus an offset, optionally frozen, with a per-device skew for phones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset = timedelta(0)
        self._frozen_at: datetime | None = None
        self._skews: dict[str, timedelta] = {}

    def reset(self) -> None:
        """Back to real time, unfrozen, no skews."""
        with self._lock:
            self._offset = timedelta(0)
            self._frozen_at = None
            self._skews = {}
        self._changed()

    def now(self, device: str | None = None) -> datetime:
        """The world's time in JST; a device sees it shifted by its skew."""
        with self._lock:
            base = self._frozen_at or datetime.now(UTC) + self._offset
            skew = self._skews.get(device, timedelta(0)) if device else timedelta(0)
        return (base + skew).astimezone(JST)

    def freeze(self, at: datetime | None = None) -> None:
        """Stop time at `at` (or now) until advanced or unfrozen."""
        moment = _aware(at) if at else self.now()
        with self._lock:
            self._frozen_at = moment
        self._changed()

    def unfreeze(self) -> None:
        """Let time run again from where it stands."""
        current = self.now()
        with self._lock:
            self._frozen_at = None
            self._offset = current - datetime.now(UTC)
        self._changed()

    def set(self, at: datetime) -> None:
        """Jump to `at`; a frozen clock stays frozen there, a running one runs on from it."""
        moment = _aware(at)
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at = moment
            else:
                self._offset = moment - datetime.now(UTC)
        self._changed()

    def advance(self, seconds: float) -> None:
        """Move the world forward (or back, if negative) by `seconds`."""
        step = timedelta(seconds=seconds)
        with self._lock:
            _ = (self._frozen_at or datetime.now(UTC) + self._offset) + step  # OverflowError: nothing moves
            if self._frozen_at is not None:
                self._frozen_at += step
            else:
                self._offset += step
        self._changed()

    def skew(self, device: str, seconds: float) -> None:
        """Give one device's clock a skew from the world (R-OTP-60: a phone off JST)."""
        with self._lock:
            self._skews[device] = timedelta(seconds=seconds)
        self._changed()

    def _changed(self) -> None:
        """Where the clock is kept hears of each move (mockbank.world_state.StoredClock); in memory, nothing to do."""

    def state(self) -> dict:
        """What the control API reports: now, frozen or not, and each device's skew."""
        with self._lock:
            frozen = self._frozen_at is not None
            skews = {name: delta.total_seconds() for name, delta in self._skews.items()}
        return {"now": self.now().isoformat(), "frozen": frozen, "skews": skews}


def _aware(moment: datetime) -> datetime:
    """A naive time is taken as JST, the bank's own zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=JST)


def world_clock() -> WorldClock:
    """The clock of the world being served, kept in its database (every worker process reads the same)."""
    from mockbank.world_state import clock_of_world

    return clock_of_world()


def now() -> datetime:
    """The world's time now, in JST."""
    return world_clock().now()
