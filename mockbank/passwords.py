"""Passwords are kept the way a real bank keeps them: salted, slow hashes, never clear text."""

from __future__ import annotations

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash


def hash_secret(secret: str) -> str:
    """A salted hash of a password or secret answer (scrypt by default)."""
    return generate_password_hash(secret, method=current_app.config["PASSWORD_HASH_METHOD"])


def secret_matches(stored_hash: str, candidate: str) -> bool:
    """True where `candidate` is the secret behind `stored_hash` (case-sensitive)."""
    return bool(candidate) and check_password_hash(stored_hash, candidate)
