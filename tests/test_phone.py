"""The phone network (T-PHONE): the dialler, the calls it places, and their delivery to the bank's 0120 line.

The bank's side of the line (/netbank/api/phone-auth/calls) is another
party's; here a fake bank of a few lines answers it over real HTTP
(BANK_URL), or `responses` does where the bank is reached at the address the
request came in on.
"""

from __future__ import annotations

import re
import socket
import time
from types import SimpleNamespace

import pytest
import requests
import responses
from flask import Flask, request

from mockbank.db import db
from mockbank.phone import numbers
from mockbank.phone.models import Call
from mockbank.phone.service import BANK_CALLS_PATH, ENDINGS, KEY_HEADER, place_call
from mockbank.server import BackgroundServer
from tests.forms import text
from tests.settings import environment_settings

LINE = "X-Mockbank-Line"
MY_LINE = "090-1234-5678"
BANK_LINE = "0120-860-310"
KEY = "the-networks-key"


@pytest.fixture(scope="module")
def bank_server():
    """A bank of its own on localhost that takes calls at its phone-auth API and keeps what it was sent."""
    bank = Flask("fake_bank")
    taken: list[dict] = []

    @bank.post(BANK_CALLS_PATH)
    def take_call():
        taken.append({"key": request.headers.get(KEY_HEADER), "body": request.get_json()})
        return {"proved": True}

    server = BackgroundServer(bank).start()  # one for the module: a server takes half a second to stop
    yield SimpleNamespace(url=server.url, taken=taken)
    server.stop()


@pytest.fixture
def fake_bank(bank_server):
    """The fake bank, having taken no call yet."""
    bank_server.taken.clear()
    return bank_server


@pytest.fixture
def world(make_app, fake_bank):
    """The mock world delivering calls to the fake bank, with a known network key; its dialler and control API."""
    app = make_app(BANK_URL=fake_bank.url, PHONE_NETWORK_KEY=KEY)
    return SimpleNamespace(app=app, phone=app.test_client(), control=app.test_client(), bank=fake_bank)


def dial(phone, to: str = BANK_LINE, caller_id: str = "shown", line: str | None = MY_LINE, **form):
    """Tap 発信 on the dialler of a phone whose line is `line` (None: a phone that does not say its number)."""
    headers = {LINE: line} if line is not None else {}
    return phone.post("/phone/dial", data={"to": to, "caller_id": caller_id, **form}, headers=headers)


def calls(app) -> list[Call]:
    with app.app_context():
        return list(db.session.scalars(db.select(Call).order_by(Call.id)))


def call_entries(control) -> list[dict]:
    return control.get("/_control/journal", query_string={"kind": "call"}).get_json()


