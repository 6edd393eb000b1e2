"""Steps on S-INFO お客さま情報登録 and S-INFO-OK お客さま情報登録確認 (P10–P11)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from pages.customer_registration import (
    CustomerRegistrationConfirmPage,
    CustomerRegistrationPage,
)
from steps.common import logged_in, password_for

GOOD_MAIL, GOOD_TEL, GOOD_LIMITS = "taro@example.jp", "017-738-0000", ("100", "70")
OTHER_LIMIT = "70"  # what the customer types for the accounts a step does not name


@pytest.fixture
def customer_registration_page(page: Page) -> CustomerRegistrationPage:
    """お客さま情報登録 (S-INFO) on the scenario's phone."""
    return CustomerRegistrationPage(page)


@pytest.fixture
def customer_registration_confirm_page(page: Page) -> CustomerRegistrationConfirmPage:
    """お客さま情報登録確認 (S-INFO-OK) on the scenario's phone."""
    return CustomerRegistrationConfirmPage(page)


def enter_info(
    registration: CustomerRegistrationPage,
    persona: dict,
    mail=GOOD_MAIL,
    mail_again=None,
    tel=GOOD_TEL,
    limits=GOOD_LIMITS,
) -> dict:
    """Fill お客さま情報登録 (limits in the order of the persona's accounts), tap 確認画面へ; returns what was typed."""
    parts = (tel.split("-", 2) + ["", "", ""])[:3]
    by_account = {(a["kind"], a["number"]): value for a, value in zip(persona["accounts"], limits, strict=False)}
    registration.enter(mail, mail if mail_again is None else mail_again, parts, by_account)
    return {"mail": mail, "tel": tel, "limits": {kind: value for (kind, _), value in by_account.items()}}


@given("お客さま情報登録画面を開いている")
def customer_registration_open(world, context, base_url, persona, customer_registration_page):
    logged_in(world, context, base_url, persona)
    customer_registration_page.open()


@when("お客さま情報登録画面へ進もうとする")
def try_customer_registration(customer_registration_page):
    customer_registration_page.open()


@when(
    parsers.re(
        r"メールアドレス「(?P<mail>.+)」、連絡先電話番号「(?P<tel>.+)」、限度額「(?P<l1>\d+)」万円と「(?P<l2>\d+)」万円"
        r"を入力して確認画面へ進む"
    ),
    target_fixture="typed_info",
)
def enter_everything(customer_registration_page, persona, mail, tel, l1, l2):
    return enter_info(customer_registration_page, persona, mail=mail, tel=tel, limits=(l1, l2))


@when(
    parsers.re(
        r"メールアドレスに「(?P<mail>.*)」、確認用に「(?P<again>.*)」を入力し、ほかは正しく入力して確認画面へ進む"
    )
)
def enter_mail(customer_registration_page, persona, mail, again):
    enter_info(customer_registration_page, persona, mail=mail, mail_again=again)


@when(parsers.re(r"連絡先電話番号に「(?P<tel>.*)」を入力し、ほかは正しく入力して確認画面へ進む"))
def enter_tel(customer_registration_page, persona, tel):
    enter_info(customer_registration_page, persona, tel=tel)


@when(
    parsers.re(r"普通預金の限度額に「(?P<limit>.*)」を入力し、ほかは正しく入力して確認画面へ進む"),
    target_fixture="typed_info",
)
def enter_limit(customer_registration_page, persona, limit):
    customer_registration_page.open()  # again after a refusal, as the customer would start over
    limits = [limit if a["kind"] == "普通" else OTHER_LIMIT for a in persona["accounts"]]
    return enter_info(customer_registration_page, persona, limits=limits)


@when("正しく入力して確認画面へ進む", target_fixture="typed_info")
def enter_good_info(customer_registration_page, persona):
    return enter_info(customer_registration_page, persona)


@when(parsers.re(r"メールアドレス「(?P<mail>.+)」でお客さま情報登録を済ませる"))
def register_mail(
    world,
    context,
    base_url,
    persona,
    customer_registration_page,
    customer_registration_confirm_page,
    otp_application_page,
    mail,
):
    logged_in(world, context, base_url, persona)
    customer_registration_page.open()
    enter_info(customer_registration_page, persona, mail=mail)
    customer_registration_confirm_page.confirm(persona["confirm_password"])
    expect(otp_application_page.heading).to_be_visible()


@when(parsers.re(r"「確認しました。」にチェックをつけ、(?P<phrase>.+)を入力して登録を確定する"))
def confirm_registration(customer_registration_confirm_page, persona, phrase):
    customer_registration_confirm_page.confirm(password_for(phrase, persona))


