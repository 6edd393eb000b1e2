"""The manual's notes on 追加認証登録 (S-QA, P8) and お客さま情報登録 (S-INFO, P10), and its optional 連絡先電話番号."""

from __future__ import annotations

import re

import pytest

from tests.forms import text
from tests.setup_forms import info_form, limit_fields, log_in, register_info


@pytest.mark.parametrize(
    "words",
    [
        "全部で3つの質問・回答を登録します。質問・回答内容はすべて異なる内容で登録してください。",
        "【重要】",
        "※回答をお忘れになった場合、書面による追加認証解除手続きと、質問・回答の再設定が必ずとなりますのでご注意ください。",
        "■ご注意■",
        "登録した質問は、今後、状況に応じてお客さまのログイン時に表示される場合があります。",
        (
            "表示された際に、登録通りの回答が入力できなかった場合はログイン後の操作が行えません。"
            "登録した回答内容については、お忘れになる事がないように、記録しておくなどの対応をお願いします。"
        ),
    ],
    ids=["all different", "重要", "forgotten answers", "ご注意", "asked at login", "keep a record"],
)
def test_secret_qa_shows_the_manuals_words(app, seed, words):
    page = text(log_in(app, seed("new", step="qa")).get("/netbank/secret-qa"))
    assert words in page


def test_customer_registration_says_the_limit_is_for_internet_transfers_only(app, seed):
    page = text(log_in(app, seed("new", step="info")).get("/netbank/customer-registration"))
    assert "■ポイント■" in page
    assert (
        "ここで指定する限度額は、インターネットバンキングのお振込時の限度額となります。"
        "ATM・窓口からのお振込・お引き出しの限度額や、インターネット投資信託のお取引限度額とは関係がありません。"
    ) in page


def test_customer_registration_does_not_mark_the_phone_required(app, seed):
    page = text(log_in(app, seed("new", step="info")).get("/netbank/customer-registration"))
    phone = re.search(r'<fieldset class="tel[^"]*">.*?</fieldset>', page, re.DOTALL).group(0)
    assert "必須" not in phone and "aria-required" not in phone and " required" not in phone


def test_a_blank_phone_is_accepted_and_nothing_is_stored_for_it(app, seed, customer_state):
    persona = seed("new", step="info")
    browser = log_in(app, persona)
    blank = info_form(limit_fields(browser), tel1="", tel2="", tel3="")
    response = browser.post("/netbank/customer-registration", data=blank)
    assert response.location == "/netbank/customer-registration/confirm"
    assert '<dd class="tel"></dd>' in text(browser.get("/netbank/customer-registration/confirm"))
    confirm = {"ack": "on", "confirm_pw": persona["confirm_password"], "action": "register"}
    assert browser.post("/netbank/customer-registration/confirm", data=confirm).location == "/netbank/otp-application"
    state = customer_state(persona["customer_id"])
    assert (state["tel"], state["mail"], state["step"]) == (None, "taro@example.jp", "otp")


@pytest.mark.parametrize(
    "parts",
    [("017", "738", ""), ("", "", "0000"), ("017", "", ""), ("０１７", "７３８", "００００")],
    ids=["last part missing", "only the last part", "only the first part", "full-width"],
)
def test_a_partly_filled_or_malformed_phone_is_still_refused(app, seed, customer_state, parts):
    persona = seed("new", step="info")
    browser = log_in(app, persona)
    form = info_form(limit_fields(browser), **dict(zip(("tel1", "tel2", "tel3"), parts, strict=False)))
    page = text(browser.post("/netbank/customer-registration", data=form))
    assert "連絡先電話番号は半角数字で、市外局番から3つに分けて入力してください。" in page
    assert customer_state(persona["customer_id"])["tel"] is None


def test_a_phone_typed_in_full_is_still_kept(app, seed, customer_state):
    persona = seed("new", step="info")
    assert register_info(log_in(app, persona), persona["confirm_password"]).location == "/netbank/otp-application"
    assert customer_state(persona["customer_id"])["tel"] == "017-738-0000"