def free_port() -> int:
    """A port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


# The dialler screen


def test_the_dialler_shows_this_phones_number_from_its_line_and_the_number_to_call(client):
    page = text(client.get("/phone/dial?to=0120-860-310", headers={LINE: MY_LINE}))
    assert 'data-screen="T-PHONE"' in page and "<h1>電話</h1>" in page
    assert '<dt id="caller-label">この電話の番号</dt>' in page
    assert '<dd id="caller" aria-labelledby="caller-label">090-1234-5678</dd>' in page, "shown, not to be typed"
    assert 'name="caller"' not in page, "the phone's number is the line's, never taken from the form"
    assert re.search(r'<input id="to" name="to" type="text" value="0120-860-310"', page)
    assert re.search(r'id="caller_id_shown" name="caller_id" value="shown" checked>番号通知', page)
    assert re.search(r'id="caller_id_withheld" name="caller_id" value="withheld">非通知', page)
    assert '<button type="submit">発信</button>' in page
    assert 'name="csrf_token"' in page
    assert 'class="brand phone"' in page and "青森みちのく銀行</a>" not in page, "the phone is not the bank"


def test_without_a_line_the_dialler_asks_a_person_for_this_phones_number(client):
    page = text(client.get("/phone/dial?to=0120-860-310"))
    assert re.search(r'<label for="caller">この電話の番号</label>.*?<input id="caller" name="caller"', page, re.S)


def test_every_input_of_the_dialler_has_its_label(client):
    for headers in ({LINE: MY_LINE}, {}):
        page = text(client.get("/phone/dial", headers=headers))
        tags = re.findall(r"<input\b[^>]*>", page)
        visible = [tag for tag in tags if 'type="hidden"' not in tag]
        assert len(visible) == (3 if headers else 4), visible  # (この電話の番号,) 発信先, 番号通知, 非通知
        for tag in visible:
            name = re.search(r'\bid="([^"]+)"', tag).group(1)
            assert re.search(rf'<label[^>]*\bfor="{name}"', page), f"{name} has no label"


def test_the_telephone_app_opens_on_its_dialler(client):
    assert client.get("/phone/").location == "/phone/dial"


# Calls to the bank's line


def test_a_call_to_the_banks_line_is_delivered_to_the_bank_over_http_with_the_networks_key(world):
    world.control.post("/_control/clock", json={"freeze": "2026-04-01T10:00:00+09:00"})
    page = text(dial(world.phone))
    (call,) = calls(world.app)
    assert world.bank.taken == [
        {
            "key": KEY,
            "body": {
                "call": call.id,
                "caller": "09012345678",
                "called": "0120860310",
                "at": "2026-04-01T10:00:00+09:00",
            },
        }
    ]
    assert call.rings == 2 + call.id % 2 and call.connected and call.delivered_to == "bank"
    assert "発信中…" in page and f"呼出音が{call.rings}回鳴ったあと、電話が切れました。" in page
    assert ">ダイヤルキャンセル</a>" in page and "ブラウザに戻る" not in page
    assert "認証" not in page, "the phone cannot know whether the bank was satisfied"


def test_calls_ring_two_or_three_times_as_the_manual_says(world):
    for _ in range(2):
        dial(world.phone)
    assert [c.rings for c in calls(world.app)] == [3, 2]


def test_the_call_is_recorded_at_world_time_and_journaled_without_secrets(world):
    world.control.post("/_control/clock", json={"freeze": "2026-04-01T10:00:00+09:00"})
    world.control.post("/_control/clock", json={"advance": 30})
    dial(world.phone, caller_id="withheld")
    (call,) = calls(world.app)
    assert call.as_dict()["at"] == "2026-04-01T10:00:30+09:00"
    (entry,) = call_entries(world.control)
    assert entry["at"] == "2026-04-01T10:00:30"
    assert entry["detail"] == {
        "call": call.id,
        "caller": None,
        "line": "09012345678",
        "caller_id_shown": False,
        "called": "0120860310",
        "rings": call.rings,
        "connected": True,
        "delivered": True,
        "outcome": "delivered",
    }
    assert KEY not in str(call_entries(world.control))


@pytest.mark.parametrize(
    ("to", "choice", "shown"),
    [
        ("0120-860-310", "shown", True),
        ("0120-860-310", "withheld", False),
        ("184-0120-860-310", "shown", False),
        ("1840120860310", "shown", False),
        ("186-0120-860-310", "withheld", True),
        ("0120 860 310", "withheld", False),
        ("０１２０－８６０－３１０", "shown", True),
    ],
    ids=["shown", "withheld", "184", "184-no-hyphens", "186", "spaces", "full-width"],
)
def test_caller_id_goes_by_the_phones_setting_unless_184_or_186_is_dialled_first(world, to, choice, shown):
    page = text(dial(world.phone, to=to, caller_id=choice))
    (call,) = calls(world.app)
    assert (call.called, call.caller_id_shown, call.delivered_to) == ("0120860310", shown, "bank")
    assert world.bank.taken[0]["body"]["caller"] == ("09012345678" if shown else None)
    assert ("（非通知）" in page) is not shown


def test_a_phone_without_a_line_header_calls_from_the_number_typed(world):
    dial(world.phone, line=None, caller="017-777-1234")
    assert world.bank.taken[0]["body"]["caller"] == "0177771234"


def test_the_line_header_wins_over_a_number_in_the_form(world):
    dial(world.phone, caller="080-0000-0000")
    assert calls(world.app)[0].caller == "09012345678"


def test_the_auth_number_is_a_setting_and_compared_by_digits(make_app, fake_bank):
    app = make_app(BANK_URL=fake_bank.url, PHONE_AUTH_NUMBER="0120-000-111")
    dial(app.test_client(), to="0120000111")
    assert [t["body"]["called"] for t in fake_bank.taken] == ["0120000111"]
    dial(app.test_client(), to=BANK_LINE)
    assert len(fake_bank.taken) == 1, "the default number is no longer the bank's"


def test_by_default_the_bank_is_reached_at_the_address_the_request_came_in_on(app, client):
    with responses.RequestsMock() as bank:
        bank.post(f"http://localhost{BANK_CALLS_PATH}", json={"proved": False})
        page = text(dial(client))
        (sent,) = bank.calls
    assert sent.request.headers[KEY_HEADER] == app.config["PHONE_NETWORK_KEY"]
    assert len(app.config["PHONE_NETWORK_KEY"]) >= 32, "random per start"
    assert "電話が切れました" in page and calls(app)[0].delivered_to == "bank", "the phone shows no verdict"


def test_the_network_key_is_random_per_start_unless_given(make_app, monkeypatch):
    assert make_app().config["PHONE_NETWORK_KEY"] != make_app().config["PHONE_NETWORK_KEY"]
    expected = {
        "PHONE_NETWORK_KEY": "shared",
        "BANK_URL": "http://bank.example:8000",
        "PHONE_AUTH_NUMBER": "0120-000-111",
        "PHONE_BANK_TIMEOUT": 2.5,
    }
    variables = {name: str(value) for name, value in expected.items()}
    assert environment_settings(monkeypatch, **variables) == expected


# When the call does not get through


def test_a_bank_that_cannot_be_reached_leaves_the_call_undelivered_and_the_dialler_standing(make_app):
    app = make_app(BANK_URL=f"http://localhost:{free_port()}", PHONE_BANK_TIMEOUT=1)
    response = dial(app.test_client())
    assert response.status_code == 200
    (call,) = calls(app)
    assert (call.connected, call.delivered_to, call.rings, call.outcome) == (False, None, 0, "line_unreachable")
    assert ENDINGS["line_unreachable"] == "呼出音が鳴らないまま、電話が切れました。再度お電話ください。"
    assert ENDINGS["line_unreachable"] in text(response)
    (entry,) = call_entries(app.test_client())
    assert (entry["detail"]["delivered"], entry["detail"]["connected"]) == (False, False)


@pytest.mark.parametrize(
    "answer",
    [{"status": 403}, {"status": 500}, {"status": 302, "headers": {"Location": "/"}}, {"body": requests.Timeout()}],
    ids=["refused", "error", "redirect", "timeout"],
)
def test_a_bank_that_does_not_take_the_call_leaves_it_undelivered(make_app, answer):
    app = make_app(BANK_URL="http://bank.example")
    with responses.RequestsMock() as bank:
        bank.post(f"http://bank.example{BANK_CALLS_PATH}", **answer)
        response = dial(app.test_client())
    assert response.status_code == 200 and ENDINGS["line_unreachable"] in text(response)
    assert calls(app)[0].delivered_to is None


def test_a_call_to_another_number_is_recorded_but_reaches_no_one(world):
    page = text(dial(world.phone, to="03-1234-5678"))
    (call,) = calls(world.app)
    assert (call.called, call.connected, call.delivered_to, call.rings) == ("0312345678", False, None, 0)
    assert world.bank.taken == []
    assert "この番号にはつながりませんでした。" in page
    assert call_entries(world.control)[0]["detail"]["outcome"] == "no_such_number"


def test_while_the_phone_network_is_down_the_dialler_opens_but_the_call_does_not_connect(world):
    world.control.post("/_control/faults", json={"party": "phone", "down": True})
    opened = world.phone.get("/phone/dial?to=0120-860-310", headers={LINE: MY_LINE})
    assert opened.status_code == 200 and "<h1>電話</h1>" in text(opened), "the phone itself works"
    response = dial(world.phone)
    assert response.status_code == 200
    assert "ただいま電話がつながりにくくなっております。" in text(response)
    (call,) = calls(world.app)
    assert (call.connected, call.delivered_to, call.outcome) == (False, None, "network_down")
    assert world.bank.taken == []
    assert world.control.post("/_control/calls", json={"from": MY_LINE}).get_json()["outcome"] == "network_down"
    world.control.post("/_control/faults", json={"party": "phone"})
    dial(world.phone)
    assert len(world.bank.taken) == 1 and calls(world.app)[-1].outcome == "delivered"


def test_while_the_network_is_down_the_dialler_still_checks_its_forms_token(make_app, fake_bank):
    app = make_app(BANK_URL=fake_bank.url, WTF_CSRF_ENABLED=True)
    app.test_client().post("/_control/faults", json={"party": "phone", "down": True})
    phone = app.test_client()
    page = text(phone.get("/phone/dial", headers={LINE: MY_LINE}))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    refused = dial(phone, csrf_token="forged")
    assert refused.status_code == 400 and "お手続きを受け付けられませんでした" in text(refused)
    assert calls(app) == []
    assert "つながりにくく" in text(dial(phone, csrf_token=token))


def test_the_dialler_posts_with_its_forms_token(make_app, fake_bank):
    app = make_app(BANK_URL=fake_bank.url, WTF_CSRF_ENABLED=True)
    phone = app.test_client()
    assert dial(phone).status_code == 400 and calls(app) == []
    page = text(phone.get("/phone/dial", headers={LINE: MY_LINE}))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert "電話が切れました" in text(dial(phone, csrf_token=token))


def test_a_slow_network_connects_late_once_whichever_way_the_call_is_placed(world):
    world.control.post("/_control/faults", json={"party": "phone", "slow": 0.5})
    for place in (lambda: dial(world.phone), lambda: world.control.post("/_control/calls", json={"from": MY_LINE})):
        started = time.perf_counter()
        place()
        assert 0.5 <= time.perf_counter() - started < 0.95, "late once, never twice"
    assert [c.outcome for c in calls(world.app)] == ["delivered", "delivered"]


# Bad input: the dialler's own message, nothing recorded


OK_LINE = {"line": None, "caller": MY_LINE}


@pytest.mark.parametrize(
    ("entries", "messages"),
    [
        ({"line": None, "caller": ""}, [numbers.CALLER_EMPTY]),
        ({"line": None, "caller": "   "}, [numbers.CALLER_EMPTY]),
        ({"line": None, "caller": "でんわ"}, [numbers.CALLER_CHARS]),
        ({"line": None, "caller": "090-1234-567８x"}, [numbers.CALLER_CHARS]),
        ({"line": None, "caller": "090--1234-5678"}, [numbers.CALLER_CHARS]),
        ({"line": None, "caller": "+81-90-1234-5678"}, [numbers.CALLER_CHARS]),
        ({"line": None, "caller": "090-1234"}, [numbers.CALLER_LENGTH]),
        ({"line": None, "caller": "9012345678"}, [numbers.CALLER_LENGTH]),
        ({"line": None, "caller": "0" * 500}, [numbers.CALLER_LENGTH]),
        ({"line": "not-a-number"}, [numbers.CALLER_CHARS]),
        ({**OK_LINE, "to": ""}, [numbers.CALLED_EMPTY]),
        ({**OK_LINE, "to": "0120-86O-310"}, [numbers.CALLED_CHARS]),
        ({**OK_LINE, "to": "tel:0120860310"}, [numbers.CALLED_CHARS]),
        ({**OK_LINE, "to": "12"}, [numbers.CALLED_LENGTH]),
        ({**OK_LINE, "to": "184-0"}, [numbers.CALLED_LENGTH]),
        ({**OK_LINE, "to": "1" * 16}, [numbers.CALLED_LENGTH]),
        ({**OK_LINE, "to": "1" * 5000}, [numbers.CALLED_LENGTH]),
        ({**OK_LINE, "caller_id": "maybe"}, [numbers.CALLER_ID_CHOICE]),
        (
            {"line": None, "caller": "", "to": "", "caller_id": ""},
            [numbers.CALLER_EMPTY, numbers.CALLED_EMPTY, numbers.CALLER_ID_CHOICE],
        ),
    ],
)
def test_a_bad_entry_gets_the_diallers_message_on_the_same_screen_and_nothing_is_recorded(world, entries, messages):
    response = dial(world.phone, **entries)
    assert response.status_code == 200
    page = text(response)
    alert = re.search(r'<div role="alert">(.*?)</div>', page, re.S).group(1)
    assert [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", alert)] == messages
    assert "<h1>電話</h1>" in page and 'data-screen="T-PHONE"' in page
    assert calls(world.app) == [] and call_entries(world.control) == [] and world.bank.taken == []


def test_a_refused_entry_is_shown_back_as_typed(world):
    page = text(dial(world.phone, to="0120-86O-310", caller_id="withheld"))
    assert 'value="0120-86O-310"' in page and re.search(r'value="withheld" checked>非通知', page)


# ダイヤルキャンセル (P13: 「…ダイヤルキャンセルボタンを押してブラウザに戻ってください。」)


@pytest.mark.parametrize(
    ("referrer", "back"),
    [
        ("http://localhost/netbank/otp-application/phone?x=1", "/netbank/otp-application/phone?x=1"),
        ("https://evil.example/netbank/", "/"),
        ("http://localhost/phone/dial", "/"),
        (None, "/"),
    ],
)
def test_dial_cancel_leads_back_to_the_page_that_opened_the_dialler_on_this_host(world, referrer, back):
    headers = {LINE: MY_LINE, **({"Referer": referrer} if referrer else {})}
    page = text(world.phone.get("/phone/dial?to=0120-860-310", headers=headers))
    assert re.search(rf'<a href="{re.escape(back)}">ダイヤルキャンセル</a>', page.replace("&amp;", "&")), (
        "before calling"
    )
    carried = re.search(r'name="back" value="([^"]+)"', page)
    page = text(dial(world.phone, **({"back": carried.group(1)} if carried else {})))
    assert re.search(rf'<a class="button" href="{re.escape(back)}">ダイヤルキャンセル</a>', page.replace("&amp;", "&"))


def test_a_forged_back_address_is_never_linked(world):
    for forged in ("//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\\evil.example"):
        page = text(dial(world.phone, back=forged))
        assert 'href="/">ダイヤルキャンセル' in page


# The control API and the service


def test_the_control_api_places_a_call_as_the_dialler_does(world):
    response = world.control.post("/_control/calls", json={"from": MY_LINE})
    assert response.status_code == 201
    call = response.get_json()
    assert call | {"at": None, "id": None, "rings": None} == {
        "id": None,
        "caller": "09012345678",
        "caller_id_shown": True,
        "called": "0120860310",
        "at": None,
        "rings": None,
        "connected": True,
        "delivered": True,
        "delivered_to": "bank",
        "outcome": "delivered",
    }
    assert call["rings"] in (2, 3) and world.bank.taken[0]["body"]["call"] == call["id"]
    withheld = world.control.post("/_control/calls", json={"from": MY_LINE, "withheld": True}).get_json()
    other = world.control.post("/_control/calls", json={"from": MY_LINE, "to": "117"}).get_json()
    assert (withheld["caller_id_shown"], other["delivered"], other["called"]) == (False, False, "117")
    assert [e["detail"]["call"] for e in call_entries(world.control)] == [call["id"], withheld["id"], other["id"]]


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        {},
        {"from": 9012345678},
        {"from": "abc"},
        {"from": MY_LINE, "to": 120860310},
        {"from": MY_LINE, "to": "12"},
        {"from": MY_LINE, "withheld": "yes"},
    ],
)
def test_a_bad_control_call_is_refused_with_a_reason_and_records_nothing(world, body):
    response = (
        world.control.post("/_control/calls", json=body)
        if body is not None
        else world.control.post("/_control/calls", data="not json", content_type="application/json")
    )
    assert response.status_code == 400 and response.get_json()["error"]
    assert calls(world.app) == []


def test_the_world_client_places_calls_through_the_control_api(world, fake_bank):
    from mockbank.control.client import WorldClient

    server = BackgroundServer(world.app).start()
    try:
        call = WorldClient(server.url).call(MY_LINE, withheld=True)
    finally:
        server.stop()
    assert (call["caller_id_shown"], call["delivered"]) == (False, True)
    assert fake_bank.taken[0]["body"]["caller"] is None


def test_the_banks_own_tests_can_place_calls_with_the_service(world):
    with world.app.app_context():
        call = place_call("090-1234-5678", "184-0120-860-310", caller_id_shown=True)
        assert (call.caller_id_shown, call.delivered_to) == (False, "bank")
        with pytest.raises(numbers.DialRefused) as refused:
            place_call("", "x", True)
        assert [p.message for p in refused.value.problems] == [numbers.CALLER_EMPTY, numbers.CALLED_CHARS]


def test_without_a_bank_url_the_line_is_the_bank_in_this_process_even_outside_a_request(app):
    from mockbank.phone.service import bank_line

    with app.app_context():
        assert bank_line().base_url == "http://localhost"  # Flask's test client's host: no server recorded one


def test_a_reset_of_the_phone_party_empties_its_calls_only(world):
    dial(world.phone)
    assert world.control.post("/_control/reset", json={"party": "phone"}).status_code == 200
    assert calls(world.app) == [] and len(call_entries(world.control)) == 1


def test_a_forged_host_header_never_sends_a_call_or_the_network_key_elsewhere(make_app):
    """The bank's line is the bank in this process at its own address (links.py), whatever Host a client names."""
    from mockbank.phone.service import bank_line

    app = make_app()
    app.config["SELF_URL"] = "http://localhost:5123"
    with app.test_request_context("/phone/dial", base_url="http://127.0.0.1:9"):
        assert bank_line().base_url.startswith("http://localhost:5123")
