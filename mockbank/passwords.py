"""Passwords are kept the way a real bank keeps them: salted, slow hashes, never clear text."""

from __future__ import annotations

import os
import threading

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

# A password check is slow on purpose (README, Benchmarks: scrypt's N=2^15, r=8 takes 32 MiB and a core for a
# quarter of a second here). Hashes take their turn, on every core but one, so that twenty customers logging in
# at once never leave the screens that check no password without a core. The hash releases the interpreter lock.
CONCURRENT_HASHES = max(1, (os.cpu_count() or 2) - 1)
_HASHING = threading.BoundedSemaphore(CONCURRENT_HASHES)


def hash_secret(secret: str) -> str:
    """A salted hash of a password or secret answer (scrypt by default)."""
    method = current_app.config["PASSWORD_HASH_METHOD"]
    with _HASHING:
        return generate_password_hash(secret, method=method)


def secret_matches(stored_hash: str, candidate: str) -> bool:
    """True where `candidate` is the secret behind `stored_hash` (case-sensitive)."""
    if not candidate:
        return False
    with _HASHING:
        return check_password_hash(stored_hash, candidate)
