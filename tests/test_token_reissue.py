"""トークン再発行 (S-REISSUE-AUTH, S-REISSUE, P20) below the browser: the bank's and the issuer's state at each step.

A customer using the app on OLD reissues their token for NEW: authenticate with ID and password, apply, the same
電話番号認証 and トークン発行 as P13, then the new phone's 初期設定. Until NEW sets the token up the old one still
logs in; from then on it is revoked at the issuer (R-REISSUE-OLD) and ログイン never falls back to the password.
"""

from __future__ import annotations

import re

import pytest

from mockbank import rules
from mockbank.devices import DEVICE_HEADER
from mockbank.issuer.binding import bound_totp, check_value
from tests.forms import alert, text
from tests.otp_world import GOOD_MAIL, GOOD_START_PW, PHONE_CHECK, TOKEN, deliver, issuer_token

AUTH, AUTH_LOGIN, REISSUE, FAQ = (
    "/netbank/token-reissue",
    "/netbank/token-reissue/login",
    "/netbank/token-reissue/application",
    "/netbank/faq",
)
LOGIN, HOME, ACTIVATE, STATE = (
    "/netbank/login",
    "/netbank/home",
    "/issuer/api/tokens/activate",
    "/issuer/api/tokens/state",
)
OLD, NEW = "a" * 32, "b" * 32  # the old iPhone and the new Android
IPHONE = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"}
REISSUE_SUBJECT, FIRST_SUBJECT = "青森みちのく銀行トークン発行のご案内", "青森みちのく銀行トークン発行ご案内"


@pytest.fixture
def user(seed, control, issuer, frozen) -> dict:
    """A customer whose token is set up in the app on OLD: the persona with the app's secret."""
    persona = seed("active", otp="active", device=OLD)
    return persona


def code(seed_b32: str, device: str, now) -> str:
    totp = bound_totp(seed_b32, device)
    return totp.generate_otp(totp.timecode(now))


def log_in(client, persona, otp=None, device=OLD):
    form = {"login_id": persona["login_id"], "login_pw": persona["login_password"]}
    if otp is not None:
        form["otp"] = otp
    return client.post(LOGIN, data=form, headers={**IPHONE, DEVICE_HEADER: device})


def authenticate(client, persona, password=None, login_id=None):
    form = {
        "login_id": persona["login_id"] if login_id is None else login_id,
        "login_pw": persona["login_password"] if password is None else password,
        "action": "next",
    }
    return client.post(AUTH_LOGIN, data=form)


def reissue_form(client, **changes) -> dict:
    page = text(client.get(REISSUE))
    form = {
        "application": re.search(r'name="application" value="([0-9a-f]{32})"', page).group(1),
        "mail": GOOD_MAIL,
        "mail_again": GOOD_MAIL,
        "start_pw": GOOD_START_PW,
        "start_pw_again": GOOD_START_PW,
        "phone": re.findall(r'name="phone" value="(\d+)"', page)[0],
        "action": "apply",
    }
    form.update(changes)
    return form


def applications(app, customer_id: int) -> list[dict]:
    from mockbank.bank.models import OtpApplication
    from mockbank.db import db

    with app.app_context():
        rows = db.session.scalars(db.select(OtpApplication).where(OtpApplication.customer_id == customer_id))
        return [{"state": r.state, "token": r.token, "service_id": r.service_id, "user_id": r.user_id} for r in rows]


def reissued(app, client, control, persona) -> dict:
    """Authenticate, apply, call from the mobile, 確定する: the reissue's application, its token issued."""
    assert authenticate(client, persona).location == REISSUE
    assert client.post(REISSUE, data=reissue_form(client)).location == PHONE_CHECK
    assert client.get(PHONE_CHECK).status_code == 200
    assert deliver(app, control, persona["phones"][0]).get_json() == {"proved": True}
    assert client.post(PHONE_CHECK, data={"action": "confirm"}).location == TOKEN
    return applications(app, persona["customer_id"])[-1]


def activate(control, application: dict, device: str = NEW):
    body = {
        "service_id": application["service_id"],
        "user_id": application["user_id"],
        "start_password": GOOD_START_PW,
        "device": device,
    }
    return control.post(ACTIVATE, json=body)


# --- the entries and S-REISSUE-AUTH -------------------------------------------------------------------------------


