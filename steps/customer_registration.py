"""Steps on S-INFO お客さま情報登録 (P10): mail address, phone, a limit per account, セレクトEメールサービス."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from pages.customer_registration import CustomerRegistrationPage
from pages.customer_registration_confirm import CustomerRegistrationConfirmPage
from pages.otp_application import OtpApplicationPage
from steps.common import held, opened

GOOD_MAIL, GOOD_TEL, GOOD_LIMITS = "taro@example.jp", "017-738-0000", ("100", "70")
OTHER_LIMIT = "70"  # what the customer types for the accounts a step does not name


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


def ordinary_limit(persona: dict, limit: str) -> list[str]:
    """The limits typed for the persona's accounts: `limit` for 普通, OTHER_LIMIT for the others."""
    return [limit if account["kind"] == "普通" else OTHER_LIMIT for account in persona["accounts"]]


def account_number(persona: dict, kind: str) -> str:
    """The number of the persona's account of this 科目 (普通, 貯蓄)."""
    return next(account["number"] for account in persona["accounts"] if account["kind"] == kind)


@when("お客さま情報登録画面へ進もうとする")
def try_customer_registration(phone):
    phone.opened(CustomerRegistrationPage)


@when(
    parsers.re(
        r"メールアドレス「(?P<mail>.+)」、連絡先電話番号「(?P<tel>.+)」、限度額「(?P<l1>\d+)」万円と「(?P<l2>\d+)」万円"
        r"を入力して確認画面へ進む"
    ),
    target_fixture="typed_info",
)
def enter_everything(phone, persona, mail, tel, l1, l2):
    return enter_info(phone.screen(CustomerRegistrationPage), persona, mail=mail, tel=tel, limits=(l1, l2))


@when(
    parsers.re(
        r"メールアドレスに「(?P<mail>.*)」、確認用に「(?P<again>.*)」を入力し、ほかは正しく入力して確認画面へ進む"
    )
)
def enter_mail(phone, persona, mail, again):
    enter_info(phone.screen(CustomerRegistrationPage), persona, mail=mail, mail_again=again)


@when(parsers.re(r"連絡先電話番号に「(?P<tel>.*)」を入力し、ほかは正しく入力して確認画面へ進む"))
def enter_tel(phone, persona, tel):
    enter_info(phone.screen(CustomerRegistrationPage), persona, tel=tel)


@when(
    parsers.re(r"普通預金の限度額に「(?P<limit>.*)」を入力し、ほかは正しく入力して確認画面へ進む"),
    target_fixture="typed_info",
)
def enter_limit(phone, persona, limit):
    """Opened again first, after a refusal, as the customer would start over."""
    return enter_info(phone.opened(CustomerRegistrationPage), persona, limits=ordinary_limit(persona, limit))


@when("正しく入力して確認画面へ進む", target_fixture="typed_info")
def enter_good_info(phone, persona):
    return enter_info(phone.screen(CustomerRegistrationPage), persona)


@when(parsers.re(r"メールアドレス「(?P<mail>.+)」でお客さま情報登録を済ませる"))
def register_mail(world, phone, base_url, persona, mail):
    enter_info(opened(world, phone, base_url, persona, CustomerRegistrationPage), persona, mail=mail)
    phone.screen(CustomerRegistrationConfirmPage).confirm(persona["confirm_password"])
    phone.screen(OtpApplicationPage).expect_shown()


@when(parsers.re(r"セレクトEメールサービス設定を「(?P<value>利用する|利用しない)」に変更する"))
def change_select_email(phone, value):
    phone.screen(CustomerRegistrationPage).set_select_email(use=value == "利用する")


@then(parsers.re(r"(?P<kind>普通|貯蓄)預金について「(?P<message>.+)」と表示される"))
def limit_message(phone, persona, kind, message):
    phone.screen(CustomerRegistrationPage).expect_limit_refused(kind, account_number(persona, kind), message)


@then(parsers.re(r"セレクトEメールサービス設定は「(?P<value>.+)」と表示される"))
def select_email_shows(phone, value):
    expect(phone.screen(CustomerRegistrationPage).select_email_status).to_have_text(value)


@then(parsers.re(r"セレクトEメールサービスを(?P<value>利用する|利用しない)と登録されている"))
def select_email_registered(world, persona, value):
    assert held(world, persona, "select_email", "step") == (value == "利用する", "otp")


@then(parsers.re(r"セレクトEメールサービスは(?P<value>利用中|利用しない)のままである"))
def select_email_unchanged(world, persona, value):
    assert held(world, persona, "select_email", "step") == (value == "利用中", "info")
