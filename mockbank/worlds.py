"""Worlds: one mock, many runs at once, each run's customers, clock, faults, mail, calls and journal in a world of its own.

A world is a database of its own: a SQLite file under WORLDS_DIR (next to the
default database, in `worlds/`), or on PostgreSQL a schema (`world_<name>`) the
world's connections translate every table to. The default world is the
database people using `serve` have always had. A request names its world in
the X-Mockbank-World header; every party that calls another passes it on
(HTTP: the header; SMTP: the EHLO name and a header of the mail).
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from flask import Flask, abort, current_app, g, has_app_context, request
from sqlalchemy import Engine, create_engine, inspect, make_url, text
from sqlalchemy.schema import CreateSchema

from mockbank.db import create_world_schema, db, tune_sqlite

HEADER = "X-Mockbank-World"
DEFAULT = "default"
NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")  # short, safe as a file name, a schema name, a host label
SCHEMA_PREFIX = "world_"
HELO_SUFFIX = ".world.mockbank.invalid"  # the EHLO name a party sending mail from a world gives (mail/sender.py)
MANAGEMENT = "/_control/worlds"  # making, listing and dropping worlds happens outside any world


class UnknownWorld(LookupError):
    """No world of that name exists (never made, dropped, or idle too long)."""


def current() -> str:
    """The world of the request or app context being served; the default world outside one."""
    return g.get("world", DEFAULT) if has_app_context() else DEFAULT


def headers() -> dict[str, str]:
    """What a party calling another over HTTP sends so that the call stays in this world."""
    name = current()
    return {} if name == DEFAULT else {HEADER: name}


def helo_name() -> str | None:
    """The EHLO name a party sending mail from this world gives (None: the machine's own, the default world)."""
    name = current()
    return None if name == DEFAULT else name + HELO_SUFFIX


def world_of_helo(helo: str | None) -> str:
    """The world an SMTP client's EHLO name says it sends from."""
    if helo and helo.endswith(HELO_SUFFIX) and NAME.fullmatch(helo.removesuffix(HELO_SUFFIX)):
        return helo.removesuffix(HELO_SUFFIX)
    return DEFAULT


def enter(name: str) -> None:
    """Make `name` the world of the current app context: every query after this goes to its database."""
    if name != DEFAULT and not store().exists(name):
        raise UnknownWorld(name)
    if g.get("world", DEFAULT) != name:
        db.session.remove()  # a session begun in another world must not carry its connection over
    g.world = name


def store(app: Flask | None = None) -> WorldStore:
    """The app's worlds."""
    return (app or current_app).extensions["worlds"]


class WorldStore:
    """Where each world's database is, and making, finding, listing and dropping them."""

    def __init__(self, app: Flask) -> None:
        self.url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
        self.sqlite = self.url.get_backend_name() == "sqlite"
        self.prefix = schema_prefix(self.url)
        beside = os.path.dirname(self.url.database) if self.sqlite and self.url.database else app.instance_path
        self.folder = Path(app.config.get("WORLDS_DIR") or os.path.join(beside, "worlds"))
        self._engines: dict[str, Engine] = {}
        self._inodes: dict[str, int] = {}  # the SQLite file each engine was made on
        self.noted: dict[str, datetime] = {}  # when this process last noted a request in each world (world_state.seen)
        self._lock = threading.Lock()

    def engine(self, name: str) -> Engine | None:
        """The engine of world `name` (None for the default world: Flask-SQLAlchemy's own)."""
        if name == DEFAULT:
            return None
        with self._lock:
            if name not in self._engines:
                self._engines[name] = self._make_engine(name)
            return self._engines[name]

    def _make_engine(self, name: str) -> Engine:
        if self.sqlite:  # mode=rw: a dropped world's file is never made again by a late connection
            self._inodes[name] = self._file(name).stat().st_ino
            engine = create_engine(f"sqlite:///file:{self._file(name)}?mode=rw&uri=true")
            tune_sqlite(
                engine, busy_seconds=30
            )  # as the default world's: WAL, no fsync per commit (drop deletes -wal and -shm too)
            return engine
        return db.engine.execution_options(schema_translate_map={None: self.schema_of(name)})

    def _forget(self, name: str) -> None:
        """Let go of this process's engine of world `name` and its connections."""
        with self._lock:
            engine = self._engines.pop(name, None)
            self._inodes.pop(name, None)
        self.noted.pop(name, None)
        if engine is not None and self.sqlite:
            engine.dispose()

    def _file(self, name: str) -> Path:
        return self.folder / f"{name}.sqlite"

    def exists(self, name: str) -> bool:
        """Whether world `name` exists now (another worker process may have made or dropped it)."""
        if name == DEFAULT:
            return True
        if self.sqlite:
            try:
                inode = self._file(name).stat().st_ino
            except FileNotFoundError:
                return False
            # Dropped and made again by another process: a new file (the old inode lives on while our pool holds it).
            if self._inodes.get(name, inode) != inode:
                self._forget(name)
            return True
        return inspect(db.engine).has_schema(self.schema_of(name))

    def names(self) -> list[str]:
        """Every world but the default, by name."""
        if self.sqlite:
            return sorted(p.stem for p in self.folder.glob("*.sqlite") if NAME.fullmatch(p.stem))
        schemas = inspect(db.engine).get_schema_names()
        return sorted(s.removeprefix(self.prefix).replace("_", "-") for s in schemas if s.startswith(self.prefix))

    def create(self, name: str) -> None:
        """Make world `name`: an empty database with this version's tables (a world is short-lived: no migrations)."""
        if self.sqlite:
            self.folder.mkdir(parents=True, exist_ok=True)
            sqlite3.connect(self._file(name)).close()
        else:
            with db.engine.begin() as connection:
                connection.execute(CreateSchema(self.schema_of(name)))
        create_world_schema(self.engine(name))

    def drop(self, name: str) -> None:
        """Drop world `name` and everything in it."""
        self._forget(name)
        if self.sqlite:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self._file(name)}{suffix}").unlink(missing_ok=True)
        else:
            with db.engine.begin() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{self.schema_of(name)}" CASCADE'))

    def schema_of(self, name: str) -> str:
        """The PostgreSQL schema of world `name` (its hyphens as underscores: names hold none)."""
        return self.prefix + name.replace("-", "_")


def schema_prefix(url) -> str:
    """Where a bank's world schemas start: world_, or, for a bank kept in a schema of its own (its search_path,
    as each test bank is), that schema's name first, so two banks on one database never share a world."""
    found = re.search(r"search_path=([A-Za-z0-9_]+)", str(url.query.get("options", "")))
    return f"{found.group(1)}_{SCHEMA_PREFIX}" if found else SCHEMA_PREFIX


def init_worlds(app: Flask) -> None:
    """Keep the app's worlds and put every request in the world its header names."""
    app.extensions["worlds"] = WorldStore(app)
    app.before_request(_enter_requested)


def _enter_requested() -> None:
    """The request's world, from X-Mockbank-World: a bad name is a 400, a world that does not exist a 404."""
    name = request.headers.get(HEADER, "").strip() or DEFAULT
    if request.path == MANAGEMENT or request.path.startswith(MANAGEMENT + "/"):
        return
    if not NAME.fullmatch(name):
        abort(400, description=f"{HEADER}: {name!r} is not a world name (a-z, 0-9 and -, at most 40)")
    try:
        enter(name)
    except UnknownWorld:
        abort(404, description=f"no world named {name!r} (dropped, idle too long, or never made)")
    from mockbank.world_state import seen

    seen()
