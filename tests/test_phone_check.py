"""S-TEL 電話番号認証 and S-TOKEN トークン発行 (P13): the call to the bank's line, 確定する, the token issued once."""

from __future__ import annotations

import re

import pytest
import requests

from mockbank import rules
from mockbank.server import BackgroundServer
from tests.forms import alert, text
from tests.otp_world import (
    BANK_LINE,
    CALLS,
    OTPAPP,
    PHONE_CHECK,
    STATUS,
    TOKEN,
    application_row,
    apply_for_otp,
    deliver,
    issuer_in_process,
    issuer_token,
    otp_form,
)
from tests.settings import bank_settings, stop_mail_capture
from tests.setup_forms import log_in

NOT_VERIFIED = "電話番号認証が完了していません。ご登録電話番号から認証先電話番号にお電話のうえ、「確定する」ボタンを押してください。"
EXPIRED = "電話番号認証の有効期限が切れました。お手数ですが、再度ワンタイムパスワード利用申請を行ってください。"
TOKEN_DOWN = "ただいまトークンを発行できません。しばらくしてから「確定する」ボタンを押してください。"


@pytest.fixture
def calling(app, seed, control, issuer):
    """A customer who applied (mobile picked) and sees S-TEL, the world clock frozen: (persona, browser)."""
    control.post("/_control/clock", json={"freeze": True})
    persona = seed("new", step="otp")
    browser = log_in(app, persona)
    assert apply_for_otp(browser, persona).location == PHONE_CHECK
    assert browser.get(PHONE_CHECK).status_code == 200
    return persona, browser


def advance(control, seconds: float) -> None:
    control.post("/_control/clock", json={"advance": seconds})


def confirm(browser, auto: bool = False):
    """確定する on S-TEL, pressed by the customer or sent by the screen itself (R-TEL-AUTO)."""
    return browser.post(PHONE_CHECK, data={"action": "confirm", "auto": "1" if auto else ""})


# ---------------------------------------------------------------- the screen (P13)

MANUAL_WORDS = [
    "<h1>電話番号認証</h1>",
    "電話番号での認証を行います。ご登録電話番号から、120秒以内に認証先電話番号にお電話ください。",
    "電話番号認証完了後、自動的に次画面へ遷移しますが、自動遷移しない場合は、「確定する」ボタンを押してください。",
    "<h2>発信元</h2>",
    "<h2>発信先</h2>",
    "認証先電話番号 (通話料無料)",
    "<p>注意</p>",
    "本画面が表示されてから120秒以内に、お電話ください。",
    "電話番号が非通知設定になっている場合は認証できません。",
    "呼出音がならない場合は、再度お電話ください。",
    "電話番号のおかけ間違いがないようにご注意ください。",
    "2〜3コール後、自動で電話が切れ、認証完了します。アナウンスは流れません。",
    "<スマートフォンをご利用の方へ>",
    "通話が終了しても電話アプリケーションが自動で終了しない場合は、ダイヤルキャンセルボタンを押してブラウザに戻ってください。",
    ">確定する</button>",
]


def test_the_phone_check_says_what_the_manual_says_and_links_the_bank_line_to_the_dialler(calling):
    persona, browser = calling
    page = text(browser.get(PHONE_CHECK))
    assert not [words for words in MANUAL_WORDS if words not in page]
    assert f'<p class="caller">ご登録電話番号 <strong>*****{persona["phones"][0][-4:]}</strong></p>' in page
    assert f'<a href="/phone/dial?to={BANK_LINE}">{BANK_LINE}</a>' in page
    assert 'data-screen="S-TEL"' in page
    for number in persona["phones"]:
        digits = re.sub(r"\D", "", number)
        assert number[:-4] not in page and digits[:-4] not in page, "R-TEL-PICK: the last four digits only"
    assert 'data-auto="on"' in page and "phone_check.js" in page


def test_the_page_polls_with_plain_javascript(client):
    script = client.get("/static/phone_check.js").get_data(as_text=True)
    assert "setInterval(ask, 1000)" in script and "fetch(" in script and "import" not in script


