"""The database handle shared by every party (SQLite by default, any SQLAlchemy URL works)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Engine, MetaData, event, inspect
from sqlalchemy.orm import DeclarativeBase

from mockbank.parties import PARTIES


class Base(DeclarativeBase):
    """Declarative base for the mock world's tables."""

    json_names: ClassVar[dict[str, str]] = {}  # a column the control API names otherwise: {"mailbox": "to"}

    def as_dict(self) -> dict:
        """The row as the control API returns it: each column by its name (or its json_names), times in ISO 8601."""
        values = {a.key: getattr(self, a.key) for a in inspect(type(self)).column_attrs}
        return {
            self.json_names.get(key, key): value.isoformat() if isinstance(value, datetime) else value
            for key, value in values.items()
        }


db = SQLAlchemy(model_class=Base)


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


def tune_sqlite(engine: Engine) -> None:
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
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def create_schema() -> None:
    """Create the tables; a database an older version of the mock left is emptied and rebuilt (it is the mock's own)."""
    db.create_all()
    if older := older_tables():
        print(f"mockbank: the database's tables {older} are from an older version; starting from an empty bank")
        found = MetaData()
        found.reflect(db.engine)
        found.drop_all(db.engine)
        db.create_all()


def older_tables() -> list[str]:
    """Tables in the database unlike this version's: other columns, other tables they refer to, or none of ours."""
    inspector = inspect(db.engine)
    ours = {
        t.name: ({c.name for c in t.columns}, {k.column.table.name for k in t.foreign_keys})
        for t in db.metadata.sorted_tables
    }
    return sorted(
        name
        for name in inspector.get_table_names()
        if ours.get(name)
        != (
            {c["name"] for c in inspector.get_columns(name)},
            {k["referred_table"] for k in inspector.get_foreign_keys(name)},
        )
    )
