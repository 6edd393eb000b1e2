"""The settings every test bank runs with (test mode, its own database, a cheap scrypt), and its clean-up.

Each test bank has a database of its own: a SQLite file, or, when
MOCKBANK_DATABASE_URL names a PostgreSQL database (scripts/test.sh's second
pass), a fresh schema of it, reached through the connection's search_path.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def bank_settings(database: Path, **overrides) -> dict:
    """create_app settings for a test bank on the SQLite file `database`, with any setting overridden."""
    return {
        "TEST_MODE": True,
        **database_settings(database),
        # Still a salted scrypt hash, at a cost that keeps seeding a persona in milliseconds.
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        "SECRET_KEY": "test",
        # These tests post forms straight to the bank, as a browser would once it holds a page's token;
        # tests/test_csrf.py turns the check back on, and the acceptance suite runs with it.
        "WTF_CSRF_ENABLED": False,
        **overrides,
    }


def database_settings(database: Path) -> dict:
    """The SQLite file `database`; or, under a PostgreSQL MOCKBANK_DATABASE_URL, a fresh schema named after it."""
    url = os.environ.get("MOCKBANK_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"}
    from sqlalchemy import NullPool, text
    from sqlalchemy.engine import make_url

    schema = "t_" + hashlib.sha1(str(database).encode()).hexdigest()[:24]
    with _postgres(url).begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    own = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    # No pool: hundreds of test banks must not each keep connections open to one server.
    return {
        "SQLALCHEMY_DATABASE_URI": own.render_as_string(hide_password=False),
        "SQLALCHEMY_ENGINE_OPTIONS": {"poolclass": NullPool},
    }


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
