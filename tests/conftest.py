"""Fixtures for the tests below the browser: a fresh mock bank per test, its test clients, personas, journal."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mockbank import create_app
from tests.otp_world import issuer_in_process
from tests.settings import bank_settings, banks_of_one_test, stop_mail_capture

# The device every test browser is unless a request says otherwise (X-Mockbank-Device), and which every persona
# seeded here has logged in from before (R-RBA): a login from it asks no secret question. The tests of R-RBA send
# another identity, or seed with known_devices=[].
TEST_DEVICE = "7e57" * 8


class DeviceClient(FlaskClient):
    """Flask's test client as one of the customer's usual devices: its identity on every request."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.environ_base["HTTP_X_MOCKBANK_DEVICE"] = TEST_DEVICE


# Every test bank's test client is one (the files with a bank of their own included).
Flask.test_client_class = DeviceClient


@pytest.fixture(autouse=True)
def closed_connections():
    """After each test, its PostgreSQL test banks' connections are closed and their schemas left for the next test's
    banks, emptied (tests/settings.py); nothing on SQLite."""
    with banks_of_one_test():
        yield


@pytest.fixture
def app(tmp_path):
    """A fresh mock bank in test mode, on a SQLite file of its own, with a cheap scrypt."""
    app = create_app(bank_settings(tmp_path / "t.sqlite"))
    app.test_client_class = DeviceClient
    yield app
    stop_mail_capture(app)


@pytest.fixture
def make_app(tmp_path):
    """Build another mock bank on a SQLite file of its own, with settings overridden: make_app(LOCKOUT_LIMIT=3)."""
    built = itertools.count()
    apps = []

    def build(**overrides):
        apps.append(create_app(bank_settings(tmp_path / f"other{next(built)}.sqlite", **overrides)))
        apps[-1].test_client_class = DeviceClient
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
        overrides.setdefault("known_devices", [TEST_DEVICE])
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
