"""The database handle shared by every party (SQLite by default, any SQLAlchemy URL works)."""

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base for the mock world's tables."""


db = SQLAlchemy(model_class=Base)


# Which party keeps each table; the journal is the world's own record of what every party did.
TABLE_PARTIES = {
    "customer": "bank",
    "account": "bank",
    "phone": "bank",
    "secret_answer": "bank",
    "otp_application": "bank",
    "issuer_token": "issuer",
    "phone_call": "phone",
    "mail": "mailbox",
    "rejected_domain": "mailbox",
    "journal_entry": "world",
}


def empty_world(party: str | None = None) -> None:
    """Delete every row of every table (or of one party's tables), children first, and commit."""
    if party is not None and party not in TABLE_PARTIES.values():
        raise ValueError(f"no party keeps tables as {party!r}: {sorted(set(TABLE_PARTIES.values()))}")
    for table in reversed(db.metadata.sorted_tables):
        if party is None or TABLE_PARTIES.get(table.name) == party:
            db.session.execute(table.delete())
    db.session.commit()


def create_schema() -> None:
    """Create the tables; a database left by an older version of the mock is emptied and rebuilt."""
    from sqlalchemy import inspect

    db.create_all()
    inspector = inspect(db.engine)
    stale = [
        t.name
        for t in db.metadata.sorted_tables
        if {c["name"] for c in inspector.get_columns(t.name)} != set(t.columns.keys())
    ]
    if stale:
        print(f"mockbank: the database's tables {stale} are from an older version; starting from an empty bank")
        db.drop_all()
        db.create_all()
