"""S-OTPAPP ワンタイムパスワード利用申請 (P12): the screen, its rules, one application at a time, the issuer down."""

from __future__ import annotations

import json
import re

import pytest
import responses

from mockbank import rules
from tests.forms import alert, text
from tests.otp_world import (
    GOOD_START_PW,
    OTPAPP,
    PHONE_CHECK,
    TOKEN,
    application_row,
    apply_for_otp,
    issuer_token,
    otp_form,
    phone_ids,
)
from tests.setup_forms import log_in, register_info


@pytest.fixture
def applicant(app, seed, issuer):
    """A new contract standing before S-OTPAPP (after お客さま情報登録), logged in: (persona, browser)."""
    persona = seed("new", step="otp")
    return persona, log_in(app, persona)


def not_applied(customer_state, persona) -> None:
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["otp"], state["otp_applications"]) == ("otp", None, [])


# ---------------------------------------------------------------- the screen (P12)


def test_registration_done_greets_the_customer_on_the_otp_application(app, seed, journal):
    persona = seed("new", step="info")
    browser = log_in(app, persona)
    assert register_info(browser, persona["confirm_password"]).location == OTPAPP
    page = text(browser.get(OTPAPP))
    assert re.search(r'<div role="status" class="notice"><p>お客さま情報の登録が完了しました。</p>', page)
    assert 'data-screen="S-OTPAPP"' in page
    assert "お客さま情報の登録が完了しました。" not in text(browser.get(OTPAPP)), "said once"


MANUAL_WORDS = [
    "<h1>ワンタイムパスワード利用申請</h1>",
    "トークンを発行します。送付先メールアドレス、利用開始パスワードを入力し「電話番号認証を行う」ボタンを押してください。",
    "なお、トークンの発行にはご登録電話番号による認証が必要となります。",
    "こちらをお読みください",
    "ワンタイムパスワード申請情報",
    "トークンを発行する端末のメールアドレスを入力してください。",
    '<label for="mail">メールアドレス</label>',
    '<label for="mail_again">メールアドレス (確認用)</label>',
    "トークン発行時に必要な利用開始パスワードを4~8桁の数字で登録してください。",
    '<label for="start_pw">利用開始パスワード</label>',
    '<label for="start_pw_again">利用開始パスワード (確認用)</label>',
    "ご登録電話番号の指定",
    "電話番号認証を行う電話番号を選択してください。",
    "選択した電話番号からお電話していただく必要があります。",
    '<span id="phone-label">電話番号</span>',
    "※電話番号の末尾4桁のみ表示されます。",
    "確認用パスワードの入力",
    '<label for="confirm_pw">確認用パスワード</label>',
    ">電話番号認証を行う</button>",
    ">中止する</button>",
    "下記2つのドメインからのメールが受信できるように、あらかじめ設定をお願いします。",
    "① otp-auth.net",
    "② am-bk.co.jp",
    "「利用開始パスワード」はワンタイムパスワードアプリの初期設定で必要となりますので、お忘れの無いようご注意ください。",
]


def test_the_screen_says_what_the_manual_says(applicant):
    _, browser = applicant
    page = text(browser.get(OTPAPP))
    missing = [words for words in MANUAL_WORDS if words not in page]
    assert not missing
    assert page.count('<span class="required">[必須]</span>') == 6
    assert 'type="password"' in page.split('id="start_pw"')[1].split(">")[0]
    assert "placeholder" not in page


# ---------------------------------------------------------------- R-TEL-PICK


def hidden_parts(number: str) -> list[str]:
    """Every way a page could give away a phone number's digits other than its last four."""
    digits = re.sub(r"\D", "", number)
    return [number[:-4], digits[:-4], number.rsplit("-", 1)[0], *number.split("-")[:-1]]


def without_random_tokens(page: str) -> str:
    """The page less the values of its random hidden fields (CSRF token, application key), which may hold any digits."""
    return re.sub(r'(name="(?:csrf_token|application)" value=")[^"]*"', r'\1"', page)


def phone_radios(page: str) -> list[tuple[str, str, str]]:
    """S-OTPAPP's 電話番号 choices: (value, checked, label) of each radio button, in order."""
    return re.findall(
        r'<input type="radio" id="phone-\d+" name="phone" value="([^"]*)"( checked)?><label for="phone-\d+">([^<]*)</label>',
        page,
    )


