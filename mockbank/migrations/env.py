"""Alembic's environment: the mock's tables (every party's models), on the connection create_schema hands over.

Run from the command line (`alembic revision --autogenerate`, README), it
opens MOCKBANK_DATABASE_URL, or the default SQLite file under instance/.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from mockbank.db import db, default_database_url, register_models

register_models()


def run(connection) -> None:
    """Migrate on `connection`; SQLite alters a table by copying it (batch mode)."""
    context.configure(
        connection=connection,
        target_metadata=db.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    with create_engine(default_database_url()).connect() as opened:
        run(opened)
        opened.commit()
