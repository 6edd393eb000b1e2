"""S-MAILPW メール通知パスワード入力 (§1, R-MAILPW, J-PC): mailed for a PC login without the app, once, for 10 minutes."""

from __future__ import annotations

import json
import re

import pytest

from mockbank import rules
from tests.conftest import TEST_DEVICE
from tests.forms import text
from tests.test_login_otp import IPHONE, PC, PHONE, alert, log_in

MAILPW = "/netbank/login/mail-password"
SUBJECT = "【青森みちのく銀行】メール通知パスワードのお知らせ"


def mailed(control, persona: dict) -> list[str]:
    """The メール通知パスワード mailed to the customer, newest first."""
    mails = control.get("/_control/mail", query_string={"to": persona["mail"]}).get_json()
    return [re.search(r"メール通知パスワード：([0-9]+)", m["body"]).group(1) for m in mails if m["subject"] == SUBJECT]


def enter(browser, password: str):
    """Post S-MAILPW with the password typed."""
    return browser.post(MAILPW, data={"mail_pw": password}, headers=PC)


def pc_login(browser, persona: dict, **kwargs):
    """The first step on a PC: login ID and password (no code)."""
    return log_in(browser, persona, agent=PC, device=None, **kwargs)


@pytest.fixture
def pc_customer(seed) -> dict:
    """A customer using つないでネ！ット without the app, mail registered: メール通知パスワード runs (P11).

    Their smartphone (PHONE) and the test browser are devices they log in from (R-RBA)."""
    persona = seed("active", known_devices=[TEST_DEVICE, PHONE])
    assert persona["mail"]
    return persona


def wrong(password: str) -> str:
    return f"{(int(password) + 1) % 10**8:08d}"


# ---------------------------------------------------------------- the first step mails the password


def test_a_pc_login_without_a_token_mails_a_password_and_logs_nobody_in_yet(client, control, pc_customer, journal):
    response = pc_login(client, pc_customer)
    assert response.location == MAILPW
    assert client.get("/netbank/home").location == "/netbank/login", "not logged in yet"
    (password,) = mailed(control, pc_customer)
    assert re.fullmatch(r"[0-9]{8}", password)
    (mail,) = [m for m in control.get("/_control/mail", query_string={"to": pc_customer["mail"]}).get_json()]
    assert mail["from"] == "info@am-bk.co.jp" and f"{pc_customer['name']} 様" in mail["body"]
    assert "有効期限" in mail["body"]
    assert password not in json.dumps(journal()), "the journal never holds the password"
    (sent,) = journal(kind="mail_password")
    assert "R-MAILPW" in sent["detail"]["passed"] and journal(kind="login") == []


def test_s_mailpw_asks_for_the_password_and_says_where_it_went(client, pc_customer):
    pc_login(client, pc_customer)
    page = text(client.get(MAILPW))
    assert 'data-screen="S-MAILPW"' in page
    assert "<h1>メール通知パスワード入力</h1>" in page
    assert '<label for="mail_pw">メール通知パスワード</label>' in page
    assert '<button type="submit">ログイン</button>' in page
    local, domain = pc_customer["mail"].split("@")
    said = re.sub(r"<[^>]+>", "", page)
    assert f"ご登録のメールアドレス（{local[:2]}***@{domain}）に「メール通知パスワード」を送信しました。" in said
    assert pc_customer["mail"] not in page, "the address is masked"


def test_a_smartphone_without_a_token_gets_no_mail_password(client, control, pc_customer):
    assert log_in(client, pc_customer, agent=IPHONE).location == "/netbank/home"
    assert mailed(control, pc_customer) == []


def test_a_pc_customer_without_a_registered_mail_gets_no_mail_password(client, control, seed):
    persona = seed("new", step="qa")  # no mail yet: メール通知パスワード starts at お客さま情報登録 (P11)
    assert pc_login(client, persona).location == "/netbank/secret-qa"


def test_a_wrong_password_at_the_first_step_mails_nothing(client, control, pc_customer):
    assert alert(pc_login(client, pc_customer, password="Wrong12345")) == rules.LOGIN_MISMATCH.message
    assert mailed(control, pc_customer) == []
    assert client.get(MAILPW).location == "/netbank/login"


