"""S-LOGIN ログイン (P17, §1) with the app's one-time password: R-OTP-PC, R-OTP-ONCE, R-LOGIN-MATCH, R-LOCKOUT, R-LOGIN-FILL."""

from __future__ import annotations

import json
import re
from datetime import datetime
from urllib.parse import urlsplit

import pytest
import responses

from mockbank import rules
from mockbank.devices import DEVICE_HEADER
from mockbank.issuer.binding import bound_totp
from tests.conftest import TEST_DEVICE
from tests.forms import alert, text
from tests.otp_world import issuer_in_process

LOGIN = "/netbank/login"
PHONE = "a" * 32  # the phone the app was set up on
PC_ID = "c" * 32  # a PC of the customer's
IPHONE = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"}
PIXEL = {"User-Agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"}
PC = {"User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"}
MAIL_PW_SUBJECT = "【青森みちのく銀行】メール通知パスワードのお知らせ"


@pytest.fixture
def seed(seed):
    """Personas who log in from PHONE and PC_ID as well as the test browser (R-RBA: no secret question there)."""

    def persona(kind: str, **overrides) -> dict:
        overrides.setdefault("known_devices", [TEST_DEVICE, PHONE, PC_ID])
        return seed(kind, **overrides)

    return persona


@pytest.fixture
def token_user(seed, control, issuer, frozen) -> dict:
    """A customer whose token was issued and set up in the app on PHONE (P15): the persona and the app's secret."""
    persona = seed("new", otp="issued")
    otp = persona["otp"]
    body = {
        "service_id": otp["service_id"],
        "user_id": otp["user_id"],
        "start_password": otp["start_password"],
        "device": PHONE,
    }
    response = control.post("/issuer/api/tokens/activate", json=body)
    assert response.status_code == 200, response.get_json()
    return {**persona, "secret": response.get_json()["secret"]}


def code_now(persona: dict, now: datetime, steps: int = 0) -> str:
    """The code the app on PHONE shows `steps` minutes from `now`."""
    totp = bound_totp(persona["secret"], PHONE)
    return totp.generate_otp(totp.timecode(now) + steps)


def log_in(client, persona: dict, otp: str | None = None, agent=IPHONE, device: str | None = PHONE, password=None):
    """Post S-LOGIN from a device (a smartphone unless told): ID, password and, if given, the one-time password."""
    form = {"login_id": persona["login_id"], "login_pw": persona["login_password"] if password is None else password}
    if otp is not None:
        form["otp"] = otp
    headers = {**agent, **({DEVICE_HEADER: device} if device else {})}
    return client.post(LOGIN, data=form, headers=headers)


def refused_rules(journal, persona) -> list[str]:
    return [e["rule"] for e in journal(kind="refused", customer_id=persona["customer_id"])]


def mail_passwords(control, persona) -> list[dict]:
    mails = control.get("/_control/mail", query_string={"to": persona["mail"]}).get_json()
    return [m for m in mails if m["subject"] == MAIL_PW_SUBJECT]


# ---------------------------------------------------------------- the screen (P17)


def test_s_login_has_the_one_time_password_field_and_s_login1_has_not(client):
    page = text(client.get(LOGIN))
    assert '<label for="otp">ワンタイムパスワード</label>' in page
    field = re.search(r'<input id="otp"[^>]*>', page).group(0)
    for attribute in ('name="otp"', 'type="password"', 'inputmode="numeric"', 'autocomplete="one-time-code"'):
        assert attribute in field
    assert "/static/login.js" in page
    first = text(client.get("/netbank/first-login"))
    assert 'name="otp"' not in first and "ワンタイムパスワード" not in first and "login.js" not in first


def test_the_screen_keeps_the_manuals_words(client):
    page = text(client.get(LOGIN))
    for words in (
        "<h1>ログイン</h1>",
        "インターネットバンキングの不正利用にご注意ください",
        "初回利用登録がお済みの方",
        "いらっしゃいませ",
        "いつも青森みちのく銀行をご利用いただき誠にありがとうございます。",
        "ログインID、ログインパスワードの入力が終わりましたら、「ログイン」ボタンを押してください。",
        '<label for="login_id">ログインID</label>',
        '<label for="login_pw">ログインパスワード</label>',
        '<button type="submit">ログイン</button>',
    ):
        assert words in page


