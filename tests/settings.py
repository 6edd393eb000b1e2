"""The settings every test bank runs with (test mode, its own SQLite file, a cheap scrypt), and its clean-up."""

from __future__ import annotations

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
