"""What keeps screens quick while many customers use the bank at once: SQLite in WAL, a connection each, hashes in turn."""

from __future__ import annotations

import fcntl
import os
import threading
import time

import pytest
from sqlalchemy import text

from mockbank import passwords
from mockbank.db import db

# WAL, its pragmas and SQLite's EXCLUSIVE lock are SQLite's own; the PostgreSQL pass of the tests has MVCC instead.
SQLITE_ONLY = pytest.mark.skipif(
    os.environ.get("MOCKBANK_DATABASE_URL", "").startswith("postgresql"), reason="SQLite's own locking"
)


@SQLITE_ONLY
def test_an_sqlite_file_lets_readers_past_a_writer_and_commits_without_an_fsync_each(app):
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 5000


@SQLITE_ONLY
def test_a_reader_is_not_kept_waiting_by_a_writer_holding_its_transaction_open(app):
    with app.app_context():
        writer = db.engine.raw_connection()
        writer.execute("BEGIN EXCLUSIVE")  # as a commit does: a rollback journal shuts every reader out meanwhile
        writer.execute("INSERT INTO journal_entry (at, kind, detail) VALUES ('2026-01-01', 'load', '{}')")
        started = time.perf_counter()
        db.session.execute(text("SELECT count(*) FROM journal_entry")).scalar()
        waited = time.perf_counter() - started
        writer.rollback()
        writer.close()
    assert waited < 1


def test_an_sqlite_file_gives_every_request_at_once_a_connection(app):
    with app.app_context():
        held = [db.engine.connect() for _ in range(25)]  # more than SQLAlchemy's default pool of 5 + 10
        for connection in held:
            connection.close()


def test_an_in_memory_database_is_left_as_it_was(make_app):
    memory = make_app(SQLALCHEMY_DATABASE_URI="sqlite://")
    with memory.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "memory"


def test_password_checks_take_their_turn_and_leave_a_core_free(app, monkeypatch):
    inside = threading.Semaphore(0)
    release = threading.Event()

    def held_check(_stored, _candidate):
        inside.release()
        return release.wait(timeout=10)  # stands for the hash's work until the test lets it finish

    monkeypatch.setattr(passwords, "check_password_hash", held_check)
    checks = [threading.Thread(target=passwords.secret_matches, args=("h", "pw")) for _ in range(8)]
    for check in checks:
        check.start()
    for _ in range(passwords.CONCURRENT_HASHES):
        assert inside.acquire(timeout=10)
    busy = not passwords._HASHING.acquire(blocking=False)  # every turn taken: the other checks queue
    release.set()
    for check in checks:
        check.join()
    assert busy
    assert passwords.CONCURRENT_HASHES == max(1, (os.cpu_count() or 2) - 1)


def test_a_password_check_waits_while_another_process_holds_every_turn(app, monkeypatch):
    entered = threading.Event()
    monkeypatch.setattr(passwords, "check_password_hash", lambda _stored, _candidate: entered.set() or True)
    held = []
    for slot in range(passwords.CONCURRENT_HASHES):  # as another gunicorn worker hashing: every turn's lock file taken
        fd = os.open(passwords.turn_file(slot), os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        held.append(fd)
    check = threading.Thread(target=passwords.secret_matches, args=("h", "pw"))
    check.start()
    waited = not entered.wait(timeout=0.5)
    for fd in held:
        os.close(fd)
    check.join(timeout=10)
    assert waited and entered.is_set()