# ---------------------------------------------------------------- a good code


@pytest.mark.parametrize("agent", [IPHONE, PIXEL], ids=["iPhone", "Android"])
def test_a_good_code_logs_the_smartphone_in(client, token_user, frozen, journal, customer_state, agent):
    code = code_now(token_user, frozen())
    response = log_in(client, token_user, code, agent=agent)
    assert response.location == "/netbank/home"
    assert 'data-screen="S-HOME"' in text(client.get("/netbank/home"))
    (login,) = journal(kind="login", customer_id=token_user["customer_id"])
    assert login["detail"]["otp"] is True and login["detail"]["device"] == PHONE
    assert "R-OTP-PC" not in login["detail"].get("passed", [])
    assert code not in json.dumps(journal()), "the journal never holds a code"
    assert customer_state(token_user["customer_id"])["last_login_at"]


def test_a_pc_login_needs_the_apps_code_and_gets_no_mail_password(client, control, token_user, frozen, journal):
    without = log_in(client, token_user, agent=PC, device=PC_ID)
    assert alert(without) == rules.LOGIN_MISMATCH.message
    assert refused_rules(journal, token_user) == ["R-OTP-PC"]
    response = log_in(client, token_user, code_now(token_user, frozen()), agent=PC, device=PC_ID)
    assert response.location == "/netbank/home"
    (login,) = journal(kind="login", customer_id=token_user["customer_id"])
    assert {"R-OTP-PC", "R-MAILPW"} <= set(login["detail"]["passed"]) and login["detail"]["otp"] is True
    assert mail_passwords(control, token_user) == [], "R-MAILPW stops once the app is in use"
    assert journal(kind="mail_password") == []


def test_a_code_from_the_apps_link_is_noted_as_filled_in(client, token_user, frozen, journal):
    form = {
        "login_id": token_user["login_id"],
        "login_pw": token_user["login_password"],
        "otp": code_now(token_user, frozen()),
        "otp_filled": "1",
    }
    assert client.post(LOGIN, data=form, headers=IPHONE).location == "/netbank/home"
    (login,) = journal(kind="login")
    assert "R-LOGIN-FILL" in login["detail"]["passed"]


# ---------------------------------------------------------------- refused codes (R-LOGIN-MATCH, R-LOCKOUT)

MALFORMED = ["", "12345", "1234567", "12345a", "１２３４５６", " 123456"]


@pytest.mark.parametrize("code", ["wrong", *MALFORMED], ids=["wrong", "missing", "5", "7", "letter", "全角", "space"])
@pytest.mark.parametrize(("agent", "rule"), [(IPHONE, "R-LOGIN-MATCH"), (PC, "R-OTP-PC")], ids=["phone", "PC"])
def test_a_wrong_missing_or_malformed_code_is_refused_as_a_wrong_password_and_counted(
    client, issuer, token_user, frozen, journal, customer_state, code, agent, rule
):
    if code == "wrong":
        good = code_now(token_user, frozen())
        code = f"{(int(good) + 1) % 1_000_000:06d}"
    response = log_in(client, token_user, code, agent=agent)
    assert response.status_code == 200 and alert(response) == rules.LOGIN_MISMATCH.message
    assert 'data-screen="S-LOGIN"' in text(response) and 'aria-invalid="true"' not in text(response)
    state = customer_state(token_user["customer_id"])
    assert (state["failed_attempts"], state["last_login_at"], state["locked"]) == (1, None, False)
    assert refused_rules(journal, token_user) == [rule]
    assert journal(kind="login") == []
    asked = [call for call in issuer.calls if call.request.url.endswith("/verify")]
    assert len(asked) == (0 if code in MALFORMED else 1), "a malformed code never goes to the issuer"
    assert len(journal(kind="code_refused")) == len(asked)
    assert client.get("/netbank/home").location == LOGIN


def test_a_code_is_not_asked_for_nor_spent_when_the_password_is_wrong(
    client, token_user, frozen, journal, customer_state
):
    code = code_now(token_user, frozen())
    response = log_in(client, token_user, code, password="Wrong12345")
    assert alert(response) == rules.LOGIN_MISMATCH.message
    assert customer_state(token_user["customer_id"])["failed_attempts"] == 1
    assert journal(kind="code_refused") == [] and journal(kind="code_accepted") == []
    assert log_in(client, token_user, code).location == "/netbank/home", "the code is still good"
    assert customer_state(token_user["customer_id"])["failed_attempts"] == 0


