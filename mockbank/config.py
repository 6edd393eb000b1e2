"""Settings: defaults and the MOCKBANK_* environment variables that override them."""

from __future__ import annotations

import os
import secrets
from urllib.parse import urlsplit

# R-LOCKOUT: consecutive wrong passwords before the login is locked. Regional
# banks on shared internet-banking platforms lock after a handful of
# consecutive failures; we take 5. Unlocking is out of band (the branch or the
# help desk), never online.
DEFAULT_LOCKOUT_LIMIT = 5


def defaults(instance_path: str) -> dict:
    """Settings a fresh checkout runs with: SQLite under instance/, control API off."""
    return {
        "SECRET_KEY": secrets.token_hex(32),
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{os.path.join(instance_path, 'mockbank.sqlite')}",
        "TEST_MODE": False,
        "LOCKOUT_LIMIT": DEFAULT_LOCKOUT_LIMIT,
        "SESSION_IDLE_SECONDS": 600,  # a session ends after 10 minutes of world time without a request
        "PASSWORD_HASH_METHOD": "scrypt",
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        # A form's CSRF token lives as long as its session, which ends by the world clock (SESSION_IDLE_SECONDS),
        # not by the real clock Flask-WTF's time limit would read.
        "WTF_CSRF_TIME_LIMIT": None,
        "SMTP_HOST": None,  # None: start the in-process capturing SMTP server
        "SMTP_PORT": 25,
        "ISSUER_URL": None,  # None: the issuer in this process, reached over HTTP where the request came in
        "ISSUER_TIMEOUT": 5.0,  # seconds the bank waits for otp-auth.net before telling the customer to retry
    }


def from_environment(environ: dict | None = None) -> dict:
    """MOCKBANK_DATABASE_URL, _TEST_MODE, _LOCKOUT_LIMIT, _SECRET_KEY, _SMTP_URL (smtp://host:port, e.g. Mailpit)."""
    env = os.environ if environ is None else environ
    settings: dict = {}
    if env.get("MOCKBANK_DATABASE_URL"):
        settings["SQLALCHEMY_DATABASE_URI"] = env["MOCKBANK_DATABASE_URL"]
    if env.get("MOCKBANK_TEST_MODE"):
        settings["TEST_MODE"] = env["MOCKBANK_TEST_MODE"].lower() in ("1", "true", "yes", "on")
    if env.get("MOCKBANK_LOCKOUT_LIMIT"):
        settings["LOCKOUT_LIMIT"] = int(env["MOCKBANK_LOCKOUT_LIMIT"])
    if env.get("MOCKBANK_SECRET_KEY"):
        settings["SECRET_KEY"] = env["MOCKBANK_SECRET_KEY"]
    if env.get("MOCKBANK_ISSUER_URL"):
        settings["ISSUER_URL"] = env["MOCKBANK_ISSUER_URL"]
    if env.get("MOCKBANK_ISSUER_TIMEOUT"):
        settings["ISSUER_TIMEOUT"] = float(env["MOCKBANK_ISSUER_TIMEOUT"])
    if env.get("MOCKBANK_SMTP_URL"):
        smtp = urlsplit(env["MOCKBANK_SMTP_URL"])
        settings["SMTP_HOST"], settings["SMTP_PORT"] = smtp.hostname, smtp.port or 25
    return settings