def test_registered_phones_are_offered_by_their_last_four_digits_only(applicant, app):
    persona, browser = applicant
    page = text(browser.get(OTPAPP))
    radios = phone_radios(page)
    assert [label for _, _, label in radios] == ["●●●●●● " + n[-4:] for n in persona["phones"]]
    with app.app_context():
        from mockbank.bank.models import RegisteredPhone as Phone
        from mockbank.db import db

        ids = [
            str(p.id) for p in db.session.scalars(db.select(Phone).where(Phone.customer_id == persona["customer_id"]))
        ]
    assert [value for value, _, _ in radios] == ids, "the value is the phone's row id, never its number"
    for number in persona["phones"]:
        assert not [part for part in hidden_parts(number) if part in without_random_tokens(page)], number


def test_the_phone_list_is_the_registered_phones_only_none_chosen_with_the_manuals_note(applicant):
    """P12: 電話番号 lists the registered phones (●●●●●● △△△△), nothing else, and 「※電話番号の末尾4桁のみ表示されます。」."""
    persona, browser = applicant
    page = text(browser.get(OTPAPP))
    assert "選択してください</option>" not in page and "<option" not in page
    assert [checked for _, checked, _ in phone_radios(page)] == ["" for _ in persona["phones"]]
    group = re.search(r'<fieldset class="field phone".*?</fieldset>', page, re.S).group(0)
    assert '<small class="hint" id="phone-note">※電話番号の末尾4桁のみ表示されます。</small>' in group


def test_a_refused_application_keeps_the_phone_picked_and_still_shows_last_four_digits_only(applicant):
    persona, browser = applicant
    response = apply_for_otp(browser, persona, phone=1, start_pw="12")
    page = text(response)
    picked = phone_ids(browser)[1]
    assert (picked, " checked", f"●●●●●● {persona['phones'][1][-4:]}") in phone_radios(page)
    assert [checked for _, checked, _ in phone_radios(page)].count(" checked") == 1
    for number in persona["phones"]:
        assert not [part for part in hidden_parts(number) if part in without_random_tokens(page)]


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("", "電話番号を選択してください。"),
        ("abc", "ご登録電話番号の中から電話番号を選択してください。"),
        ("0", "ご登録電話番号の中から電話番号を選択してください。"),
        ("090-1234-5678", "ご登録電話番号の中から電話番号を選択してください。"),
    ],
    ids=["none", "not an id", "no such phone", "a number instead of a choice"],
)
def test_a_phone_not_picked_among_the_registered_ones_is_refused(applicant, customer_state, journal, phone, message):
    persona, browser = applicant
    response = browser.post(OTPAPP, data=otp_form(browser, persona, phone=phone))
    assert response.status_code == 200 and alert(response) == message
    not_applied(customer_state, persona)
    assert [e["rule"] for e in journal(kind="refused", customer_id=persona["customer_id"])] == ["R-TEL-PICK"]


def test_a_form_sent_with_no_phone_picked_is_refused_on_the_same_screen_and_nothing_is_applied(
    applicant, customer_state, journal
):
    """No radio button ticked: the browser sends no 電話番号 at all; the bank asks for one and keeps the rest typed."""
    persona, browser = applicant
    form = otp_form(browser, persona)
    del form["phone"]
    response = browser.post(OTPAPP, data=form)
    page = text(response)
    assert response.status_code == 200 and 'data-screen="S-OTPAPP"' in page
    assert alert(response) == "電話番号を選択してください。"
    assert '<fieldset class="field phone invalid"' in page and 'aria-invalid="true"' in page
    assert f'value="{form["mail"]}"' in page, "what was typed stays"
    assert [checked for _, checked, _ in phone_radios(page)] == ["" for _ in persona["phones"]]
    not_applied(customer_state, persona)
    assert [e["rule"] for e in journal(kind="refused", customer_id=persona["customer_id"])] == ["R-TEL-PICK"]


def test_another_customers_phone_is_refused(app, seed, applicant, customer_state):
    persona, browser = applicant
    other = seed("new", step="otp")
    foreign = phone_ids(log_in(app, other))[0]
    response = browser.post(OTPAPP, data=otp_form(browser, persona, phone=foreign))
    assert alert(response) == "ご登録電話番号の中から電話番号を選択してください。"
    not_applied(customer_state, persona)


# ---------------------------------------------------------------- R-START-PW, R-MAIL-TWICE

