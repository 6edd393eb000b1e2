"""The settings every test bank runs with (test mode, its own database, a cheap scrypt), and its clean-up.

Each test bank has a database of its own: a SQLite file, or, when
MOCKBANK_DATABASE_URL names a PostgreSQL database (scripts/test.sh's second
pass), a schema of it, reached through the connection's search_path.
A new SQLite file starts as a copy of one migrated once per process; a new
schema gets the models' tables and Alembic's stamp in one round trip, and an
earlier test's schema is emptied and taken again; so no test bank runs the
migrations (tests/test_migrations.py does, and holds
them to the models).
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import os
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mockbank.passwords import SUITE_HASH_METHOD


def bank_settings(database: Path, *, migrated: bool = True, **overrides) -> dict:
    """create_app settings for a test bank on the SQLite file `database`, with any setting overridden
    (migrated=False: a new database starts empty, for the bank to migrate itself)."""
    return {
        "TEST_MODE": True,
        # A database the overrides name stands alone: none of the default's, nor its engine options.
        **({} if "SQLALCHEMY_DATABASE_URI" in overrides else database_settings(database, migrated=migrated)),
        # Still a salted scrypt hash, at a cost that keeps seeding a persona in milliseconds.
        "PASSWORD_HASH_METHOD": SUITE_HASH_METHOD,
        "SECRET_KEY": "test",
        # These tests post forms straight to the bank, as a browser would once it holds a page's token;
        # tests/test_csrf.py turns the check back on, and the acceptance suite runs with it.
        "WTF_CSRF_ENABLED": False,
        **overrides,
    }


def database_settings(database: Path, *, migrated: bool = False) -> dict:
    """The SQLite file `database` (if new: at this version's tables when `migrated`, else empty); or, under a
    PostgreSQL MOCKBANK_DATABASE_URL, a schema of its own (at this version's tables and empty when `migrated`)."""
    url = os.environ.get("MOCKBANK_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        if migrated and not database.exists():
            shutil.copyfile(_migrated_sqlite(), database)
        return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"}
    from sqlalchemy.engine import make_url

    if migrated and _this_test is not None:
        schema = _schema_at_head(url, database)
    else:
        schema = _new_schema(url, database, migrated=migrated)
    own = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    # A connection kept while the test runs (PostgreSQL starts a server process for each new one: a request
    # each was 14 % of the DB-heavy tests' time), closed as it ends (close_connections), so that hundreds of
    # test banks never hold hundreds of connections to one server.
    _track_engines()
    return {
        "SQLALCHEMY_DATABASE_URI": own.render_as_string(hide_password=False),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": 1, "max_overflow": -1},  # more at once: opened, then closed
    }


_engines: weakref.WeakSet = weakref.WeakSet()  # the PostgreSQL engines of this test's banks


@functools.cache
def _track_engines() -> None:
    """Note every PostgreSQL engine that connects, for close_connections."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    def connected(connection) -> None:
        if connection.engine.dialect.name == "postgresql":
            _engines.add(connection.engine)

    event.listen(Engine, "engine_connect", connected)


def close_connections() -> None:
    """Close the idle connections of every PostgreSQL test bank so far. A bank still in use, such as a module's, just
    opens a new one when it next needs it."""
    for engine in list(_engines):
        engine.dispose()
    _engines.clear()


# A new schema at head costs some 55 ms of DDL (15 tables, their indexes and sequences), more than most tests take;
# emptying one a finished test used costs about 15 ms. So a test's banks take schemas the process's earlier tests left,
# emptied, and give them back when the test ends. Only banks made while a test runs take part: a module's bank,
# made before its tests' own fixtures and kept beyond them, has a schema nobody else takes.
_reusable: list[str] = []  # schemas at head whose test has ended (this process)
_this_test: list[str] | None = None  # the schemas the running test's banks took, or None between tests


@contextmanager
def banks_of_one_test() -> Iterator[None]:
    """Around each test (tests/conftest.py): its PostgreSQL banks' connections closed as it ends and their schemas
    left for the next test's banks; nothing on SQLite."""
    global _this_test
    outer, _this_test = _this_test, []  # (tests/test_test_banks.py plays two tests in one)
    try:
        yield
    finally:
        close_connections()
        _reusable.extend(_this_test)
        _this_test = outer


def _schema_at_head(url: str, database: Path) -> str:
    """A schema at this version's tables and no rows: one an earlier test used, emptied, or else a new one."""
    from sqlalchemy import text

    if not _reusable:
        schema = _new_schema(url, database, migrated=True)
    else:
        schema = _reusable.pop()
        with _postgres(url).begin() as connection:  # in one round trip: no rows, counters from 1, no worlds
            connection.execute(text(f"SET LOCAL search_path TO {schema}"))
            connection.exec_driver_sql(_emptying(schema))
    _this_test.append(schema)
    return schema


def _new_schema(url: str, database: Path, *, migrated: bool) -> str:
    """A schema of its own for the bank on `database`, made afresh: at this version's tables when `migrated`."""
    from sqlalchemy import text

    schema = "t_" + hashlib.sha1(str(database).encode()).hexdigest()[:24]
    with _postgres(url).begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}"))
        if migrated:  # in one round trip: the tables Alembic's head has, and its stamp
            connection.execute(text(f"SET LOCAL search_path TO {schema}"))
            connection.exec_driver_sql(_postgres_tables_at_head())
    return schema


def _emptying(schema: str) -> str:
    """The SQL that takes a used schema back to a new one's state: every row deleted (Alembic's stamp kept), every
    counter back at 1, the schemas of its bank's worlds dropped (mockbank/worlds.py names them after it)."""
    from mockbank.db import db, register_models

    register_models()
    statements = [f"DELETE FROM {table.name}" for table in reversed(db.metadata.sorted_tables)]
    statements += [  # the table's own counter, by name: the pg_sequences view reads every counter of the database
        f"SELECT setval(pg_get_serial_sequence('{schema}.{table.name}', '{table.autoincrement_column.name}'), 1, false)"
        for table in db.metadata.sorted_tables
        if table.autoincrement_column is not None
    ]
    statements.append(  # the schemas named "<schema>_...": '`' follows '_', and the catalog's index on names finds them
        "DO $$DECLARE s text; BEGIN"
        f" FOR s IN SELECT nspname FROM pg_namespace WHERE nspname > '{schema}_' AND nspname < '{schema}`' LOOP"
        " EXECUTE 'DROP SCHEMA ' || quote_ident(s) || ' CASCADE'; END LOOP; END$$"
    )
    return ";\n".join(statements) + ";"


@functools.cache
def _migrated_sqlite() -> Path:
    """An SQLite file at this version's tables (Alembic's head), made once per process and copied for each bank."""
    from alembic import command
    from sqlalchemy import create_engine

    from mockbank.db import alembic_config

    folder = tempfile.mkdtemp(prefix="mockbank-migrated-")
    atexit.register(shutil.rmtree, folder, True)
    path = Path(folder) / "head.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    engine.dispose()
    return path


@functools.cache
def _postgres_tables_at_head() -> str:
    """The SQL that makes this version's tables on PostgreSQL and stamps them at Alembic's head, made once.

    The models' own DDL: tests/test_migrations.py holds the migrations to exactly these tables.
    """
    from sqlalchemy import create_mock_engine

    from mockbank.db import db, head_revision, register_models

    register_models()
    statements = []
    engine = create_mock_engine(
        "postgresql+psycopg://", lambda sql, *_a, **_k: statements.append(str(sql.compile(dialect=engine.dialect)))
    )
    db.metadata.create_all(engine, checkfirst=False)
    statements.append(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
        " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
    )
    statements.append(f"INSERT INTO alembic_version (version_num) VALUES ('{head_revision()}')")
    return ";\n".join(s.strip() for s in statements) + ";"


@functools.cache
def _postgres(url: str):
    from sqlalchemy import NullPool, create_engine

    return create_engine(url, poolclass=NullPool)


def stop_mail_capture(app) -> None:
    """Stop the capturing SMTP server create_app starts in a thread of its own, if it started one."""
    controller = app.extensions.get("smtp_capture")
    if controller is not None:
        controller.stop()


@contextmanager
def served_bank(database: Path, **overrides) -> Iterator[str]:
    """A test bank served on localhost for browser tests: its address while the block runs, then stopped."""
    from mockbank import create_app
    from mockbank.server import BackgroundServer

    app = create_app(bank_settings(database, **overrides))
    server = BackgroundServer(app).start()
    try:
        yield server.url
    finally:
        server.stop()
        stop_mail_capture(app)


def environment_settings(monkeypatch, **variables: str) -> dict:
    """What MOCKBANK_<NAME>=value variables (and no others) change in the defaults: environment_settings(mp, TEST_MODE="1")."""
    from flask import Config

    from mockbank import config

    for name in [name for name in os.environ if name.startswith(f"{config.PREFIX}_")]:
        monkeypatch.delenv(name)
    for name, value in variables.items():
        monkeypatch.setenv(f"{config.PREFIX}_{name}", value)
    defaults = config.defaults("/nowhere")
    settings = Config("/nowhere", defaults)
    config.from_environment(settings)
    return {name: value for name, value in settings.items() if name not in defaults or defaults[name] != value}
