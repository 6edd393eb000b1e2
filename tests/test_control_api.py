"""The control API: reset, clock, journal, sessions, secrets left out, and absent outside test mode."""

from __future__ import annotations

import pytest

from tests.forms import text


def test_reset_empties_customers_and_journal_and_resets_the_clock(control, seed, journal):
    persona = seed("new")
    control.post(
        "/_control/clock", json={"freeze": "2030-01-01T00:00:00+09:00", "skew": {"device": "iPhone", "seconds": 5}}
    )
    assert journal()

    response = control.post("/_control/reset")

    assert response.status_code == 200
    body = response.get_json()
    assert body["ok"] is True
    assert isinstance(body["ms"], (int, float)) and body["ms"] >= 0
    assert control.get(f"/_control/customers/{persona['customer_id']}").status_code == 404
    assert journal() == []
    state = control.get("/_control/clock").get_json()
    assert (state["frozen"], state["skews"]) == (False, {})
    assert not state["now"].startswith("2030-")


def test_reports_the_clock_state(control):
    state = control.get("/_control/clock").get_json()
    assert set(state) == {"now", "frozen", "skews"}
    assert state["now"].endswith("+09:00")


def test_freezes_the_clock_at_an_iso_time(control):
    response = control.post("/_control/clock", json={"freeze": "2025-04-01T09:00:00+09:00"})
    assert response.status_code == 200
    assert response.get_json() == {"now": "2025-04-01T09:00:00+09:00", "frozen": True, "skews": {}}


def test_takes_a_naive_iso_time_as_jst(control):
    state = control.post("/_control/clock", json={"freeze": "2025-04-01T09:00:00"}).get_json()
    assert state["now"] == "2025-04-01T09:00:00+09:00"


def test_advances_the_frozen_clock_by_120_seconds(control):
    control.post("/_control/clock", json={"freeze": "2025-04-01T09:00:00+09:00"})
    state = control.post("/_control/clock", json={"advance": 120}).get_json()
    assert state["now"] == "2025-04-01T09:02:00+09:00"


def test_sets_the_frozen_clock_to_a_new_time(control):
    control.post("/_control/clock", json={"freeze": "2025-04-01T09:00:00+09:00"})
    state = control.post("/_control/clock", json={"set": "2025-12-31T23:59:30+09:00"}).get_json()
    assert (state["now"], state["frozen"]) == ("2025-12-31T23:59:30+09:00", True)


def test_unfreezes_the_clock(control):
    control.post("/_control/clock", json={"freeze": True})
    assert control.post("/_control/clock", json={"unfreeze": True}).get_json()["frozen"] is False


def test_skews_one_device(control):
    state = control.post("/_control/clock", json={"skew": {"device": "iPhone", "seconds": -90}}).get_json()
    assert state["skews"] == {"iPhone": -90.0}


BAD_CLOCK_REQUESTS = {
    "freeze garbage": {"freeze": "not a time"},
    "set a 13th month": {"set": "2025-13-01T00:00:00"},
    "set a number": {"set": 5},
    "advance a word": {"advance": "soon"},
    "advance null": {"advance": None},
    "advance not a number": {"advance": "nan"},
    "skew a string": {"skew": "iPhone"},
    "skew by a word": {"skew": {"device": "iPhone", "seconds": "a little"}},
}
MALFORMED_CLOCK_REQUESTS = {
    "skew without seconds": {"skew": {"device": "iPhone"}},
    "skew empty": {"skew": {}},
    "advance beyond timedelta": {"advance": 1e20},
    "advance beyond year 9999": {"advance": 8e13},
    "a list for a body": [1, 2],
}


def test_refuses_a_bad_clock_request_with_400_and_says_why(control):
    answers = {name: control.post("/_control/clock", json=body) for name, body in BAD_CLOCK_REQUESTS.items()}
    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(BAD_CLOCK_REQUESTS, 400)
    assert all(r.get_json()["error"].startswith("bad clock request") for r in answers.values())


def test_refuses_every_malformed_clock_request_with_400_not_500(make_app):
    statuses = {}
    for name, body in MALFORMED_CLOCK_REQUESTS.items():
        control = make_app().test_client()  # a fresh world each time: one overflow wedges the clock
        statuses[name] = control.post("/_control/clock", json=body).status_code
    assert statuses == dict.fromkeys(MALFORMED_CLOCK_REQUESTS, 400)


def test_stamps_journal_entries_with_the_world_time(control, seed, journal):
    control.post("/_control/clock", json={"freeze": "2025-04-01T09:00:00+09:00"})
    persona = seed("new")
    assert [e["at"] for e in journal(customer_id=persona["customer_id"])] == ["2025-04-01T09:00:00"]