START_PW_FORMAT = "利用開始パスワードは半角数字4～8桁で入力してください。"


@pytest.mark.parametrize(
    ("start_pw", "again", "message"),
    [
        ("", "", "利用開始パスワードを入力してください。"),
        ("123", "123", START_PW_FORMAT),
        ("123456789", "123456789", START_PW_FORMAT),
        ("abcd", "abcd", START_PW_FORMAT),
        ("12ab", "12ab", START_PW_FORMAT),
        ("１２３４", "１２３４", START_PW_FORMAT),
        ("12 34", "12 34", START_PW_FORMAT),
        ("-1234", "-1234", START_PW_FORMAT),
        ("1234", "1243", "利用開始パスワードと利用開始パスワード (確認用) が一致しません。"),
        ("12345678", "", "利用開始パスワードと利用開始パスワード (確認用) が一致しません。"),
    ],
    ids=["empty", "3 digits", "9 digits", "letters", "mixed", "full-width", "a space", "a sign", "mismatch", "once"],
)
def test_a_start_password_not_of_4_to_8_half_width_digits_typed_twice_is_refused(
    applicant, customer_state, journal, start_pw, again, message
):
    persona, browser = applicant
    response = apply_for_otp(browser, persona, start_pw=start_pw, start_pw_again=again)
    assert response.status_code == 200 and alert(response) == message
    assert 'data-screen="S-OTPAPP"' in text(response)
    typed_back = re.findall(r'value="([^"]*)"', text(response).split("<form")[1])
    assert not start_pw or start_pw not in typed_back, "a password is never typed back"
    not_applied(customer_state, persona)
    assert [e["rule"] for e in journal(kind="refused", customer_id=persona["customer_id"])] == ["R-START-PW"]


@pytest.mark.parametrize("start_pw", ["1234", "12345678", "00000000", "8642"])
def test_a_start_password_of_4_to_8_half_width_digits_is_taken_and_goes_to_the_issuer_only(
    app, applicant, customer_state, control, journal, start_pw
):
    persona, browser = applicant
    response = apply_for_otp(browser, persona, start_pw=start_pw, start_pw_again=start_pw)
    assert response.location == PHONE_CHECK
    assert customer_state(persona["customer_id"])["otp"]["state"] == "calling"
    check = {"which": "start", "password": start_pw}
    assert control.post(f"/_control/customers/{persona['customer_id']}/password-check", json=check).get_json() == {
        "matches": True
    }
    row = application_row(app, persona["customer_id"])
    assert start_pw not in json.dumps(row, default=str), "the bank keeps no 利用開始パスワード"
    assert start_pw not in json.dumps(journal()), "nor does the journal"
    (entry,) = journal(kind="screen", customer_id=persona["customer_id"])
    assert entry["screen"] == "S-OTPAPP"
    assert {"R-MAIL-TWICE", "R-START-PW", "R-TEL-PICK", "R-CONFIRM-PW"} <= set(entry["detail"]["passed"])


@pytest.mark.parametrize(
    ("mail", "again", "message"),
    [
        ("", "", "メールアドレスを入力してください。"),
        ("taro@example.jp", "jiro@example.jp", "メールアドレスとメールアドレス (確認用) が一致しません。"),
        ("taro@", "taro@", "メールアドレスの形式に誤りがあります。半角英数字記号で正しく入力してください。"),
        (
            "ｔａｒｏ@example.jp",
            "ｔａｒｏ@example.jp",
            "メールアドレスの形式に誤りがあります。半角英数字記号で正しく入力してください。",
        ),
    ],
    ids=["empty", "mismatch", "malformed", "full-width"],
)
def test_a_token_mail_address_not_well_formed_or_not_typed_twice_is_refused(
    applicant, customer_state, journal, mail, again, message
):
    persona, browser = applicant
    response = apply_for_otp(browser, persona, mail=mail, mail_again=again)
    assert alert(response) == message
    not_applied(customer_state, persona)
    assert [e["rule"] for e in journal(kind="refused", customer_id=persona["customer_id"])] == ["R-MAIL-TWICE"]


def test_every_problem_is_told_at_once(applicant):
    persona, browser = applicant
    response = apply_for_otp(browser, persona, mail="x", start_pw="1", phone="", confirm_pw="")
    assert alert(response).count("。") >= 4


# ---------------------------------------------------------------- R-CONFIRM-PW, R-LOCKOUT