def test_both_entries_lead_to_the_choice_of_how_to_authenticate(client):
    guide = text(client.get("/netbank/"))
    assert f'href="{AUTH}">機種変更をしたお客さま</a>' in guide
    faq = text(client.get(FAQ))
    assert f'href="{AUTH}">トークン再発行のお申込み</a>' in faq and "data-screen" not in faq
    choice = text(client.get(AUTH))
    assert 'data-screen="S-REISSUE-AUTH"' in choice and "認証方法選択" in choice
    assert f'href="{AUTH_LOGIN}">ログインIDを入力する</a>' in choice
    form = text(client.get(AUTH_LOGIN))
    assert 'data-screen="S-REISSUE-AUTH"' in form and 'name="login_id"' in form and 'name="login_pw"' in form


@pytest.mark.parametrize("wrong", ["login_id", "password"])
def test_a_wrong_id_or_password_gets_the_same_words_and_a_wrong_password_counts(client, user, customer_state, wrong):
    response = authenticate(
        client, user, **({"login_id": "nobody123"} if wrong == "login_id" else {"password": "Wrong999"})
    )
    assert response.status_code == 200 and alert(response) == rules.LOGIN_MISMATCH.message
    assert customer_state(user["customer_id"])["failed_attempts"] == (1 if wrong == "password" else 0)
    assert client.get(REISSUE).location == AUTH, "nothing let in"


def test_a_locked_customer_is_told_so_with_the_right_password_and_goes_no_further(app, client, user, customer_state):
    for _ in range(app.config["LOCKOUT_LIMIT"]):
        authenticate(client, user, password="Wrong999")
    assert customer_state(user["customer_id"])["locked"]
    response = authenticate(client, user)
    assert alert(response) == rules.LOCKED.message and client.get(REISSUE).location == AUTH


def test_the_reissue_session_is_no_login(client, user):
    assert authenticate(client, user).location == REISSUE
    assert client.get(HOME).location == LOGIN


# --- S-REISSUE ------------------------------------------------------------------------------------------------------


def test_the_screen_says_what_the_manual_says(client, user):
    authenticate(client, user)
    page = text(client.get(REISSUE))
    for words in (
        "トークンを再発行します。送付先メールアドレス、利用開始パスワードを入力し「電話番号認証を行う」ボタンを押してください。",
        "① otp-auth.net",
        "② am-bk.co.jp",
        "■送付先メールアドレスの指定",
        "携帯電話メールアドレス",
        "携帯電話メールアドレス (確認用)",
        "(半角英数字記号)",
        "利用開始パスワード (確認用)",
        "■ご登録電話番号の指定",
        "※電話番号の末尾4桁のみ表示されます。",
        ">電話番号認証を行う</button>",
        ">申込を中止する</button>",
    ):
        assert words in page, words
    assert 'data-screen="S-REISSUE"' in page and "確認用パスワード</label>" not in page


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"mail_again": "jiro@example.jp"}, "メールアドレスとメールアドレス (確認用) が一致しません。"),
        ({"start_pw": "123", "start_pw_again": "123"}, "利用開始パスワードは半角数字4～8桁で入力してください。"),
        ({"phone": ""}, "電話番号を選択してください。"),
    ],
)
def test_bad_entries_get_s_otpapps_messages_and_nothing_is_saved(app, client, user, changes, message):
    authenticate(client, user)
    response = client.post(REISSUE, data=reissue_form(client, **changes))
    assert response.status_code == 200 and message in alert(response)
    assert [a["state"] for a in applications(app, user["customer_id"])] == ["issued"]


def test_cancel_changes_nothing_and_the_old_token_still_logs_in(app, client, user, frozen, journal):
    authenticate(client, user)
    response = client.post(REISSUE, data=reissue_form(client, action="cancel"))
    assert response.location == "/netbank/"
    assert [a["state"] for a in applications(app, user["customer_id"])] == ["issued"]
    assert journal(kind="cancel")[-1]["rule"] == "R-CANCEL"
    assert log_in(client, user, code(user["otp"]["seed"], OLD, frozen())).location == HOME


