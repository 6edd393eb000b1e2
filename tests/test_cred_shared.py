"""R-CRED-SHARED: one login ID per contract (§1). SID001 sends a customer who has one to the right login screen,
and a stale ログインID取得 session never takes a second one."""

from __future__ import annotations

import pytest

from mockbank import rules
from tests.forms import login_id_form, sid001, text

SETTING_UP = (
    "ログインIDは取得済みです。初回ログイン画面から、取得したログインIDとログインパスワードでログインし、"
    "初回利用登録の続きを行ってください。"
)
FINISHED = "ログインIDは取得済みです。「既につないでネ！ットをご利用中のお客さま」からログインしてください。"

PART_WAY = {
    "new, before 初回ログイン": ("new", {"step": "first_login"}),
    "new, before 追加認証登録": ("new", {"step": "qa"}),
    "new, before パスワード変更": ("new", {"step": "pw"}),
    "new, before お客さま情報登録": ("new", {"step": "info"}),
    "ID initialised, before 初回ログイン": ("id_initialised", {"login_id": "aomori2025"}),
}


@pytest.mark.parametrize(("kind", "overrides"), PART_WAY.values(), ids=PART_WAY.keys())
def test_sid001_sends_a_customer_part_way_through_setup_to_the_first_login(
    client, seed, customer_state, journal, kind, overrides
):
    persona = seed(kind, **overrides)
    before = customer_state(persona["customer_id"])
    response = client.post("/netbank/customer-info", data=sid001(persona))
    page = text(response)
    assert response.status_code == 200 and "画面ID : SID001" in page
    assert SETTING_UP in page and FINISHED not in page
    assert '<a href="/netbank/first-login">初回ログイン</a>' in page
    assert customer_state(persona["customer_id"]) == before
    assert [e["rule"] for e in journal(kind="refused")] == ["R-CRED-SHARED"]
    assert client.get("/netbank/login-id").location == "/netbank/customer-info"


def test_sid001_sends_a_customer_who_finished_setup_to_the_login_for_customers_already_using_it(
    client, seed, customer_state
):
    persona = seed("active")
    page = text(client.post("/netbank/customer-info", data=sid001(persona)))
    assert FINISHED in page and SETTING_UP not in page
    assert '<a href="/netbank/login">既につないでネ！ットをご利用中のお客さま</a>' in page
    assert customer_state(persona["customer_id"])["step"] == "done"


def test_the_messages_are_the_rules_own():
    assert (rules.LOGIN_ID_SETUP_PENDING.rule, rules.LOGIN_ID_SETUP_PENDING.message) == ("R-CRED-SHARED", SETTING_UP)
    assert rules.LOGIN_ID_ALREADY_TAKEN.message == FINISHED


def test_a_stale_login_id_session_cannot_replace_the_login_id_taken_in_another_browser(
    app, seed, customer_state, journal
):
    persona = seed("new")
    first, stale = app.test_client(), app.test_client()
    for browser in (first, stale):  # both pass SID001 while the customer still has no login ID
        assert browser.post("/netbank/customer-info", data=sid001(persona)).location == "/netbank/login-id"
    assert first.post("/netbank/login-id", data=login_id_form("abc123")).location == "/netbank/login-id/done"

    response = stale.post("/netbank/login-id", data=login_id_form("zzz999"))

    assert response.status_code == 200 and SETTING_UP in text(response)
    state = customer_state(persona["customer_id"])
    assert (state["login_id"], state["step"]) == ("abc123", "first_login")
    assert journal(kind="refused")[-1]["rule"] == "R-CRED-SHARED"
    assert [e["screen"] for e in journal(kind="screen")] == ["SID001", "SID001", "S-ID"]