def test_the_bank_line_is_the_configured_one(make_app, seed):
    app = make_app(PHONE_AUTH_NUMBER="0120-000-111")
    with issuer_in_process(app):
        persona = seed_in(app, "new", otp="calling")
        page = text(log_in(app, persona).get(PHONE_CHECK))
    assert '<a href="/phone/dial?to=0120-000-111">0120-000-111</a>' in page


def seed_in(app, kind: str, **overrides) -> dict:
    response = app.test_client().post("/_control/personas", json={"kind": kind, **overrides})
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def test_the_120_seconds_start_when_the_screen_first_shows_and_a_reload_keeps_them(
    app, calling, control, customer_state
):
    persona, browser = calling
    first = customer_state(persona["customer_id"])["otp"]["shown_at"]
    assert first is not None
    advance(control, 30)
    browser.get(PHONE_CHECK)
    assert customer_state(persona["customer_id"])["otp"]["shown_at"] == first


def test_the_120_seconds_do_not_start_before_the_screen_shows(app, seed, control, issuer, customer_state):
    persona = seed("new", step="otp")
    browser = log_in(app, persona)
    apply_for_otp(browser, persona)
    assert customer_state(persona["customer_id"])["otp"]["shown_at"] is None


# ---------------------------------------------------------------- the bank's line: R-TEL-120, R-TEL-CLI


@pytest.mark.parametrize(
    ("seconds", "proved"),
    [(0, True), (119, True), (120, True), (120.001, False), (121, False)],
)
def test_a_call_proves_the_application_only_within_120_seconds_of_the_screen_showing(
    app, calling, control, customer_state, journal, seconds, proved
):
    persona, _ = calling
    advance(control, seconds)
    response = deliver(app, control, persona["phones"][0])
    assert response.status_code == 200 and response.get_json() == {"proved": proved}
    (entry,) = journal(kind="phone_check")
    assert entry["customer_id"] == persona["customer_id"] and entry["screen"] == "S-TEL"
    assert entry["detail"]["seconds"] == seconds and entry["detail"]["proved"] is proved
    if proved:
        assert entry["rule"] is None and {"R-TEL-CLI", "R-TEL-120"} <= set(entry["detail"]["passed"])
        assert customer_state(persona["customer_id"])["otp"]["state"] == "verified"
    else:
        assert entry["rule"] == "R-TEL-120"
        assert customer_state(persona["customer_id"])["otp"]["state"] == "calling"


def test_a_withheld_call_proves_nothing_and_the_customer_may_call_again(app, calling, control, customer_state, journal):
    persona, _ = calling
    assert deliver(app, control, None).get_json() == {"proved": False}
    (withheld,) = journal(kind="phone_check")
    assert (withheld["rule"], withheld["detail"]["reason"]) == ("R-TEL-CLI", "withheld")
    assert customer_state(persona["customer_id"])["otp"]["state"] == "calling"
    advance(control, 60)
    assert deliver(app, control, persona["phones"][0], call=2).get_json() == {"proved": True}
    assert customer_state(persona["customer_id"])["otp"]["state"] == "verified"


@pytest.mark.parametrize(
    ("caller", "owner"),
    [("090-0000-0000", False), (None, True)],
    ids=["a number nobody registered", "the customer's other registered number"],
)
def test_a_call_from_another_number_than_the_picked_one_proves_nothing(
    app, calling, control, customer_state, journal, caller, owner
):
    persona, _ = calling
    caller = caller or persona["phones"][1]
    assert deliver(app, control, caller).get_json() == {"proved": False}
    (entry,) = journal(kind="phone_check")
    assert (entry["rule"], entry["detail"]["reason"]) == ("R-TEL-CLI", "not_the_picked_number")
    assert entry["customer_id"] == (persona["customer_id"] if owner else None)
    assert customer_state(persona["customer_id"])["otp"]["state"] == "calling"


@pytest.mark.parametrize("caller", ["09012345678", "090 1234 5678", "+81-90-1234-5678", "０９０-１２３４-５６７８"])
def test_numbers_are_compared_by_their_digits(caller):
    assert rules.phone_digits(caller) == "09012345678"
    assert rules.call_from(caller, "090-1234-5678") is None