def test_cancel_after_the_phone_check_closes_the_reissues_application_and_revokes_only_its_token(app, client, user):
    authenticate(client, user)
    client.post(REISSUE, data=reissue_form(client))
    pending = applications(app, user["customer_id"])[-1]
    client.post(REISSUE, data=reissue_form(client, action="cancel"))
    assert [a["state"] for a in applications(app, user["customer_id"])] == ["issued", "cancelled"]
    assert issuer_token(app, pending["token"])["state"] == "revoked"
    assert issuer_token(app, applications(app, user["customer_id"])[0]["token"])["state"] == "activated"


# --- S-TEL, S-TOKEN, the new phone, the old one --------------------------------------------------------------------


def test_a_customer_who_finished_onboarding_goes_through_s_tel_and_s_token_again(app, client, control, user):
    application = reissued(app, client, control, user)
    assert application["state"] == "issued"
    page = text(client.get(TOKEN))
    assert 'data-screen="S-TOKEN"' in page and application["user_id"] in page
    mail = control.get("/_control/mail", query_string={"to": GOOD_MAIL}).get_json()
    assert [m["subject"] for m in mail] == [REISSUE_SUBJECT]
    assert issuer_token(app, application["token"])["state"] == "issued"


def test_the_first_issue_keeps_its_own_subject(app, seed, control, issuer):
    persona = seed("new", otp="issued")
    subjects = [m["subject"] for m in control.get("/_control/mail", query_string={"to": persona["mail"]}).get_json()]
    assert FIRST_SUBJECT in subjects and REISSUE_SUBJECT not in subjects


def test_until_the_new_phone_sets_it_up_the_old_token_still_logs_in(app, client, control, user, frozen):
    reissued(app, client, control, user)
    other = app.test_client()
    assert log_in(other, user, code(user["otp"]["seed"], OLD, frozen())).location == HOME


def test_once_set_up_the_old_token_is_revoked_and_its_codes_are_refused_as_the_old_phones(
    app, client, control, user, frozen, journal
):
    application = reissued(app, client, control, user)
    old_token = applications(app, user["customer_id"])[0]["token"]
    answer = activate(control, application)
    assert answer.status_code == 200
    assert issuer_token(app, old_token)["state"] == "revoked"
    revoked = [e for e in journal(kind="token_revoked") if e["detail"].get("reason") == "reissued"]
    assert revoked and revoked[-1]["rule"] == "R-REISSUE-OLD"
    other = app.test_client()
    response = log_in(other, user, code(user["otp"]["seed"], OLD, frozen()), device=OLD)
    assert response.status_code == 200 and alert(response) == rules.LOGIN_MISMATCH.message
    assert journal(kind="code_refused")[-1]["rule"] == "R-REISSUE-OLD"
    new_code = code(answer.get_json()["secret"], NEW, frozen())
    # the new phone is a device the bank has not seen the customer log in from: 追加認証 first (R-RBA)
    assert log_in(app.test_client(), user, new_code, device=NEW).location == "/netbank/login/additional-auth"
    (completed,) = journal(kind="reissue_completed")  # the bank learns of it at the first login, once
    assert completed["rule"] == "R-REISSUE-OLD"


def test_the_old_phones_app_learns_its_token_is_revoked_and_only_that_phone_may_ask(app, client, control, user):
    otp = user["otp"]
    ask = {"service_id": otp["service_id"], "user_id": otp["user_id"], "device": OLD}
    ask["check"] = check_value(otp["seed"], OLD)
    assert control.post(STATE, json=ask).get_json() == {"state": "activated"}
    activate(control, reissued(app, client, control, user))
    assert control.post(STATE, json=ask).get_json() == {"state": "revoked"}
    for wrong in ({"check": "000000"}, {"device": NEW}, {"user_id": "0000000"}):
        assert control.post(STATE, json={**ask, **wrong}).status_code == 400


def test_a_revoked_token_is_never_let_in_on_the_password_alone(app, client, user, journal):
    from mockbank.issuer import service

    with app.app_context():
        service.revoke(applications(app, user["customer_id"])[0]["token"], "stopped")
    response = log_in(client, user)
    assert response.status_code == 200 and rules.TOKEN_REVOKED.message in alert(response)
    assert f'href="{AUTH}">トークン再発行のお申込み</a>' in text(response)
    assert journal(kind="refused")[-1]["rule"] == "R-REISSUE-OLD"
    assert client.get(HOME).location == LOGIN
