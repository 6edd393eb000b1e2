"""Passwords are kept the way a real bank keeps them: salted, slow hashes, never clear text."""

from __future__ import annotations

import fcntl
import os
import random
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

# A password check is slow on purpose (README, Benchmarks: scrypt's N=2^15, r=8 takes 32 MiB and a core for a
# quarter of a second here). Hashes take their turn, on every core but one, so that twenty customers logging in
# at once never leave the screens that check no password without a core. The hash releases the interpreter lock.
# The turns are the machine's, not a process's: gunicorn's worker processes (and any other bank here) take them
# through lock files, so two workers on two cores never hash on both at once.
# The suites' hash (conftest.py, tests/settings.py, benchmarks/): still a salted scrypt, at N = 2^8 (256 KiB, well
# under a millisecond), as a suite seeds hundreds of personas a run and each holds five secrets.
SUITE_HASH_METHOD = "scrypt:256:8:1"
CONCURRENT_HASHES = max(1, (os.cpu_count() or 2) - 1)
_HASHING = threading.BoundedSemaphore(CONCURRENT_HASHES)
TURNS = Path(tempfile.gettempdir()) / f"mockbank-hash-turns-{os.getuid()}"


def turn_file(slot: int) -> Path:
    """The lock file of one of the machine's hashing turns."""
    TURNS.mkdir(mode=0o700, exist_ok=True)
    return TURNS / f"{slot}.lock"


@contextmanager
def _turn() -> Iterator[None]:
    """One of the machine's CONCURRENT_HASHES turns to hash: a free one, else the next of one taken."""
    with _HASHING:
        slots = list(range(CONCURRENT_HASHES))
        random.shuffle(slots)
        fd = None
        for slot in slots:
            fd = os.open(turn_file(slot), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                os.close(fd)
                fd = None
        if fd is None:  # every turn taken, here or in another process: wait for one
            fd = os.open(turn_file(slots[0]), os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            os.close(fd)  # closing the file gives the turn back


def hash_secret(secret: str) -> str:
    """A salted hash of a password or secret answer (scrypt by default)."""
    method = current_app.config["PASSWORD_HASH_METHOD"]
    with _turn():
        return generate_password_hash(secret, method=method)


def secret_matches(stored_hash: str, candidate: str) -> bool:
    """True where `candidate` is the secret behind `stored_hash` (case-sensitive)."""
    if not candidate:
        return False
    with _turn():
        return check_password_hash(stored_hash, candidate)