def test_cancel_after_the_back_button_ends_the_open_application_and_a_call_proves_nothing(
    app, calling, control, customer_state
):
    persona, browser = calling
    token = application_row(app, persona["customer_id"])["token"]
    browser.post(OTPAPP, data=otp_form(browser, persona, action="cancel"))  # 中止する on S-OTPAPP after the back button
    assert customer_state(persona["customer_id"])["otp"]["state"] == "cancelled"
    assert issuer_token(app, token)["state"] == "revoked"
    assert deliver(app, control, persona["phones"][0]).get_json() == {"proved": False}, "within 120 s, still nothing"


@pytest.mark.parametrize(
    ("key", "status"),
    [("", 401), ("not-the-key", 401), (None, 200)],
    ids=["no key", "a wrong key", "the network's key"],
)
def test_only_the_phone_network_with_its_key_reaches_the_line(app, calling, control, key, status):
    persona, _ = calling
    headers = {} if key == "" else {"X-Phone-Network-Key": key or app.config["PHONE_NETWORK_KEY"]}
    body = {"call": 1, "caller": persona["phones"][0], "called": BANK_LINE, "at": None}
    response = control.post(CALLS, json=body, headers=headers)
    assert response.status_code == status and response.is_json


def test_a_bank_without_a_network_key_takes_no_call(make_app):
    app = make_app(PHONE_NETWORK_KEY=None)
    body = {"call": 1, "caller": "09012345678", "called": BANK_LINE}
    for key in ("", "None"):
        response = app.test_client().post(CALLS, json=body, headers={"X-Phone-Network-Key": key})
        assert response.status_code == 401 and "error" in response.get_json()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        [1, 2],
        {"caller": "09012345678", "called": BANK_LINE},
        {"call": True, "caller": "09012345678", "called": BANK_LINE},
        {"call": 1, "caller": 9012345678, "called": BANK_LINE},
        {"call": 1, "caller": "09012345678", "called": "0120-999-999"},
        {"call": 1, "caller": "09012345678"},
        {"call": 1, "caller": "09012345678", "called": BANK_LINE, "at": "yesterday"},
    ],
    ids=["text", "a list", "no call id", "a bool id", "a caller as number", "another line", "no line", "a bad time"],
)
def test_a_malformed_call_is_refused_with_json(app, control, body):
    key = {"X-Phone-Network-Key": app.config["PHONE_NETWORK_KEY"]}
    if isinstance(body, str):
        response = control.post(CALLS, data=body, headers=key)
    else:
        response = control.post(CALLS, json=body, headers=key)
    assert response.status_code == 400 and response.is_json and response.get_json()["error"]


def test_the_line_answers_json_even_to_the_wrong_method(control):
    response = control.get(CALLS)
    assert response.status_code == 405 and response.is_json