def test_a_code_used_once_is_refused_the_second_time(app, client, token_user, frozen, journal, customer_state):
    code = code_now(token_user, frozen())
    assert log_in(client, token_user, code).location == "/netbank/home"
    again = log_in(app.test_client(), token_user, code)
    assert alert(again) == rules.LOGIN_MISMATCH.message
    (replay,) = journal(kind="code_refused")
    assert (replay["rule"], replay["detail"]["reason"]) == ("R-OTP-ONCE", "replay")
    assert customer_state(token_user["customer_id"])["failed_attempts"] == 1
    assert client.get("/netbank/home").status_code == 200, "the first login still stands"


def test_five_failures_in_a_row_codes_and_passwords_together_lock_the_login(
    client, token_user, frozen, journal, customer_state
):
    for _ in range(2):
        log_in(client, token_user, "000000" if code_now(token_user, frozen()) != "000000" else "111111")
    log_in(client, token_user, "")
    log_in(client, token_user, code_now(token_user, frozen()), password="Wrong12345")
    fifth = log_in(client, token_user, "12ab")
    assert alert(fifth) == rules.LOGIN_MISMATCH.message, "the attempt that locks says no more than any other"
    state = customer_state(token_user["customer_id"])
    assert (state["failed_attempts"], state["locked"]) == (5, True)
    assert [e["rule"] for e in journal(kind="lockout")] == ["R-LOCKOUT"]
    right = log_in(client, token_user, code_now(token_user, frozen()))
    assert alert(right) == rules.LOCKED.message
    assert journal(kind="login") == [] and len(journal(kind="code_refused")) == 2, "a locked login asks no code"


def test_a_good_code_after_failures_starts_the_count_again(client, token_user, frozen, customer_state):
    for _ in range(4):
        log_in(client, token_user, "")
    assert customer_state(token_user["customer_id"])["failed_attempts"] == 4
    assert log_in(client, token_user, code_now(token_user, frozen())).location == "/netbank/home"
    assert customer_state(token_user["customer_id"])["failed_attempts"] == 0


def test_the_right_password_with_a_wrong_code_does_not_start_the_count_again(
    client, token_user, frozen, customer_state
):
    log_in(client, token_user, "", password="Wrong12345")
    log_in(client, token_user, "")
    assert customer_state(token_user["customer_id"])["failed_attempts"] == 2


# ---------------------------------------------------------------- the issuer down

DOWN = "ただいまワンタイムパスワードを確認できません。しばらくたってから再度ログインしてください。"


def test_an_issuer_down_gets_the_banks_message_and_counts_nothing(
    client, control, token_user, frozen, journal, customer_state
):
    control.post("/_control/faults", json={"party": "issuer", "down": True})
    response = log_in(client, token_user, code_now(token_user, frozen()))
    assert response.status_code == 200 and alert(response) == DOWN
    assert 'data-screen="S-LOGIN"' in text(response)
    state = customer_state(token_user["customer_id"])
    assert (state["failed_attempts"], state["last_login_at"]) == (0, None)
    assert journal(kind="login") == [] and journal(kind="issuer_unavailable")
    control.post("/_control/faults", json={"party": "issuer"})
    assert log_in(client, token_user, code_now(token_user, frozen())).location == "/netbank/home"


def test_an_issuer_failing_to_check_the_code_gets_the_banks_message_and_counts_nothing(app, seed, customer_state):
    persona = seed("new", otp="issued")
    with responses.RequestsMock() as issuer:
        issuer.get(re.compile(r"http://localhost/issuer/api/tokens/[^/]+$"), json={"state": "activated"})
        issuer.post(re.compile(r"http://localhost/issuer/api/tokens/[^/]+/verify$"), status=503)
        response = log_in(app.test_client(), persona, "123456")
        assert [urlsplit(call.request.url).path.rsplit("/", 1)[-1] for call in issuer.calls][-1] == "verify"
    assert alert(response) == DOWN
    assert customer_state(persona["customer_id"])["failed_attempts"] == 0


def test_a_customer_without_any_token_logs_in_while_the_issuer_is_down(client, control, seed):
    control.post("/_control/faults", json={"party": "issuer", "down": True})
    assert log_in(client, seed("active")).location == "/netbank/home", "nobody asks the issuer"