@pytest.mark.parametrize(
    ("confirm_pw", "message", "counted"),
    [
        ("Wrong12345", rules.CONFIRM_PW_MISMATCH.message, 1),
        (None, rules.CONFIRM_PW_MISMATCH.message, 1),  # the login password
        ("", "確認用パスワードを入力してください。", 0),
        ("ｐａｓｓ１２３", "確認用パスワードは半角英数字で入力してください。", 0),
    ],
    ids=["wrong", "the login password", "empty", "full-width"],
)
def test_a_wrong_confirm_password_is_refused_and_counted_towards_the_lockout(
    applicant, customer_state, confirm_pw, message, counted
):
    persona, browser = applicant
    typed = persona["login_password"] if confirm_pw is None else confirm_pw
    response = apply_for_otp(browser, persona, confirm_pw=typed)
    assert alert(response) == message
    state = customer_state(persona["customer_id"])
    assert (state["failed_attempts"], state["otp"]) == (counted, None)


def test_the_right_confirm_password_ends_a_run_of_failures(applicant, customer_state):
    persona, browser = applicant
    apply_for_otp(browser, persona, confirm_pw="Wrong12345")
    assert apply_for_otp(browser, persona).location == PHONE_CHECK
    assert customer_state(persona["customer_id"])["failed_attempts"] == 0


def test_five_wrong_confirm_passwords_lock_the_login_and_end_the_session(applicant, customer_state, journal):
    persona, browser = applicant
    for _ in range(4):
        assert alert(apply_for_otp(browser, persona, confirm_pw="Wrong12345")) == rules.CONFIRM_PW_MISMATCH.message
    form = otp_form(browser, persona, confirm_pw="Wrong12345")
    assert alert(browser.post(OTPAPP, data=form)) == rules.LOCKED.message
    state = customer_state(persona["customer_id"])
    assert (state["locked"], state["failed_attempts"], state["otp"]) == (True, 5, None)
    assert [e["screen"] for e in journal(kind="lockout")] == ["S-OTPAPP"]
    assert browser.get(OTPAPP).location == "/netbank/login"


# ---------------------------------------------------------------- R-CANCEL


def test_cancel_saves_nothing_and_ends_the_session(applicant, customer_state, journal):
    persona, browser = applicant
    response = browser.post(OTPAPP, data=otp_form(browser, persona, action="cancel"))
    assert response.location == "/netbank/"
    assert "登録を中止しました。" in text(browser.get("/netbank/"))
    not_applied(customer_state, persona)
    assert [e["screen"] for e in journal(kind="cancel", customer_id=persona["customer_id"])] == ["S-OTPAPP"]
    assert browser.get(OTPAPP).location == "/netbank/login"
    assert not journal(kind="token_created"), "nothing reached the issuer"


# ---------------------------------------------------------------- one application at a time


def test_a_second_submission_supersedes_the_first_and_revokes_its_token(app, applicant, customer_state, journal):
    persona, browser = applicant
    assert apply_for_otp(browser, persona).location == PHONE_CHECK
    first = application_row(app, persona["customer_id"])
    assert apply_for_otp(
        browser, persona, phone=1, mail="hanako@example.jp", mail_again="hanako@example.jp"
    ).location == (PHONE_CHECK)
    second = application_row(app, persona["customer_id"])
    state = customer_state(persona["customer_id"])
    assert state["otp_applications"] == ["superseded", "calling"]
    assert (state["otp"]["mail"], state["otp"]["phone_last4"]) == ("hanako@example.jp", persona["phones"][1][-4:])
    assert issuer_token(app, first["token"])["state"] == "revoked"
    assert issuer_token(app, second["token"])["state"] == "pending"
    assert [e["detail"]["superseded"] for e in journal(kind="screen", customer_id=persona["customer_id"])] == [
        [],
        [first["id"]],
    ]


def test_a_double_tap_is_one_application_with_one_token(app, applicant, customer_state, journal):
    persona, browser = applicant
    form = otp_form(browser, persona)
    assert [browser.post(OTPAPP, data=form).location for _ in range(2)] == [PHONE_CHECK, PHONE_CHECK]
    assert customer_state(persona["customer_id"])["otp_applications"] == ["calling"]
    tokens = [e["detail"]["token"] for e in journal(kind="token_created")]
    assert [issuer_token(app, t)["state"] for t in tokens] == ["pending"]