def test_the_line_needs_no_csrf_token(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    response = app.test_client().post(
        CALLS, json={"call": 1, "caller": None, "called": BANK_LINE}, headers={"X-Phone-Network-Key": "x"}
    )
    assert response.status_code == 401, "refused for its key, not for a CSRF token"


# ---------------------------------------------------------------- R-TEL-AUTO: the status S-TEL asks for


def test_the_status_says_calling_then_verified(app, calling, control):
    persona, browser = calling
    advance(control, 20)
    assert browser.get(STATUS).get_json() == {"state": "calling", "seconds_left": 100.0}
    deliver(app, control, persona["phones"][0])
    assert browser.get(STATUS).get_json() == {"state": "verified", "seconds_left": None}


def test_the_status_says_expired_after_120_seconds_and_changes_nothing(calling, control, customer_state):
    persona, browser = calling
    advance(control, 121)
    assert browser.get(STATUS).get_json()["state"] == "expired"
    assert customer_state(persona["customer_id"])["otp"]["state"] == "calling"


def test_the_status_says_issued_once_the_token_is_issued(app, calling, control):
    persona, browser = calling
    deliver(app, control, persona["phones"][0])
    confirm(browser, auto=True)
    assert browser.get(STATUS).get_json() == {"state": "issued", "seconds_left": None}


def test_the_status_belongs_to_its_step(app, seed):
    assert app.test_client().get(STATUS).location == "/netbank/login"
    assert log_in(app, seed("new", step="info")).get(STATUS).location == "/netbank/customer-registration"
    assert log_in(app, seed("new", step="otp")).get(STATUS).get_json() == {"state": "none", "seconds_left": None}


# ---------------------------------------------------------------- 確定する


def test_confirm_before_the_call_says_the_check_is_not_done(calling, customer_state, journal):
    persona, browser = calling
    response = confirm(browser)
    assert response.status_code == 200 and alert(response) == NOT_VERIFIED
    assert 'data-screen="S-TEL"' in text(response) and 'data-auto="on"' in text(response), "a call now still moves on"
    assert customer_state(persona["customer_id"])["otp"]["state"] == "calling"
    assert [e["rule"] for e in journal(kind="refused", customer_id=persona["customer_id"])] == ["R-TEL-AUTO"]


@pytest.mark.parametrize("auto", [False, True], ids=["pressed", "sent by the screen"])
def test_confirm_after_the_call_issues_the_token_and_finishes_onboarding(
    app, calling, control, customer_state, journal, auto
):
    persona, browser = calling
    deliver(app, control, persona["phones"][0])
    response = confirm(browser, auto=auto)
    assert response.location == TOKEN
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["otp"]["state"], state["otp"]["mail_delivered"]) == ("done", "issued", True)
    assert issuer_token(app, application_row(app, persona["customer_id"])["token"])["state"] == "issued"
    (entry,) = [e for e in journal(kind="screen", customer_id=persona["customer_id"]) if e["screen"] == "S-TEL"]
    assert entry["detail"]["auto"] is auto and "R-TEL-AUTO" in entry["detail"]["passed"]


def test_a_verified_application_is_issued_even_after_its_120_seconds(app, calling, control):
    persona, browser = calling
    advance(control, 100)
    deliver(app, control, persona["phones"][0])
    advance(control, 100)
    assert confirm(browser).location == TOKEN


@pytest.mark.parametrize("how", ["confirm", "reload"])
def test_past_120_seconds_without_a_call_the_application_expires_and_the_customer_starts_again(
    app, calling, control, customer_state, journal, how
):
    persona, browser = calling
    token = application_row(app, persona["customer_id"])["token"]
    advance(control, 121)
    response = confirm(browser) if how == "confirm" else browser.get(PHONE_CHECK)
    assert response.location == OTPAPP
    page = browser.get(OTPAPP)
    assert alert(page) == EXPIRED and 'data-screen="S-OTPAPP"' in text(page)
    assert not alert(browser.get(OTPAPP)), "told once"
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["otp"]["state"]) == ("otp", "expired")
    assert issuer_token(app, token)["state"] == "revoked"
    (entry,) = journal(kind="refused", customer_id=persona["customer_id"])
    assert (entry["rule"], entry["detail"]["seconds"]) == ("R-TEL-120", 121)
    assert browser.get(PHONE_CHECK).location == OTPAPP
    assert apply_for_otp(browser, persona).location == PHONE_CHECK, "a new application starts again"


def test_an_issuer_down_at_issue_keeps_the_customer_on_s_tel_and_confirm_retries(
    app, calling, control, customer_state, journal
):
    persona, browser = calling
    deliver(app, control, persona["phones"][0])
    control.post("/_control/faults", json={"party": "issuer", "down": True})
    response = confirm(browser, auto=True)
    assert response.status_code == 200 and alert(response) == TOKEN_DOWN
    assert 'data-screen="S-TEL"' in text(response) and 'data-auto="off"' in text(response)
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["otp"]["state"]) == ("otp", "verified")
    assert issuer_token(app, application_row(app, persona["customer_id"])["token"])["state"] == "pending"
    assert [e["detail"]["call"] for e in journal(kind="issuer_unavailable")] == ["issue_token"]
    control.post("/_control/faults", json={"party": "issuer"})
    assert confirm(browser).location == TOKEN
    assert customer_state(persona["customer_id"])["otp"]["state"] == "issued"