def test_filters_the_journal_by_kind_and_by_customer(client, seed, journal):
    first, second = seed("new"), seed("new")
    client.post("/netbank/customer-info", data={"branch": "1", "account": "1", "login_pw": "x", "confirm_pw": "x"})

    controls = journal(kind="control")
    assert [e["customer_id"] for e in controls] == [first["customer_id"], second["customer_id"]]
    assert {e["kind"] for e in journal(kind="refused")} == {"refused"}
    assert [e["kind"] for e in journal(customer_id=second["customer_id"])] == ["control"]
    assert journal(kind="refused", customer_id=first["customer_id"]) == []
    assert len(journal()) > len(controls)


def test_journal_entries_say_what_happened_where_and_by_which_rule(client, journal):
    client.post(
        "/netbank/customer-info",
        data={"branch": "", "account": "1234567", "login_pw": "Abc12345", "confirm_pw": "Abc12345"},
    )
    [entry] = journal(kind="refused")
    assert set(entry) == {"id", "at", "kind", "screen", "rule", "customer_id", "detail"}
    assert (entry["screen"], entry["rule"], entry["detail"]) == (
        "SID001",
        "R-ACCT-BRANCH",
        {"field": "branch", "passed": ["R-ACCT-NO", "R-HANKAKU"]},
    )


@pytest.mark.parametrize(
    ("role", "path", "screen"),
    [("applicant", "/netbank/login-id", "S-ID"), ("login_id_done", "/netbank/login-id/done", "S-ID-DONE")],
)
def test_a_session_cookie_puts_a_browser_at_a_step(app, control, seed, role, path, screen):
    persona = seed("new")
    cookie = control.post("/_control/sessions", json={"customer_id": persona["customer_id"], "role": role}).get_json()
    assert cookie["name"] == "session_bank" and cookie["value"]
    browser = app.test_client()
    assert browser.get(path).status_code == 302
    browser.set_cookie(cookie["name"], cookie["value"])
    response = browser.get(path)
    assert response.status_code == 200
    assert f'data-screen="{screen}"' in text(response)


def test_a_customer_session_cookie_logs_a_browser_in(app, control, seed):
    persona = seed("active")
    body = {"customer_id": persona["customer_id"], "role": "customer"}
    cookie = control.post("/_control/sessions", json=body).get_json()
    browser = app.test_client()
    browser.set_cookie(cookie["name"], cookie["value"])
    response = browser.get("/netbank/home")
    assert response.status_code == 200
    assert persona["name"] in text(response)


def test_refuses_a_session_for_an_unknown_role_or_customer(control, seed):
    persona = seed("new")
    bodies = {
        "unknown role": {"customer_id": persona["customer_id"], "role": "admin"},
        "unknown customer": {"customer_id": 999, "role": "customer"},
        "no customer": {"role": "customer"},
        "empty": {},
    }
    answers = {name: control.post("/_control/sessions", json=body) for name, body in bodies.items()}
    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(bodies, 400)
    assert all(r.get_json()["error"] for r in answers.values())


def test_customer_record_never_shows_a_hash_or_a_password(control, seed):
    for kind in ("new", "active"):
        persona = seed(kind)
        response = control.get(f"/_control/customers/{persona['customer_id']}")
        body = response.get_json()
        assert body["customer_id"] == persona["customer_id"] and body["name"] == persona["name"]
        assert not [key for key in body if "hash" in key]
        assert not [key for key, value in body.items() if ("pw" in key or "password" in key) and isinstance(value, str)]
        raw = response.get_data(as_text=True)
        assert "scrypt" not in raw
        assert persona["login_password"] not in raw and persona["confirm_password"] not in raw


def test_answers_404_for_an_unknown_customer(control):
    assert control.get("/_control/customers/424242").status_code == 404


def test_the_control_api_is_absent_outside_test_mode(make_app):
    bank = make_app(TEST_MODE=False).test_client()
    calls = [
        ("POST", "/_control/reset"),
        ("POST", "/_control/personas"),
        ("GET", "/_control/clock"),
        ("POST", "/_control/clock"),
        ("GET", "/_control/journal"),
        ("GET", "/_control/customers/1"),
        ("POST", "/_control/sessions"),
    ]
    statuses = {path: bank.open(path, method=method, json={"kind": "new"}).status_code for method, path in calls}
    assert set(statuses.values()) == {404}, statuses
    assert bank.get("/netbank/").status_code == 200