def test_the_same_form_sent_again_with_other_entries_is_a_new_application(app, applicant, customer_state):
    persona, browser = applicant
    form = otp_form(browser, persona)
    assert browser.post(OTPAPP, data=form).location == PHONE_CHECK
    changed = {**form, "mail": "hanako@example.jp", "mail_again": "hanako@example.jp"}
    assert browser.post(OTPAPP, data=changed).location == PHONE_CHECK
    state = customer_state(persona["customer_id"])
    assert state["otp_applications"] == ["superseded", "calling"] and state["otp"]["mail"] == "hanako@example.jp"


def test_the_same_form_sent_again_with_another_start_password_is_a_new_application(app, applicant, customer_state):
    persona, browser = applicant
    form = otp_form(browser, persona)
    assert browser.post(OTPAPP, data=form).location == PHONE_CHECK
    changed = {**form, "start_pw": "13579", "start_pw_again": "13579"}
    assert browser.post(OTPAPP, data=changed).location == PHONE_CHECK
    assert customer_state(persona["customer_id"])["otp_applications"] == ["superseded", "calling"]


def test_a_form_key_the_bank_did_not_make_is_ignored(applicant, customer_state):
    persona, browser = applicant
    form = {**otp_form(browser, persona), "application": "../../etc"}
    assert browser.post(OTPAPP, data=form).location == PHONE_CHECK
    assert browser.post(OTPAPP, data=form).location == PHONE_CHECK
    assert customer_state(persona["customer_id"])["otp_applications"] == ["superseded", "calling"]


def test_a_reload_of_the_phone_check_applies_nothing_more(applicant, customer_state, journal):
    persona, browser = applicant
    apply_for_otp(browser, persona)
    for _ in range(3):
        assert browser.get(PHONE_CHECK).status_code == 200
    assert customer_state(persona["customer_id"])["otp_applications"] == ["calling"]
    assert len(journal(kind="token_created")) == 1


# ---------------------------------------------------------------- the issuer down, slow or refusing

ISSUER_DOWN = "ただいまトークンを発行できません。しばらくしてから再度お手続きください。"


def test_an_issuer_down_gets_the_banks_message_saves_nothing_and_a_retry_works_once_healed(
    applicant, control, customer_state, journal
):
    persona, browser = applicant
    control.post("/_control/faults", json={"party": "issuer", "down": True})
    response = apply_for_otp(browser, persona)
    assert response.status_code == 200 and alert(response) == ISSUER_DOWN
    assert 'data-screen="S-OTPAPP"' in text(response)
    not_applied(customer_state, persona)
    (down,) = journal(kind="issuer_unavailable")
    assert (down["screen"], down["detail"]["call"]) == ("S-OTPAPP", "create_token")
    assert [e["rule"] for e in journal(kind="refused")] == ["ISSUER-DOWN"]
    control.post("/_control/faults", json={"party": "issuer"})
    assert apply_for_otp(browser, persona).location == PHONE_CHECK
    assert customer_state(persona["customer_id"])["otp"]["state"] == "calling"


def test_an_issuer_refusing_the_token_gets_the_same_message_and_saves_nothing(applicant, customer_state, journal):
    persona, browser = applicant
    form = otp_form(browser, persona)
    with responses.RequestsMock() as refusing:
        refusing.post("http://localhost/issuer/api/tokens", json={"error": "no", "reason": "bad_request"}, status=400)
        response = browser.post(OTPAPP, data=form)
    assert alert(response) == ISSUER_DOWN
    not_applied(customer_state, persona)
    (refused,) = journal(kind="issuer_refused")
    assert (refused["detail"]["status"], refused["detail"]["reason"]) == (400, "bad_request")


# ---------------------------------------------------------------- R-PW-CHANGE: the step guard


def test_the_otp_screens_belong_to_their_step(app, seed, journal):
    before = log_in(app, seed("new", step="info"))
    for path in (OTPAPP, PHONE_CHECK, TOKEN):
        assert before.get(path).location == "/netbank/customer-registration"
    at_otp = seed("new", step="otp")
    browser = log_in(app, at_otp)
    assert browser.get(TOKEN).location == OTPAPP, "S-TOKEN comes only with the token"
    assert browser.get(PHONE_CHECK).location == OTPAPP, "S-TEL comes only with an application"
    assert "R-PW-CHANGE" in [e["rule"] for e in journal(kind="refused", customer_id=at_otp["customer_id"])]
    without_token = log_in(app, seed("active"))  # using つないでネ！ット, no token: may apply later (P12)
    assert 'data-screen="S-OTPAPP"' in text(without_token.get(OTPAPP))
    assert without_token.get(PHONE_CHECK).location == OTPAPP, "S-TEL comes only with an application"
    assert without_token.get(TOKEN).location == "/netbank/home", "no token was issued here"
    with_token = log_in(app, seed("new", step="otp", otp="issued"))
    assert with_token.get(OTPAPP).location == "/netbank/home", "a token already: no second application"
    assert app.test_client().get(OTPAPP).location == "/netbank/login"