def test_a_mailbox_refusing_the_banks_domain_gets_told_and_nothing_waits(client, control, pc_customer, customer_state):
    control.post("/_control/mailbox/reject", json={"address": pc_customer["mail"], "domain": "am-bk.co.jp"})
    response = pc_login(client, pc_customer)
    assert response.status_code == 200 and alert(response) == rules.MAIL_PASSWORD_NOT_DELIVERED.message
    assert client.get(MAILPW).location == "/netbank/login"
    assert customer_state(pc_customer["customer_id"])["failed_attempts"] == 0


# ---------------------------------------------------------------- the second step


def test_the_right_password_logs_in_once(app, client, control, pc_customer, journal, customer_state):
    pc_login(client, pc_customer)
    (password,) = mailed(control, pc_customer)
    saved = client.get_cookie("session_bank").value
    response = enter(client, password)
    assert response.location == "/netbank/home"
    assert 'data-screen="S-HOME"' in text(client.get("/netbank/home"))
    (login,) = journal(kind="login")
    assert login["screen"] == "S-MAILPW" and "R-MAILPW" in login["detail"]["passed"]
    assert customer_state(pc_customer["customer_id"])["last_login_at"]
    replay = app.test_client()
    replay.set_cookie("session_bank", saved)  # the cookie of the attempt, copied before it was used
    assert enter(replay, password).location == "/netbank/login", "the attempt ended with the login"
    assert replay.get("/netbank/home").location == "/netbank/login"
    assert len(journal(kind="login")) == 1


def test_a_wrong_password_is_refused_on_the_same_screen_and_counted(
    client, control, pc_customer, journal, customer_state
):
    pc_login(client, pc_customer)
    (password,) = mailed(control, pc_customer)
    response = enter(client, wrong(password))
    assert response.status_code == 200 and alert(response) == rules.MAIL_PASSWORD_MISMATCH.message
    assert 'data-screen="S-MAILPW"' in text(response)
    assert customer_state(pc_customer["customer_id"])["failed_attempts"] == 1
    assert [e["rule"] for e in journal(kind="refused")] == ["R-MAILPW"]
    assert enter(client, password).location == "/netbank/home", "the right one still works"
    assert customer_state(pc_customer["customer_id"])["failed_attempts"] == 0


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "メール通知パスワードを入力してください。"),
        ("１２３４５６７８", "メール通知パスワードは半角数字で入力してください。"),
    ],
    ids=["empty", "全角"],
)
def test_an_empty_or_full_width_entry_is_told_and_not_counted(
    client, control, pc_customer, customer_state, typed, message
):
    pc_login(client, pc_customer)
    assert alert(enter(client, typed)) == message
    assert customer_state(pc_customer["customer_id"])["failed_attempts"] == 0


def test_five_wrong_ones_with_the_passwords_lock_the_login(app, client, control, pc_customer, journal, customer_state):
    pc_login(client, pc_customer, password="Wrong12345")
    pc_login(client, pc_customer)
    (password,) = mailed(control, pc_customer)
    for _ in range(3):
        assert alert(enter(client, wrong(password))) == rules.MAIL_PASSWORD_MISMATCH.message
    fifth = enter(client, wrong(password))
    assert alert(fifth) == rules.LOCKED.message, "past the password, the customer learns of the lock"
    assert customer_state(pc_customer["customer_id"])["locked"] is True
    assert client.get(MAILPW).location == "/netbank/login", "the attempt is over"
    again = pc_login(app.test_client(), pc_customer)
    assert alert(again) == rules.LOCKED.message and len(mailed(control, pc_customer)) == 1, "a locked login mails none"
    assert journal(kind="login") == []


