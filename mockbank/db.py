"""The database handle shared by every party (SQLite by default, any SQLAlchemy URL works)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from flask import g, has_app_context
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.session import Session
from sqlalchemy import Engine, MetaData, inspect
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