# ---------------------------------------------------------------- no token in use: ID and password


def test_a_smartphone_without_a_token_logs_in_with_id_and_password(client, control, seed, journal):
    persona = seed("active")
    assert log_in(client, persona, agent=PIXEL).location == "/netbank/home"
    (login,) = journal(kind="login")
    assert login["detail"]["otp"] is False
    assert mail_passwords(control, persona) == []


def test_a_token_issued_but_not_set_up_in_the_app_asks_no_code(client, seed, issuer, journal):
    persona = seed("new", otp="issued")
    assert log_in(client, persona).location == "/netbank/home"
    assert journal(kind="code_refused") == [] and journal(kind="code_accepted") == []


# ---------------------------------------------------------------- R-LOGIN-FILL: the app's link fills the field


@pytest.fixture
def bank_page(browser, app):
    """A page of the shared browser whose requests to http://bank.test/ are served by this app's test client."""
    client, seen = app.test_client(), []

    def serve(route):
        url = urlsplit(route.request.url)
        seen.append(route.request.url)
        answer = client.get(url.path, query_string=url.query, headers=IPHONE)
        route.fulfill(status=answer.status_code, content_type=answer.content_type, body=answer.get_data())

    context = browser.new_context()
    page = context.new_page()
    page.route("http://bank.test/**", serve)
    page.seen = seen
    yield page
    context.close()


def test_the_apps_link_fills_the_one_time_password_and_leaves_it_nowhere(bank_page):
    bank_page.goto("http://bank.test/netbank/login#otp=123456")
    assert bank_page.get_by_label("ワンタイムパスワード", exact=True).input_value() == "123456"
    assert bank_page.locator("#otp_filled").input_value() == "1"
    assert bank_page.url == "http://bank.test/netbank/login", "the fragment is gone from the address"
    assert bank_page.evaluate("window.location.hash") == ""
    assert not [url for url in bank_page.seen if "123456" in url], "the code never reaches the server in a URL"


@pytest.mark.parametrize("fragment", ["#otp=12345", "#otp=1234567", "#otp=12345a", "#otp=%EF%BC%91"])
def test_a_fragment_not_of_six_digits_fills_nothing(bank_page, fragment):
    bank_page.goto("http://bank.test/netbank/login" + fragment)
    assert bank_page.get_by_label("ワンタイムパスワード", exact=True).input_value() == ""
    assert bank_page.locator("#otp_filled").input_value() == ""
    assert bank_page.url == "http://bank.test/netbank/login"


def test_typing_over_the_apps_code_is_not_taken_as_filled_in(bank_page):
    bank_page.goto("http://bank.test/netbank/login#otp=123456")
    bank_page.get_by_label("ワンタイムパスワード", exact=True).fill("654321")
    assert bank_page.locator("#otp_filled").input_value() == ""


def test_a_token_locked_at_the_issuer_is_said_after_the_right_password_and_counts_nothing(make_app):
    """R-LOCKOUT: once wrong codes locked the token at otp-auth.net, the right password hears it needs a reissue."""
    app = make_app(ISSUER_VERIFY_ATTEMPTS=2)
    control = app.test_client()
    control.post("/_control/clock", json={"freeze": True})
    now = datetime.fromisoformat(control.get("/_control/clock").get_json()["now"])
    persona = control.post("/_control/personas", json={"kind": "active", "otp": "active", "device": PHONE}).get_json()
    persona["secret"] = persona["otp"]["seed"]
    right = code_now(persona, now)
    wrong = next(c for c in ("000000", "111111", "222222") if c not in {code_now(persona, now, s) for s in (-1, 0, 1)})
    with issuer_in_process(app):
        for _ in range(2):
            assert alert(log_in(app.test_client(), persona, wrong)) == rules.LOGIN_MISMATCH.message
        stranger = log_in(app.test_client(), persona, right, password="Wrong12345")
        assert alert(stranger) == rules.LOGIN_MISMATCH.message, "a wrong password learns nothing of the lock"
        told = log_in(app.test_client(), persona, right)
    assert alert(told) == rules.TOKEN_LOCKED.message
    state = control.get(f"/_control/customers/{persona['customer_id']}").get_json()
    assert (state["failed_attempts"], state["locked"]) == (3, False), "the lock's message counts nothing"
