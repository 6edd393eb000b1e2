"""Fixtures for the tests below the browser: a fresh mock bank per test, its test clients, personas, journal."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from mockbank import create_app
from tests.otp_world import issuer_in_process
from tests.settings import bank_settings, stop_mail_capture


@pytest.fixture
def app(tmp_path):
    """A fresh mock bank in test mode, on a SQLite file of its own, with a cheap scrypt."""
    app = create_app(bank_settings(tmp_path / "t.sqlite"))
    yield app
    stop_mail_capture(app)


@pytest.fixture
def make_app(tmp_path):
    """Build another mock bank on a SQLite file of its own, with settings overridden: make_app(LOCKOUT_LIMIT=3)."""
    built = itertools.count()
    apps = []

    def build(**overrides):
        apps.append(create_app(bank_settings(tmp_path / f"other{next(built)}.sqlite", **overrides)))
        return apps[-1]

    yield build
    for app in apps:
        stop_mail_capture(app)


@pytest.fixture
def client(app):
    """Flask's test client: one browser, keeping its cookies between requests."""
    return app.test_client()


@pytest.fixture
def control(app):
    """A second test client for the control API, so the harness never touches the browser's cookies."""
    return app.test_client()


@pytest.fixture
def seed(control):
    """Seed a persona through the control API and return its JSON: seed("new", login_id="abc123")."""

    def persona(kind: str, **overrides) -> dict:
        response = control.post("/_control/personas", json={"kind": kind, **overrides})
        assert response.status_code == 201, response.get_data(as_text=True)
        return response.get_json()

    return persona


@pytest.fixture
def customer_state(control):
    """What the bank holds about a customer now, through GET /_control/customers/<id>."""

    def state(customer_id: int) -> dict:
        response = control.get(f"/_control/customers/{customer_id}")
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_json()

    return state


@pytest.fixture
def frozen(control):
    """Freeze the world clock and return a function giving the world's time now."""
    control.post("/_control/clock", json={"freeze": True})
    return lambda: datetime.fromisoformat(control.get("/_control/clock").get_json()["now"])


@pytest.fixture
def issuer(app):
    """The bank reaches the real issuer of this app over HTTP (requests), carried in process.

    tests/test_issuer.py, which calls the issuer's API itself, has an `issuer` of its own.
    """
    with issuer_in_process(app) as mock:
        yield mock


@pytest.fixture
def journal(control):
    """The journal through GET /_control/journal, optionally filtered by kind or customer_id."""

    def entries(**filters) -> list[dict]:
        response = control.get("/_control/journal", query_string=filters)
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_json()

    return entries