def test_an_issuer_that_let_the_token_expire_sends_the_customer_to_start_again(app, calling, control, customer_state):
    persona, browser = calling
    deliver(app, control, persona["phones"][0])
    for _ in range(7):  # beyond ISSUER_PENDING_MINUTES: the issuer will not issue it any more
        advance(control, 5 * 60)
        assert browser.get(STATUS).get_json()["state"] == "verified"  # the session stays alive meanwhile
    assert confirm(browser).location == OTPAPP
    assert alert(browser.get(OTPAPP)) == (
        "トークンを発行できませんでした。お手数ですが、再度ワンタイムパスワード利用申請を行ってください。"
    )
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["otp"]["state"]) == ("otp", "failed")


# ---------------------------------------------------------------- S-TOKEN (P13)

TOKEN_WORDS = [
    "<h1>ワンタイムパスワード利用申請</h1>",
    "下記内容でトークン発行を受けました。",
    "ご指定のメールアドレスにトークン発行用のメールが送信されます。",
    "トークン情報に従い、ワンタイムパスワードの設定のお手続きをお願いします。",
    "<h2>送付先メールアドレス</h2>",
    "<h2>トークン情報</h2>",
    "現在ご利用の端末でワンタイムパスワードをご利用する場合、以下のボタンからもアプリをダウンロードできます。"
    "ワンタイムパスワードの設定の完了後は、ワンタイムパスワードアプリからログインしてください。",
    '<a class="button" href="/app/download">アプリダウンロード</a>',
    '<a href="/netbank/home">つないでネ！ットトップへ</a>',
]


@pytest.fixture
def issued(app, calling, control):
    """The call proved and 確定する sent: the customer on S-TOKEN. (persona, browser, the issuer's token)."""
    persona, browser = calling
    deliver(app, control, persona["phones"][0])
    assert confirm(browser, auto=True).location == TOKEN
    return persona, browser, issuer_token(app, application_row(app, persona["customer_id"])["token"])


def test_s_token_shows_the_mail_and_the_token_ids_the_issuer_issued(issued):
    _, browser, token = issued
    page = text(browser.get(TOKEN))
    assert not [words for words in TOKEN_WORDS if words not in page]
    assert '<dt>メールアドレス</dt><dd class="mail">taro@example.jp</dd>' in page
    assert f'<th scope="row">サービスID</th><td class="service-id">{token["service_id"]}</td>' in page
    assert f'<th scope="row">ユーザID</th><td class="user-id">{token["user_id"]}</td>' in page
    assert 'data-screen="S-TOKEN"' in page


def test_a_reload_of_s_token_shows_the_same_ids_and_issues_nothing_more(app, issued, control, journal):
    persona, browser, token = issued
    pages = [text(browser.get(TOKEN)) for _ in range(3)]
    assert len(set(pages)) == 1
    for path in (PHONE_CHECK, PHONE_CHECK):
        assert browser.get(path).location == TOKEN, "the back button to S-TEL comes back to S-TOKEN"
    assert confirm(browser).location == TOKEN, "a second 確定する issues nothing"
    assert len(journal(kind="token_issued")) == 1
    assert len(control.get("/_control/mail", query_string={"to": "taro@example.jp"}).get_json()) == 1
    assert browser.get(OTPAPP).location == "/netbank/home"


def test_after_s_token_the_customer_reaches_the_top_page(issued):
    persona, browser, _ = issued
    page = text(browser.get("/netbank/home"))
    assert 'data-screen="S-HOME"' in page and persona["name"] in page


def test_the_token_mail_comes_from_otp_auth_net_with_the_same_ids(issued, control):
    _, _, token = issued
    (mail,) = control.get("/_control/mail", query_string={"to": "taro@example.jp"}).get_json()
    assert mail["subject"] == "青森みちのく銀行トークン発行ご案内" and mail["from"].endswith("@otp-auth.net")
    assert token["service_id"] in mail["body"] and token["user_id"] in mail["body"]


def test_s_token_shows_the_ids_even_when_the_mailbox_refused_the_mail(app, calling, control, customer_state):
    persona, browser = calling
    control.post("/_control/mailbox/reject", json={"address": "taro@example.jp", "domain": "otp-auth.net"})
    deliver(app, control, persona["phones"][0])
    assert confirm(browser, auto=True).location == TOKEN
    row = application_row(app, persona["customer_id"])
    page = text(browser.get(TOKEN))
    assert row["service_id"] in page and row["user_id"] in page
    assert customer_state(persona["customer_id"])["otp"]["mail_delivered"] is False
    assert control.get("/_control/mail", query_string={"to": "taro@example.jp"}).get_json() == []