def test_the_password_is_good_for_ten_minutes_of_world_time(app, control, seed, frozen):
    on_time, late = seed("active"), seed("active")
    browsers = {"on_time": app.test_client(), "late": app.test_client()}
    pc_login(browsers["on_time"], on_time)
    pc_login(browsers["late"], late)
    control.post("/_control/clock", json={"advance": 550})
    for browser in browsers.values():
        assert browser.get(MAILPW).status_code == 200  # the customer is still at the screen
    control.post("/_control/clock", json={"advance": 50})
    assert enter(browsers["on_time"], mailed(control, on_time)[0]).location == "/netbank/home"
    control.post("/_control/clock", json={"advance": 1})
    response = enter(browsers["late"], mailed(control, late)[0])
    assert alert(response).startswith(rules.MAIL_PASSWORD_ENDED.message)
    assert '<a href="/netbank/login">ログイン画面へ</a>' in text(response)
    assert browsers["late"].get(MAILPW).location == "/netbank/login", "the customer starts the login again"


def test_a_new_login_attempt_replaces_the_mailed_password(app, control, pc_customer, customer_state):
    first, second = app.test_client(), app.test_client()
    pc_login(first, pc_customer)
    pc_login(second, pc_customer)
    newer, older = mailed(control, pc_customer)
    assert alert(enter(first, newer)).startswith(rules.MAIL_PASSWORD_ENDED.message), "bound to its own attempt"
    assert alert(enter(second, older)) == rules.MAIL_PASSWORD_MISMATCH.message
    assert enter(second, newer).location == "/netbank/home"
    assert customer_state(pc_customer["customer_id"])["failed_attempts"] == 0


# ---------------------------------------------------------------- reaching S-MAILPW


def test_s_mailpw_is_out_of_reach_without_the_first_step(app, client, control, pc_customer, seed):
    assert client.get(MAILPW).location == "/netbank/login"
    assert enter(client, "12345678").location == "/netbank/login"
    logged_in = app.test_client()
    cookie = control.post(
        "/_control/sessions", json={"customer_id": pc_customer["customer_id"], "role": "customer"}
    ).get_json()
    logged_in.set_cookie(cookie["name"], cookie["value"])
    assert logged_in.get(MAILPW).location == "/netbank/login", "a logged-in session is not an attempt"


def test_the_screen_needs_the_pages_token(make_app):
    bank = make_app(WTF_CSRF_ENABLED=True)
    control = bank.test_client()
    persona = control.post("/_control/personas", json={"kind": "active", "known_devices": [TEST_DEVICE]}).get_json()
    browser = bank.test_client()
    page = text(browser.get("/netbank/login"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = {"login_id": persona["login_id"], "login_pw": persona["login_password"], "csrf_token": token}
    assert browser.post("/netbank/login", data=form, headers=PC).location == MAILPW
    (password,) = mailed(control, persona)
    forged = browser.post(MAILPW, data={"mail_pw": password}, headers=PC)
    assert forged.status_code == 400 and browser.get("/netbank/home").location == "/netbank/login"
    token = re.search(r'name="csrf_token" value="([^"]+)"', text(browser.get(MAILPW))).group(1)
    good = browser.post(MAILPW, data={"mail_pw": password, "csrf_token": token}, headers=PC)
    assert good.location == "/netbank/home"


def test_a_password_is_good_once_even_for_its_own_attempt(app, control, pc_customer):
    from mockbank.bank.errors import Refused
    from mockbank.bank.models import Customer
    from mockbank.bank.services import mail_password as service
    from mockbank.db import db

    with app.test_request_context():
        customer = db.session.get(Customer, pc_customer["customer_id"])
        attempt = service.start(customer, "S-LOGIN")
        (password,) = mailed(control, pc_customer)
        service.check(customer, attempt, password)
        db.session.commit()
        with pytest.raises(Refused) as refused:
            service.check(customer, attempt, password)
        assert refused.value.problems == [rules.MAIL_PASSWORD_ENDED]


@pytest.mark.parametrize(
    ("address", "shown"),
    [("taro@example.jp", "ta***@example.jp"), ("ab@example.jp", "a***@example.jp"), (None, "***")],
)
def test_the_address_is_masked(address, shown):
    from mockbank.bank.services.mail_password import masked

    assert masked(address) == shown
