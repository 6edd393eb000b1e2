"""R-CRED-SHARED: one login ID per contract (§1). SID001 sends a customer who has one to the right login screen, or,
already using the service without a token, on a smartphone straight on to the OTP application (P5, P12);
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


IPHONE = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"}
KEEPS = "現在ご利用中のログインID・パスワードをそのまま使います。（あらためての「ログインID取得」は不要です。）"


def test_sid001_leads_a_customer_already_using_the_service_on_to_the_otp_application_with_the_same_login_id(
    app, seed, customer_state, journal
):
    """P5 <既にモバイルバンキングでご利用のお客様さま>, §1(1): current passwords at SID001, no new login ID, on to P12."""
    persona = seed("active")
    before = customer_state(persona["customer_id"])
    phone = app.test_client()
    response = phone.post("/netbank/customer-info", data=sid001(persona), headers=IPHONE)
    assert response.status_code == 302 and response.location == "/netbank/otp-application"
    page = text(phone.get("/netbank/otp-application", headers=IPHONE))
    assert 'data-screen="S-OTPAPP"' in page and KEEPS in page
    after = customer_state(persona["customer_id"])
    assert (after["login_id"], after["step"]) == (before["login_id"], "done")
    assert phone.get("/netbank/login-id", headers=IPHONE).location == "/netbank/customer-info", "no ログインID取得"
    assert [e["screen"] for e in journal(kind="login")] == ["SID001"]


def test_a_customer_already_using_the_service_is_still_refused_a_wrong_password_without_a_hint(app, seed, journal):
    persona = seed("active")
    response = app.test_client().post(
        "/netbank/customer-info", data=sid001(persona, confirm_pw="wrong123"), headers=IPHONE
    )
    assert response.status_code == 200 and rules.ACCOUNT_MISMATCH.message in text(response)
    assert journal(kind="login") == [] and journal(kind="refused")[-1]["rule"] == "R-ACCT-MATCH"


def test_a_customer_whose_app_is_set_up_is_sent_to_log_in_with_it(app, seed, customer_state):
    """R-OTP-PC: with a token in use, the app's code is the way in; SID001 starts nothing new."""
    persona = seed("active", otp="active", device="ab" * 16)
    page = text(app.test_client().post("/netbank/customer-info", data=sid001(persona), headers=IPHONE))
    assert FINISHED in page and 'data-screen="SID001"' in page


def test_on_a_pc_the_mailed_password_stays_the_way_in(client, seed, journal):
    """R-MAILPW: a PC goes through ログイン and its メール通知パスワード, never round it by SID001."""
    persona = seed("active")
    page = text(client.post("/netbank/customer-info", data=sid001(persona)))
    assert FINISHED in page and journal(kind="login") == []
