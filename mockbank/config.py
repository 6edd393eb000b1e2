"""Settings: defaults, and the MOCKBANK_* environment variables that override them."""

from __future__ import annotations

import os
import secrets
from urllib.parse import urlsplit

from flask import Config

# R-LOCKOUT: consecutive wrong passwords before the login is locked. Regional
# banks on shared internet-banking platforms lock after a handful of
# consecutive failures; we take 5. Unlocking is out of band (the branch or the
# help desk), never online.
DEFAULT_LOCKOUT_LIMIT = 5

# The bank's 電話番号認証 line (認証先電話番号, 通話料無料), as S-TEL shows it; numbers compare by digits only.
DEFAULT_PHONE_AUTH_NUMBER = "0120-860-310"

# The OTP issuer's own counts. Wrong サービスID/ユーザID/利用開始パスワード at the app's 初期設定 (R-APP-SETUP) and
# wrong one-time passwords (R-LOCKOUT) lock the token after a handful of failures, as the bank's passwords do:
# enough for a customer's typos, far too few to guess a 4–8 digit start password or a 6-digit code (at most
# 5 guesses in 10^4 or 10^6). A locked token is replaced by a reissue (R-REISSUE), never unlocked online.
DEFAULT_ISSUER_ATTEMPTS = 5


def defaults(instance_path: str) -> dict:
    """Settings a fresh checkout runs with: SQLite under instance/, control API off."""
    return {
        "SECRET_KEY": secrets.token_hex(32),
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{os.path.join(instance_path, 'mockbank.sqlite')}",
        "TEST_MODE": False,
        # Worlds (mockbank.worlds): where their SQLite files go (None: worlds/ beside the database), and how long a
        # world may sit unused (real seconds) before the next world made or listed drops it, as a Stripe test
        # clock's deletes_after.
        "WORLDS_DIR": None,
        "WORLD_IDLE_SECONDS": 3600,
        # The テスト用 strip (base.html): what the mock keeps that the manual's screens lack (resending a mail, a
        # way back to the top, the lost-ID page). None: shown in test mode only, so a screenshot of a normal run
        # matches the manual.
        "SHOW_TEST_STRIP": None,
        "LOCKOUT_LIMIT": DEFAULT_LOCKOUT_LIMIT,
        "SESSION_IDLE_SECONDS": 600,  # a session ends after 10 minutes of world time without a request
        # 生体認証 (S-BIO-SET, S-BIO-LOGIN): how long the phone's prompt may wait (WebAuthn timeout), how long a
        # ceremony's challenge stays good and a verified credential awaits 登録 (world time).
        "BIOMETRIC_TIMEOUT_SECONDS": 60,
        "BIOMETRIC_CHALLENGE_SECONDS": 120,
        "BIOMETRIC_PENDING_SECONDS": 300,
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
        # The key the bank sends otp-auth.net (X-Issuer-Key). Random per start: a bank and an issuer run as two
        # processes share one through MOCKBANK_ISSUER_API_KEY.
        "ISSUER_API_KEY": secrets.token_urlsafe(32),
        "ISSUER_PENDING_MINUTES": 30,  # world minutes a token awaits the phone check before it expires unissued
        "ISSUER_SETUP_ATTEMPTS": DEFAULT_ISSUER_ATTEMPTS,  # wrong app 初期設定 entries before the token locks
        "ISSUER_VERIFY_ATTEMPTS": DEFAULT_ISSUER_ATTEMPTS,  # consecutive wrong codes before the token locks
        "APP_DOWNLOAD_URL": None,  # None: <the issuer's own address>/app/download, as the token mail gives it
        # The phone network (mockbank/phone/): the bank's 0120 line for the caller-ID check (S-TEL, T-PHONE), where
        # the network delivers calls to it, the key it proves itself with, and how long it waits for the bank.
        "PHONE_AUTH_NUMBER": DEFAULT_PHONE_AUTH_NUMBER,
        "BANK_URL": None,  # None: the bank in this process, reached over HTTP where the request came in
        "PHONE_NETWORK_KEY": secrets.token_urlsafe(32),  # sent as X-Phone-Network-Key with every call delivered
        "PHONE_BANK_TIMEOUT": 5.0,  # seconds the network waits for the bank to take a call; then the line is out
    }


PREFIX = "MOCKBANK"  # MOCKBANK_<NAME> sets the setting <NAME> (MOCKBANK_A__B: the key B of the setting A)
TRUE = ("1", "true", "yes", "on")  # a flag is on when its variable says one of these, in any case
# Settings whose default (None) does not say what a value from the environment is.
TYPES = {"SHOW_TEST_STRIP": bool}


def from_environment(settings: Config) -> None:
    """Every MOCKBANK_<NAME> over the defaults, in one call (Flask's from_prefixed_env), each held to its default's type;
    MOCKBANK_DATABASE_URL and MOCKBANK_SMTP_URL (smtp://host:port, e.g. Mailpit) set settings of other names.
    An empty variable counts as unset."""
    defaults = dict(settings)
    settings.from_prefixed_env(PREFIX)
    for name, default in defaults.items():
        text = os.environ.get(f"{PREFIX}_{name}")
        if text is not None:
            settings[name] = typed(name, text, settings[name], TYPES.get(name, type(default))) if text else default
    if url := settings.pop("DATABASE_URL", None):
        settings["SQLALCHEMY_DATABASE_URI"] = str(url)
    if url := settings.pop("SMTP_URL", None):
        smtp = urlsplit(str(url))
        settings["SMTP_HOST"], settings["SMTP_PORT"] = smtp.hostname, smtp.port or 25


def typed(name: str, text: str, loaded, kind: type):
    """A variable's value as `kind`: a flag from its words, a number from its JSON, a text exactly as written;
    a setting whose default is None or of another kind takes Flask's reading (JSON, else the text)."""
    if kind is bool:
        return text.strip().lower() in TRUE
    if kind in (int, float):
        if isinstance(loaded, (int, float)) and not isinstance(loaded, bool) and kind(loaded) == loaded:
            return kind(loaded)
        raise ValueError(f"{PREFIX}_{name}={text!r}: not {'a whole number' if kind is int else 'a number'}")
    if kind is str:
        return text  # never a JSON reading of it: a key of digits stays the text it is
    return loaded
