"""Steps on S-INFO-OK お客さま情報登録確認 (P11): the entries shown back, 確認しました。 and the 確認用パスワード."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from pages.customer_registration_confirm import CustomerRegistrationConfirmPage
from steps.common import held, password_for, wrong


@when(parsers.re(r"「確認しました。」にチェックをつけ、(?P<phrase>.+)を入力して登録を確定する"))
def confirm_registration(phone, persona, phrase):
    phone.screen(CustomerRegistrationConfirmPage).confirm(password_for(phrase, persona))


@when("「確認しました。」にチェックをつけずに、確認用パスワードを入力して登録を確定する")
def confirm_unacknowledged(phone, persona):
    phone.screen(CustomerRegistrationConfirmPage).confirm(persona["confirm_password"], acknowledged=False)


@when(parsers.re(r"誤った確認用パスワードで(?P<times>\d+)回続けて登録を確定する"))
def confirm_wrong_times(phone, persona, times):
    phone.screen(CustomerRegistrationConfirmPage).confirm_refused(int(times), wrong(persona["confirm_password"]))


@when("確認画面で中止する")
def cancel_confirmation(phone):
    phone.screen(CustomerRegistrationConfirmPage).cancel()


@then(parsers.re(r"確認画面にメールアドレス「(?P<mail>.+)」と連絡先電話番号「(?P<tel>.+)」が表示される"))
def confirmation_shows(phone, mail, tel):
    phone.screen(CustomerRegistrationConfirmPage).expect_entries(mail, tel)


@then(parsers.re(r"確認画面に(?P<kind>普通|貯蓄)預金の限度額「(?P<text>.+)」が表示される"))
def confirmation_shows_limit(phone, kind, text):
    phone.screen(CustomerRegistrationConfirmPage).expect_limit(kind, text)


@then(parsers.re(r"確認画面で「(?P<text>.+)」と注意される"))
def confirmation_cautions(phone, text):
    expect(phone.screen(CustomerRegistrationConfirmPage).caution).to_contain_text(text)


@then("お客さま情報が入力した通りに登録され、メール通知パスワードが開始されている")
def info_registered(world, persona, typed_info):
    shown = (typed_info["mail"], typed_info["tel"], True, "otp")
    assert held(world, persona, "mail", "tel", "mail_password_active", "step") == shown
    limits = {account["kind"]: account["transfer_limit"] for account in held(world, persona, "accounts")}
    assert limits == {kind: int(value) for kind, value in typed_info["limits"].items()}


@then(parsers.re(r"(?P<kind>普通|貯蓄)預金の限度額は(?P<limit>\d+)万円で登録されている"))
def limit_registered(world, persona, kind, limit):
    step, accounts = held(world, persona, "step", "accounts")
    assert (step, [a["transfer_limit"] for a in accounts if a["kind"] == kind]) == ("otp", [int(limit)])


@then("お客さま情報は登録されていない")
def info_not_registered(world, persona):
    mail, active, step, accounts = held(world, persona, "mail", "mail_password_active", "step", "accounts")
    assert (mail, active, step, {a["transfer_limit"] for a in accounts}) == (None, False, "info", {None})