# ---------------------------------------------------------------- personas (control API)


def test_a_persona_at_otp_stands_before_the_application_as_after_registration(app, seed, customer_state):
    persona = seed("new", step="otp")
    assert "otp" not in persona and "temp_passwords" not in persona
    state = customer_state(persona["customer_id"])
    assert state["step"] == "otp" and state["mail"] and state["tel"] and state["mail_password_active"]
    assert all(a["transfer_limit"] is not None for a in state["accounts"])
    assert (state["otp"], state["otp_applications"]) == (None, [])
    assert 'data-screen="S-OTPAPP"' in text(log_in(app, persona).get(OTPAPP))


def test_a_persona_calling_has_an_application_at_s_tel_and_a_pending_token(app, seed, control, customer_state):
    control.post("/_control/clock", json={"freeze": True})
    persona = seed("new", otp="calling")
    otp = persona["otp"]
    assert set(otp) == {"mail", "start_password", "phone_last4", "service_id", "user_id", "state"}
    assert otp["state"] == "calling" and re.fullmatch(r"[0-9]{4,8}", otp["start_password"])
    assert otp["phone_last4"] == persona["phones"][0][-4:] and otp["mail"] == persona["mail"]
    state = customer_state(persona["customer_id"])
    assert state["step"] == "otp"
    assert {k: state["otp"][k] for k in ("state", "service_id", "user_id")} == {
        "state": "calling",
        "service_id": otp["service_id"],
        "user_id": otp["user_id"],
    }
    assert state["otp"]["shown_at"] == control.get("/_control/clock").get_json()["now"].split("+")[0]
    assert otp["start_password"] not in json.dumps(state)
    assert issuer_token(app, application_row(app, persona["customer_id"])["token"])["state"] == "pending"
    check = {"which": "start", "password": otp["start_password"]}
    assert control.post(f"/_control/customers/{persona['customer_id']}/password-check", json=check).get_json()[
        "matches"
    ]
    assert 'data-screen="S-TEL"' in text(log_in(app, persona).get(PHONE_CHECK))


def test_a_persona_issued_has_its_token_issued_its_mail_sent_and_is_done(app, seed, control, customer_state):
    persona = seed("new", step="otp", otp="issued")
    otp = persona["otp"]
    assert otp["state"] == "issued" and persona["step"] == "done"
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["otp"]["state"], state["otp"]["mail_delivered"]) == ("done", "issued", True)
    assert issuer_token(app, application_row(app, persona["customer_id"])["token"])["state"] == "issued"
    (mail,) = control.get("/_control/mail", query_string={"to": otp["mail"]}).get_json()[-1:]
    assert mail["subject"] == "青森みちのく銀行トークン発行ご案内" and mail["from"].endswith("@otp-auth.net")
    page = text(log_in(app, persona).get(TOKEN))
    assert otp["service_id"] in page and otp["user_id"] in page


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "new", "otp": "verified"},
        {"kind": "new", "otp": True},
        {"kind": "new", "otp": ["calling"]},
        {"kind": "active", "otp": "issued"},
        {"kind": "new", "step": "info", "otp": "calling"},
        {"kind": "new", "step": "done", "otp": "calling"},
    ],
    ids=["no such state", "not a state", "a list", "not a new contract", "before registration", "calling yet done"],
)
def test_an_otp_override_the_bank_could_not_hold_is_refused(control, body):
    response = control.post("/_control/personas", json=body)
    assert response.status_code == 400 and "otp" in response.get_json()["error"]


def test_the_start_password_check_needs_an_application(seed, control):
    persona = seed("new", step="otp")
    check = {"which": "start", "password": GOOD_START_PW}
    assert control.post(f"/_control/customers/{persona['customer_id']}/password-check", json=check).status_code == 404
