"""The database handle shared by every party (SQLite by default, any SQLAlchemy URL works)."""

from __future__ import annotations

import fcntl
import functools
import importlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask, g, has_app_context
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.session import Session
from sqlalchemy import Connection, Engine, MetaData, event, inspect, text
from sqlalchemy.orm import DeclarativeBase

from mockbank.parties import PARTIES

_UPGRADING = threading.Lock()
MIGRATIONS = Path(__file__).parent / "migrations"  # Alembic's scripts (README: PostgreSQL and migrations)
# Constraint names Alembic can find again (SQLite's batch mode rebuilds a table by them).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base for the mock world's tables."""

    metadata = MetaData(naming_convention=NAMING)

    json_names: ClassVar[dict[str, str]] = {}  # a column the control API names otherwise: {"mailbox": "to"}

    def as_dict(self) -> dict:
        """The row as the control API returns it: each column by its name (or its json_names), times in ISO 8601."""
        values = {a.key: getattr(self, a.key) for a in inspect(type(self)).column_attrs}
        return {
            self.json_names.get(key, key): value.isoformat() if isinstance(value, datetime) else value
            for key, value in values.items()
        }


class WorldSession(Session):
    """Flask-SQLAlchemy's session, bound to the database of the world being served (mockbank.worlds)."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        world = g.get("world") if has_app_context() and bind is None else None
        if world is not None:
            from mockbank.worlds import store

            engine = store().engine(world)
            if engine is not None:
                return engine
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)


db = SQLAlchemy(model_class=Base, session_options={"class_": WorldSession})


def tables_of(party: str) -> set[str]:
    """The tables `party` keeps: those of its models module (parties.PARTIES)."""
    module = PARTIES[party].models
    return {m.local_table.name for m in db.Model.registry.mappers if m.class_.__module__ == module}


def empty_world(party: str | None = None) -> None:
    """Delete every row of every table (or of one party's tables), children first, and commit."""
    keepers = sorted(name for name, p in PARTIES.items() if p.models)
    if party is not None and party not in keepers:
        raise ValueError(f"no party keeps tables as {party!r}: {keepers}")
    emptied = None if party is None else tables_of(party)
    for table in reversed(db.metadata.sorted_tables):
        if emptied is None or table.name in emptied:
            db.session.execute(table.delete())
    db.session.commit()


def create_world_schema(engine: Engine) -> None:
    """A new world's tables, made fresh from the models (a world is short-lived: it needs no migrations)."""
    db.metadata.create_all(engine)


def register_models() -> None:
    """Import every party's models module, so its tables are in db.metadata."""
    for party in PARTIES.values():
        if party.models:
            importlib.import_module(party.models)
    importlib.import_module("mockbank.world_state")  # the world's own table (its clock and faults)


def default_database_url() -> str:
    """MOCKBANK_DATABASE_URL, or the SQLite file create_app uses by default (for Alembic's command line)."""
    instance = Flask("mockbank", instance_relative_config=True).instance_path
    return os.environ.get("MOCKBANK_DATABASE_URL") or f"sqlite:///{os.path.join(instance, 'mockbank.sqlite')}"


def alembic_config(connection: Connection) -> Config:
    """Alembic's settings for migrating on `connection` (mockbank/migrations/env.py uses it)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def tune_sqlite(engine: Engine, busy_seconds: float = 5) -> None:
    """On an SQLite file: readers never wait for a writer (WAL), commits without an fsync each (synchronous=NORMAL,
    safe in WAL: a power cut may lose the last commits, never the file), and a writer waits up to 5 s for another.

    The default rollback journal makes every commit fsync the journal and the file and lock readers out while
    it does: under 20 customers at once, screens that only read waited hundreds of milliseconds behind commits.
    """
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return

    @event.listens_for(engine, "connect")
    def pragmas(connection, _record) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_seconds * 1000)}")
        cursor.close()


def create_schema() -> None:
    """Upgrade the database to this version's tables (Alembic's head).

    A database of the drop-and-rebuild era (tables, no Alembic version) gets the
    tables it lacks, then is stamped as at head when its tables are this
    version's, else emptied and rebuilt: it is the mock's own, and no migration
    knows where it stood.
    """
    with _one_at_a_time(), db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # processes starting together upgrade one after another
            connection.execute(text("SELECT pg_advisory_xact_lock(hashtext(current_schema()))"))
        config = alembic_config(connection)
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head_revision():
            return  # nothing to upgrade: Alembic's environment need not even load
        if current is None:
            if inspect(connection).get_table_names():
                db.metadata.create_all(connection)  # as that era did: a table it lacked is added
                if older := older_tables(connection):
                    print(
                        f"mockbank: the database's tables {older} are from an older version; starting from an empty bank"
                    )
                    found = MetaData()
                    found.reflect(connection)
                    found.drop_all(connection)
                else:
                    command.stamp(config, "head")
        command.upgrade(config, "head")


@functools.cache
def head_revision() -> str | None:
    """The revision this version's tables are at (Alembic's head), read once from the migration scripts."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


@contextmanager
def _one_at_a_time() -> Iterator[None]:
    """Hold off other upgrades of this database: threads here (Alembic's context is one per process), and other
    processes on the same SQLite file (a lock file beside it; PostgreSQL takes an advisory lock instead)."""
    database = db.engine.url.database if db.engine.dialect.name == "sqlite" else None
    with _UPGRADING:
        if not database or database == ":memory:":
            yield
            return
        with open(f"{database}.upgrade-lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield


def older_tables(bind: Connection | None = None) -> list[str]:
    """Tables in the database unlike this version's: other columns, other tables they refer to, or none of ours."""
    inspector = inspect(bind if bind is not None else db.engine)
    ours = {
        t.name: ({c.name for c in t.columns}, {k.column.table.name for k in t.foreign_keys})
        for t in db.metadata.sorted_tables
    }
    return sorted(
        name
        for name in inspector.get_table_names()
        if name != "alembic_version"
        and ours.get(name)
        != (
            {c["name"] for c in inspector.get_columns(name)},
            {k["referred_table"] for k in inspector.get_foreign_keys(name)},
        )
    )