@when("「確認しました。」にチェックをつけずに、確認用パスワードを入力して登録を確定する")
def confirm_unacknowledged(customer_registration_confirm_page, persona):
    customer_registration_confirm_page.confirm(persona["confirm_password"], acknowledged=False)


@when(parsers.re(r"誤った確認用パスワードで(?P<times>\d+)回続けて登録を確定する"))
def confirm_wrong_times(customer_registration_confirm_page, persona, times):
    for _ in range(int(times)):
        customer_registration_confirm_page.confirm(password_for("誤った確認用パスワード", persona))
        expect(customer_registration_confirm_page.alert).to_be_visible()


@when("確認画面で中止する")
def cancel_confirmation(customer_registration_confirm_page):
    customer_registration_confirm_page.cancel()


@when(parsers.re(r"セレクトEメールサービス設定を「(?P<value>利用する|利用しない)」に変更する"))
def change_select_email(customer_registration_page, value):
    customer_registration_page.set_select_email(use=value == "利用する")


@then(parsers.re(r"確認画面にメールアドレス「(?P<mail>.+)」と連絡先電話番号「(?P<tel>.+)」が表示される"))
def confirmation_shows(customer_registration_confirm_page, mail, tel):
    expect(customer_registration_confirm_page.mail).to_have_text(mail)
    expect(customer_registration_confirm_page.tel).to_have_text(tel)


@then(parsers.re(r"確認画面に(?P<kind>普通|貯蓄)預金の限度額「(?P<text>.+)」が表示される"))
def confirmation_shows_limit(customer_registration_confirm_page, kind, text):
    shown = customer_registration_confirm_page.limit(kind)
    expect(shown).to_have_text(re.compile("^" + re.escape(text)))  # 0万円 is not 100万円


@then(parsers.re(r"確認画面で「(?P<text>.+)」と注意される"))
def confirmation_cautions(customer_registration_confirm_page, text):
    expect(customer_registration_confirm_page.caution).to_contain_text(text)


@then("お客さま情報が入力した通りに登録され、メール通知パスワードが開始されている")
def info_registered(world, persona, typed_info):
    held = world.customer(persona["customer_id"])
    assert (held["mail"], held["tel"], held["mail_password_active"], held["step"]) == (
        typed_info["mail"],
        typed_info["tel"],
        True,
        "otp",
    )
    assert {a["kind"]: a["transfer_limit"] for a in held["accounts"]} == {
        kind: int(value) for kind, value in typed_info["limits"].items()
    }


@then(parsers.re(r"(?P<kind>普通|貯蓄)預金の限度額は(?P<limit>\d+)万円で登録されている"))
def limit_registered(world, persona, kind, limit):
    held = world.customer(persona["customer_id"])
    assert held["step"] == "otp"
    assert [a["transfer_limit"] for a in held["accounts"] if a["kind"] == kind] == [int(limit)]


@then("お客さま情報は登録されていない")
def info_not_registered(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["mail"], held["mail_password_active"], held["step"]) == (None, False, "info")
    assert [a["transfer_limit"] for a in held["accounts"]] == [None] * len(held["accounts"])


@then(parsers.re(r"(?P<kind>普通|貯蓄)預金について「(?P<message>.+)」と表示される"))
def limit_message(customer_registration_page, persona, kind, message):
    account = next(a for a in persona["accounts"] if a["kind"] == kind)
    expect(customer_registration_page.alert).to_contain_text(f"{kind} {account['number']}の{message}")


@then(parsers.re(r"セレクトEメールサービスを(?P<value>利用する|利用しない)と登録されている"))
def select_email_registered(world, persona, value):
    held = world.customer(persona["customer_id"])
    assert (held["select_email"], held["step"]) == (value == "利用する", "otp")


@then(parsers.re(r"セレクトEメールサービスは(?P<value>利用中|利用しない)のままである"))
def select_email_unchanged(world, persona, value):
    held = world.customer(persona["customer_id"])
    assert (held["select_email"], held["step"]) == (value == "利用中", "info")


@then("お客さま情報登録画面のままである")
def still_on_registration(customer_registration_page):
    expect(customer_registration_page.heading).to_be_visible()
    expect(customer_registration_page.screen_id).to_have_text("画面ID : S-INFO")


@then(parsers.re(r"セレクトEメールサービス設定は「(?P<value>.+)」と表示される"))
def select_email_shows(customer_registration_page, value):
    expect(customer_registration_page.select_email_status).to_have_text(value)