RESEND = "メールを再送信する"


def test_with_the_mail_server_down_s_token_says_so_and_a_resend_works_once_it_is_back(
    app, calling, control, customer_state, journal
):
    persona, browser = calling
    control.post("/_control/faults", json={"party": "mail", "down": True})
    deliver(app, control, persona["phones"][0])
    assert confirm(browser, auto=True).location == TOKEN
    page = text(browser.get(TOKEN))
    assert "メールを送信できませんでした" in page and RESEND in page
    strip = re.search(r'<aside class="test-strip".*?</aside>', page, re.S).group(0)
    assert f">{RESEND}</button>" in strip, "the resend sits in the テスト用 strip"
    assert application_row(app, persona["customer_id"])["user_id"] in page, "the IDs are there to type in"
    assert browser.post(TOKEN, data={}).location == TOKEN  # still down: S-TOKEN says so again
    assert "メールを送信できませんでした" in text(browser.get(TOKEN))
    control.post("/_control/faults", json={"party": "mail"})
    assert browser.post(TOKEN, data={}).location == TOKEN
    assert customer_state(persona["customer_id"])["otp"]["mail_delivered"] is True
    assert RESEND not in text(browser.get(TOKEN))
    (mail,) = control.get("/_control/mail", query_string={"to": "taro@example.jp"}).get_json()
    assert mail["subject"] == "青森みちのく銀行トークン発行ご案内"
    assert [e["detail"]["mail_delivered"] for e in journal(kind="mail_resend")] == [False, True]


def test_with_the_issuer_down_a_resend_gets_the_banks_message_and_nothing_changes(app, calling, control):
    persona, browser = calling
    control.post("/_control/mailbox/reject", json={"address": "taro@example.jp", "domain": "otp-auth.net"})
    deliver(app, control, persona["phones"][0])
    confirm(browser, auto=True)
    control.post("/_control/faults", json={"party": "issuer", "down": True})
    response = browser.post(TOKEN, data={})
    assert response.status_code == 200 and "ただいまメールを再送信できません" in text(response)


def test_a_mail_already_delivered_offers_no_resend(issued):
    _persona, browser, _token = issued
    assert RESEND not in text(browser.get(TOKEN))


def test_the_download_address_leads_to_the_store_page(app, issued):
    _persona, browser, _token = issued
    page = app.test_client().get("/app/download", headers={"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)"})
    assert page.status_code == 200 and "App Store" in text(page) and 'data-screen="A-DL"' in text(page)
    assert "Google Play" in text(app.test_client().get("/app/download", headers={"User-Agent": "Pixel 7"}))


# ---------------------------------------------------------------- over real HTTP, the issuer its own server


@pytest.fixture
def world(tmp_path):
    """The mock world answering on localhost, the bank's issuer client timing out after a second (a healed issuer
    answers well within it even on a loaded machine; a slow one, at 1.5 s, never does)."""
    from mockbank import create_app

    app = create_app(bank_settings(tmp_path / "w.sqlite", ISSUER_TIMEOUT=1.0))
    server = BackgroundServer(app).start()
    yield app, server.url
    server.stop()
    stop_mail_capture(app)


