"""Steps on A-SETUP 初期設定 (P15): the token's values from the token mail or S-TOKEN, mistakes, consent, the lock."""

from __future__ import annotations

import re

from pytest_bdd import given, parsers, then, when

from pages.app_download import TOKEN_MAIL
from pages.app_setup import AppSetupPage

WRONG_SETUP = {  # which value a phrase gets wrong
    "誤ったユーザID": "user_id",
    "誤った利用開始パスワード": "start_password",
    "誤ったサービスID": "service_id",
}


def token_values(world, persona: dict, address: str | None = None, start: str | None = None) -> dict:
    """サービスID and ユーザID as the token mail gives them, and the 利用開始パスワード the customer chose (or `start`)."""
    otp = persona.get("otp") or {}
    mails = [m for m in world.mails(address or otp.get("mail")) if m["subject"] == TOKEN_MAIL]
    body = mails[-1]["body"] if mails else ""
    service_id = re.search(r"サービスID：(\d+)", body)
    user_id = re.search(r"ユーザID：(\d+)", body)
    return {
        "service_id": service_id.group(1) if service_id else otp["service_id"],
        "user_id": user_id.group(1) if user_id else otp["user_id"],
        "start_password": start if start is not None else otp.get("start_password", ""),
    }


def mistaken(values: dict, name: str) -> dict:
    """The same values with `name`'s digits well-formed but wrong."""
    value = values[name]
    return {**values, name: "".join(str((int(c) + 1) % 10) for c in value) if value else "1"}


@given("トークン発行を受けた新規契約のお客さまがいる", target_fixture="persona")
def token_issued(world, phone):
    return world.persona("new", otp="issued", known_devices=[phone.identity])  # onboarded on this phone (R-RBA)


@given("別のスマートフォンでワンタイムパスワードを利用中の、既にご利用中のお客さまがいる", target_fixture="persona")
def app_on_another_phone(world, phone):
    # set up on a phone the scenario does not hold; this one the customer has logged in from (R-RBA)
    return world.persona("active", otp="active", known_devices=[phone.identity])


@when(
    parsers.re(
        r"メール「(?P<address>[^」]+)」のサービスIDとユーザID、利用開始パスワード「(?P<start>\d+)」で初期設定する"
    )
)
def set_up_from_mail(phone, world, persona, address, start):
    phone.screen(AppSetupPage).set_up(**token_values(world, persona, address, start))


@when(parsers.re(r"トークン発行の画面のサービスIDとユーザID、利用開始パスワード「(?P<start>\d+)」で初期設定する"))
def set_up_from_token_screen(phone, token, start):
    phone.screen(AppSetupPage).set_up(token["service_id"], token["user_id"], start)


@when("トークン発行ご案内のサービスIDとユーザID、利用開始パスワードを入力し、同意して送信する")
def set_up_as_mailed(phone, world, persona):
    phone.screen(AppSetupPage).set_up(**token_values(world, persona))


@when(parsers.re(r"初期設定で(?P<mistake>誤ったユーザID|誤った利用開始パスワード|誤ったサービスID)を入力して送信する"))
def set_up_wrong(phone, world, persona, mistake):
    phone.screen(AppSetupPage).set_up(**mistaken(token_values(world, persona), WRONG_SETUP[mistake]))


@when("初期設定で正しい値を入力し、同意のチェックをつけずに送信する")
def set_up_without_consent(phone, world, persona):
    phone.screen(AppSetupPage).set_up(**token_values(world, persona), agree=False)


@when(parsers.re(r"初期設定で誤った利用開始パスワードを(?P<times>\d+)回続けて送信する"))
def set_up_wrong_times(phone, world, persona, times):
    phone.screen(AppSetupPage).set_up_refused(int(times), **mistaken(token_values(world, persona), "start_password"))


@then("アプリのデータ引き継ぎを防止する注意事項と同意のチェックが表示される")
def anti_copy_notice(phone):
    phone.screen(AppSetupPage).expect_caution()


@then(parsers.re(r"アプリのトークンは(?P<count>\d+)件のままである"))
def tokens_held(phone, count):
    phone.screen(AppSetupPage).expect_holding(int(count))


@then("トークンはまだ設定されていない")
def token_not_set_up(world, persona):
    assert world.customer(persona["customer_id"])["otp"]["token_state"] == "issued"
