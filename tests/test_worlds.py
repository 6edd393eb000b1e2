"""Worlds: one mock, many runs at once; each world's customers, mail, calls, clock and faults its own."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import responses
from sqlalchemy.orm import Session

from mockbank import create_app, worlds
from mockbank.bank.issuer_client import issuer_client
from mockbank.bank.notices import send_mail_registered
from mockbank.db import empty_world
from mockbank.world_state import ROW, WorldState
from tests.conftest import TEST_DEVICE
from tests.settings import bank_settings, stop_mail_capture

MOMENT = "2025-04-01T09:00:00+09:00"
POSTGRES = os.environ.get(
    "MOCKBANK_TEST_POSTGRES_URL"
)  # e.g. postgresql+psycopg://postgres@/worlds?host=/var/run/postgresql


@pytest.fixture
def app(tmp_path):
    """A fresh mock bank on a SQLite file of its own, or on MOCKBANK_TEST_POSTGRES_URL emptied (worlds as schemas)."""
    app = create_app(
        bank_settings(tmp_path / "t.sqlite", **({"SQLALCHEMY_DATABASE_URI": POSTGRES} if POSTGRES else {}))
    )
    if POSTGRES:
        with app.app_context():
            for name in worlds.store().names():
                worlds.store().drop(name)
            empty_world()
    yield app
    stop_mail_capture(app)


@pytest.fixture
def in_world(control):
    """Make a world through the control API and return the headers that put a request in it."""

    def make(name: str) -> dict:
        response = control.post("/_control/worlds", json={"name": name})
        assert response.status_code == 201, response.get_data(as_text=True)
        return {worlds.HEADER: response.get_json()["name"]}

    return make


def seed(control, headers: dict, **overrides) -> dict:
    """Seed a new-contract persona in the world of `headers`."""
    body = {"kind": "new", "known_devices": [TEST_DEVICE], **overrides}
    response = control.post("/_control/personas", json=body, headers=headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def test_the_same_login_id_lives_in_two_worlds_and_neither_sees_the_others_customers(control, in_world):
    a, b = in_world("a"), in_world("b")
    first = seed(control, a, login_id="aomori2025")
    seed(control, a)
    other = seed(control, b, login_id="aomori2025")
    assert first["login_id"] == other["login_id"] == "aomori2025"
    assert control.get("/_control/customers/2", headers=a).status_code == 200
    assert control.get("/_control/customers/2", headers=b).status_code == 404
    assert control.get("/_control/customers/1").status_code == 404  # the default world holds no one


def test_a_worlds_journal_holds_only_what_happened_in_it(control, in_world):
    a, b = in_world("a"), in_world("b")
    seed(control, a)
    seed(control, a)
    assert [e["kind"] for e in control.get("/_control/journal", headers=a).get_json()] == ["control", "control"]
    assert control.get("/_control/journal", headers=b).get_json() == []


def test_mail_sent_from_a_world_is_delivered_in_that_world_only(app, control, in_world):
    a, b = in_world("a"), in_world("b")
    with app.test_request_context(headers=a):
        app.preprocess_request()
        assert send_mail_registered(SimpleNamespace(name="青森 太郎", mail="taro@example.jp")) is True
    [mail] = control.get("/_control/mail?to=taro@example.jp", headers=a).get_json()
    assert mail["subject"] == "【青森みちのく銀行】メールアドレス登録のお知らせ"
    assert control.get("/_control/mail?to=taro@example.jp", headers=b).get_json() == []
    assert control.get("/_control/mail?to=taro@example.jp").get_json() == []


def test_a_worlds_junk_mail_settings_refuse_only_its_own_mail(app, control, in_world):
    a, b = in_world("a"), in_world("b")
    body = {"address": "taro@example.jp", "domain": "am-bk.co.jp"}
    assert control.post("/_control/mailbox/reject", json=body, headers=a).status_code == 200
    for headers, delivered in ((a, False), (b, True)):
        with app.test_request_context(headers=headers):
            app.preprocess_request()
            assert send_mail_registered(SimpleNamespace(name="青森 太郎", mail="taro@example.jp")) is delivered


def test_a_call_placed_in_a_world_is_its_own_and_reaches_the_bank_in_it(control, in_world):
    a, b = in_world("a"), in_world("b")
    with responses.RequestsMock() as network:
        network.add(responses.POST, "http://localhost/netbank/api/phone-auth/calls", json={}, status=200)
        response = control.post("/_control/calls", json={"from": "090-1234-5678"}, headers=a)
        assert response.status_code == 201, response.get_data(as_text=True)
        assert network.calls[0].request.headers[worlds.HEADER] == "a"
    assert [e["kind"] for e in control.get("/_control/journal", headers=a).get_json()] == ["call"]
    assert control.get("/_control/journal", headers=b).get_json() == []


def test_the_bank_calls_the_issuer_in_its_own_world(app, in_world):
    a = in_world("a")
    with responses.RequestsMock() as issuer:
        issuer.add(responses.GET, "http://localhost/issuer/api/health", json={"ok": True})
        with app.test_request_context(headers=a):
            app.preprocess_request()
            issuer_client().health()
        with app.test_request_context():
            app.preprocess_request()
            issuer_client().health()
        assert [c.request.headers.get(worlds.HEADER) for c in issuer.calls] == ["a", None]


def test_each_world_has_its_own_clock(control, in_world):
    a, b = in_world("a"), in_world("b")
    control.post("/_control/clock", json={"freeze": MOMENT}, headers=a)
    assert control.get("/_control/clock", headers=a).get_json()["now"] == MOMENT
    assert control.get("/_control/clock", headers=b).get_json()["frozen"] is False
    assert control.get("/_control/clock").get_json()["frozen"] is False


def test_each_world_has_its_own_faults(client, control, in_world):
    a, b = in_world("a"), in_world("b")
    control.post("/_control/faults", json={"party": "issuer", "down": True}, headers=a)
    assert client.get("/issuer/api/health", headers=a).status_code == 503
    assert client.get("/issuer/api/health", headers=b).status_code == 200
    assert client.get("/issuer/api/health").status_code == 200


def test_a_reset_empties_one_world_and_leaves_the_other(control, in_world):
    a, b = in_world("a"), in_world("b")
    seed(control, a)
    seed(control, b)
    control.post("/_control/clock", json={"freeze": MOMENT}, headers=b)
    assert control.post("/_control/reset", headers=a).status_code == 200
    assert control.get("/_control/customers/1", headers=a).status_code == 404
    assert control.get("/_control/customers/1", headers=b).status_code == 200
    assert control.get("/_control/clock", headers=b).get_json()["now"] == MOMENT


def test_worlds_are_listed_and_a_dropped_world_answers_no_more(control, in_world):
    a = in_world("a")
    in_world("b")
    assert [w["name"] for w in control.get("/_control/worlds").get_json()] == ["default", "a", "b"]
    assert control.delete("/_control/worlds/a").get_json() == {"dropped": "a"}
    assert [w["name"] for w in control.get("/_control/worlds").get_json()] == ["default", "b"]
    refused = control.get("/_control/journal", headers=a)
    assert refused.status_code == 404
    assert "no world named 'a'" in refused.get_json()["error"]


def test_a_world_idle_longer_than_the_limit_is_dropped_when_the_next_is_made(app, control, in_world):
    in_world("idle")
    in_world("busy")
    with app.app_context(), Session(worlds.store().engine("idle")) as session:
        session.get(WorldState, ROW).seen_at = datetime.now(UTC).replace(tzinfo=None) - timedelta(
            seconds=app.config["WORLD_IDLE_SECONDS"] + 1
        )
        session.commit()
    in_world("next")
    assert [w["name"] for w in control.get("/_control/worlds").get_json()] == ["default", "busy", "next"]


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"name": "Bad_Name"}, 400, "is not a world name"),
        ({"name": "-a"}, 400, "is not a world name"),
        ({"name": "x" * 41}, 400, "is not a world name"),
        ({"name": "default"}, 409, "exists already"),
    ],
)
def test_a_world_is_made_only_under_a_good_new_name(control, body, status, error):
    response = control.post("/_control/worlds", json=body)
    assert response.status_code == status
    assert error in response.get_json()["error"]


def test_a_world_made_without_a_name_gets_one(control):
    made = control.post("/_control/worlds").get_json()
    assert worlds.NAME.fullmatch(made["name"]) and made["header"] == worlds.HEADER


def test_the_default_world_is_never_dropped(control):
    assert control.delete("/_control/worlds/default").status_code == 400


def test_a_bank_page_in_an_unknown_world_is_the_banks_error_page_not_another_worlds(client):
    response = client.get("/netbank/customer-info", headers={worlds.HEADER: "gone"})
    assert response.status_code == 404
    assert "ページが見つかりません" in response.get_data(as_text=True)
    assert client.get("/netbank/customer-info", headers={worlds.HEADER: "Bad Name"}).status_code == 400


def test_a_world_dropped_and_made_again_elsewhere_is_the_new_one_here(app, make_app, control, in_world):
    a = in_world("a")
    seed(control, a)
    other = make_app(SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"]).test_client()  # another process
    assert other.delete("/_control/worlds/a").status_code == 200
    assert other.post("/_control/worlds", json={"name": "a"}).status_code == 201
    assert control.get("/_control/customers/1", headers=a).status_code == 404


@pytest.mark.skipif(bool(POSTGRES or os.environ.get("MOCKBANK_DATABASE_URL")), reason="a world is a SQLite file")
def test_a_worlds_sqlite_file_keeps_a_write_ahead_log_and_dropping_it_leaves_no_file(app, control, in_world):
    headers = in_world("wal")
    seed(control, headers)
    folder = worlds.store(app).folder
    with app.app_context(), worlds.store().engine("wal").connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert (folder / "wal.sqlite-wal").exists()
    assert control.delete("/_control/worlds/wal").status_code in (200, 204)
    assert [p.name for p in folder.iterdir() if p.name.startswith("wal.")] == []