def test_over_http_an_issuer_down_or_slow_is_told_and_a_retry_works_once_healed(world):
    app, url = world
    http = requests.Session()
    persona = http.post(f"{url}/_control/personas", json={"kind": "new", "step": "otp"}, timeout=10).json()
    cookie = http.post(
        f"{url}/_control/sessions", json={"customer_id": persona["customer_id"], "role": "customer"}, timeout=10
    ).json()
    http.cookies.set(cookie["name"], cookie["value"])
    phone = re.findall(r'name="phone" value="(\d+)"', http.get(url + OTPAPP, timeout=10).text)[0]
    form = {
        "mail": "taro@example.jp",
        "mail_again": "taro@example.jp",
        "start_pw": "246810",
        "start_pw_again": "246810",
        "phone": phone,
        "confirm_pw": persona["confirm_password"],
        "action": "apply",
    }
    for fault in ({"down": True}, {"slow": 1.5}):
        http.post(f"{url}/_control/faults", json={"party": "issuer", **fault}, timeout=10)
        response = http.post(url + OTPAPP, data=form, timeout=10, allow_redirects=False)
        assert response.status_code == 200 and "ただいまトークンを発行できません。" in response.text
        state = http.get(f"{url}/_control/customers/{persona['customer_id']}", timeout=10).json()
        assert (state["otp"], state["step"]) == (None, "otp"), fault
    http.post(f"{url}/_control/faults", json={"party": "issuer"}, timeout=10)
    response = http.post(url + OTPAPP, data=form, timeout=10, allow_redirects=False)
    assert response.headers["Location"].endswith(PHONE_CHECK)
    assert 'data-screen="S-TEL"' in http.get(url + PHONE_CHECK, timeout=10).text
    for withheld, state in ((True, "calling"), (False, "verified")):  # the phone network delivers each call
        call = {"from": persona["phones"][0], "withheld": withheld}
        assert http.post(f"{url}/_control/calls", json=call, timeout=10).json()["delivered"] is True
        assert http.get(url + STATUS, timeout=10).json()["state"] == state
    checks = http.get(f"{url}/_control/journal", params={"kind": "phone_check"}, timeout=10).json()
    assert [(e["rule"], e["detail"]["proved"]) for e in checks] == [("R-TEL-CLI", False), (None, True)]
    response = http.post(url + PHONE_CHECK, data={"auto": "1"}, timeout=10, allow_redirects=False)
    assert response.headers["Location"].endswith(TOKEN)
    assert 'data-screen="S-TOKEN"' in http.get(url + TOKEN, timeout=10).text


def test_over_http_the_banks_line_not_answering_proves_nothing_and_a_call_once_it_answers_does(world):
    app, url = world
    http = requests.Session()
    persona = http.post(f"{url}/_control/personas", json={"kind": "new", "step": "otp", "otp": "calling"}, timeout=10)
    persona = persona.json()

    def state() -> str:
        return http.get(f"{url}/_control/customers/{persona['customer_id']}", timeout=10).json()["otp"]["state"]

    call = {"from": persona["phones"][0]}
    http.post(f"{url}/_control/faults", json={"party": "bankline", "down": True}, timeout=10)
    placed = http.post(f"{url}/_control/calls", json=call, timeout=10).json()
    assert placed["delivered"] is False and placed["outcome"] == "line_unreachable"
    assert state() == "calling"
    http.post(f"{url}/_control/faults", json={"party": "bankline"}, timeout=10)
    assert http.post(f"{url}/_control/calls", json=call, timeout=10).json()["delivered"] is True
    assert state() == "verified"


# ---------------------------------------------------------------- later, for a customer who has no token (P12)

APPLY_LATER = "ワンタイムパスワード利用申請"


def test_a_customer_using_the_service_without_a_token_applies_later_from_the_top_page(
    app, seed, control, customer_state, issuer
):
    persona = seed("active")
    browser = log_in(app, persona)
    home = text(browser.get("/netbank/home"))
    assert 'href="/netbank/otp-application"' in home and APPLY_LATER in home
    assert 'data-screen="S-OTPAPP"' in text(browser.get(OTPAPP))
    assert apply_for_otp(browser, persona).location == PHONE_CHECK
    assert browser.get(PHONE_CHECK).status_code == 200
    assert deliver(app, control, persona["phones"][0]).get_json() == {"proved": True}
    assert confirm(browser).location == TOKEN
    assert customer_state(persona["customer_id"])["otp"]["state"] == "issued"
    assert 'href="/netbank/otp-application"' not in text(browser.get("/netbank/home")), "a token now: no offer"
    assert browser.get(OTPAPP).location == "/netbank/home"


def test_a_customer_with_a_token_issued_is_not_offered_another(app, seed):
    persona = seed("new", step="otp", otp="issued")
    browser = log_in(app, persona)
    assert 'href="/netbank/otp-application"' not in text(browser.get("/netbank/home"))
    assert browser.get(OTPAPP).location in (TOKEN, "/netbank/home")
