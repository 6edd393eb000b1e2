"""The settings every test bank runs with (test mode, its own SQLite file, a cheap scrypt), and its clean-up."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def bank_settings(database: Path, **overrides) -> dict:
    """create_app settings for a test bank on the SQLite file `database`, with any setting overridden."""
    return {
        "TEST_MODE": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        # Still a salted scrypt hash, at a cost that keeps seeding a persona in milliseconds.
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        "SECRET_KEY": "test",
        # These tests post forms straight to the bank, as a browser would once it holds a page's token;
        # tests/test_csrf.py turns the check back on, and the acceptance suite runs with it.
        "WTF_CSRF_ENABLED": False,
        **overrides,
    }


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
