"""A world's own state in its database (table world_state, one row): its clock, its faults, when it was last used.

Kept in the database, not in a process, so that every worker process of a
served mock reads the same clock and faults, and each world has its own.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import current_app, g
from sqlalchemy import JSON, BigInteger
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from mockbank.clock import WorldClock
from mockbank.db import db
from mockbank.faults import Faults
from mockbank.worlds import DEFAULT, current, store

ROW = 1
SEEN_EVERY = timedelta(seconds=30)  # how stale seen_at may grow before a request writes it again


class WorldState(db.Model):
    """The world's clock (offset from real time, or frozen; skews), its faults, and when it was made and last used."""

    __tablename__ = "world_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]  # real time, UTC
    seen_at: Mapped[datetime]  # real time, UTC, of a recent request: a world idle too long is dropped
    offset_us: Mapped[int] = mapped_column(BigInteger, default=0)
    frozen_at: Mapped[datetime | None]  # UTC
    skews: Mapped[dict] = mapped_column(JSON, default=dict)
    faults: Mapped[dict] = mapped_column(JSON, default=dict)


def _read(session) -> WorldState:
    """The world's state as its row holds it, or a fresh world's (real time, no faults) where it has none yet."""
    row = session.get(WorldState, ROW)
    if row is None:
        moment = _real_now()
        row = WorldState(id=ROW, created_at=moment, seen_at=moment, offset_us=0, skews={}, faults={})
    return row


def _row(session) -> WorldState:
    """The world's state row, to be written, made on first need (a fresh or reset world); commits if it made it."""
    row = session.get(WorldState, ROW)
    if row is None:
        moment = _real_now()
        session.add(WorldState(id=ROW, created_at=moment, seen_at=moment, offset_us=0, skews={}, faults={}))
        try:
            session.commit()
        except IntegrityError:  # another request (another process) made it first
            session.rollback()
        row = session.get(WorldState, ROW)
    return row


def _real_now() -> datetime:
    """Real time, UTC, naive as the databases keep it: how long a world sat idle is real time, not world time."""
    return datetime.now(UTC).replace(tzinfo=None)


class StoredClock(WorldClock):
    """The world clock of the world being served, read from and written to its world_state row."""

    def __init__(self, row: WorldState) -> None:
        super().__init__()
        self._offset = timedelta(microseconds=row.offset_us)
        self._frozen_at = row.frozen_at.replace(tzinfo=UTC) if row.frozen_at else None
        self._skews = {device: timedelta(seconds=s) for device, s in (row.skews or {}).items()}

    def _changed(self) -> None:
        row = _row(db.session)
        row.offset_us = self._offset // timedelta(microseconds=1)
        row.frozen_at = self._frozen_at.astimezone(UTC).replace(tzinfo=None) if self._frozen_at else None
        row.skews = {device: delta.total_seconds() for device, delta in self._skews.items()}
        db.session.commit()


class StoredFaults(Faults):
    """The faults of the world being served, read from and written to its world_state row."""

    def __init__(self, row: WorldState) -> None:
        super().__init__()
        self._faults = {party: dict(fault) for party, fault in (row.faults or {}).items()}

    def _changed(self) -> None:
        row = _row(db.session)
        row.faults = {party: dict(fault) for party, fault in self._faults.items()}
        db.session.commit()


def clock_of_world() -> StoredClock:
    """The current world's clock (read once per request or app context)."""
    if "world_clock" not in g:
        g.world_clock = StoredClock(_read(db.session))
    return g.world_clock


def faults_of_world() -> StoredFaults:
    """The current world's faults (read once per request or app context)."""
    if "world_faults" not in g:
        g.world_faults = StoredFaults(_read(db.session))
    return g.world_faults


def seen() -> None:
    """A request came in: note it, at most every SEEN_EVERY per process (the default world is never dropped)."""
    name = current()
    noted = store().noted
    if name == DEFAULT or _real_now() - noted.get(name, datetime.min) < SEEN_EVERY:
        return
    row = _row(db.session)
    if _real_now() - row.seen_at > SEEN_EVERY:
        row.seen_at = _real_now()
        db.session.commit()
    noted[name] = _real_now()


def begin(name: str) -> None:
    """A world just made starts its state: made and last used now."""
    with Session(store().engine(name) or db.engine) as session:
        _row(session)


def describe(name: str) -> dict:
    """A world as the control API lists it: its name, when it was made and last used (real time, UTC)."""
    engine = store().engine(name)
    with Session(engine or db.engine) as session:
        row = _read(session)
        return {"name": name, "created_at": _iso(row.created_at), "seen_at": _iso(row.seen_at)}


def drop_idle() -> list[str]:
    """Drop every world unused for longer than WORLD_IDLE_SECONDS; the names dropped."""
    limit = timedelta(seconds=float(current_app.config["WORLD_IDLE_SECONDS"]))
    worlds = store()
    dropped = []
    for name in worlds.names():
        try:
            with Session(worlds.engine(name)) as session:
                row = session.get(WorldState, ROW)
        except DBAPIError:  # another process is making it, or dropping it, right now
            continue
        idle = row is not None and _real_now() - row.seen_at > limit
        if idle:
            worlds.drop(name)
            dropped.append(name)
    return dropped


def _iso(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).isoformat()
