"""Steps on S-OTPAPP ワンタイムパスワード利用申請 (P12), S-TEL 電話番号認証 and S-TOKEN 利用申請完了 (P13)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from pages.login import LoginPage
from pages.otp_application import OtpApplicationPage, OtpApplicationPhoneCheckPage, OtpApplicationTokenPage
from steps.common import logged_in, password_for
from steps.dialler import picked_phone

GOOD_MAIL, GOOD_START_PW = "taro@example.jp", "246810"
MOBILE, HOME = "ご登録の携帯電話", "ご登録の自宅の電話"  # the persona's phones: a mobile first, then a 017 landline
PHONE = rf"(?P<which>{MOBILE}|{HOME})"
CONFIRM_MISTAKES = "誤った確認用パスワード|ログインパスワード|空欄の確認用パスワード"
MOVES_ON = 10_000  # ms: S-TEL asks the bank every second whether the call proved the application


@pytest.fixture
def otp_application_page(page: Page) -> OtpApplicationPage:
    """ワンタイムパスワード利用申請 (S-OTPAPP) on the scenario's phone."""
    return OtpApplicationPage(page)


@pytest.fixture
def otp_application_phone_check_page(page: Page) -> OtpApplicationPhoneCheckPage:
    """電話番号認証 (S-TEL) on the scenario's phone."""
    return OtpApplicationPhoneCheckPage(page)


@pytest.fixture
def otp_application_token_page(page: Page) -> OtpApplicationTokenPage:
    """利用申請完了 (S-TOKEN) on the scenario's phone."""
    return OtpApplicationTokenPage(page)


def registered_phone(persona: dict, which: str) -> str:
    """The registered number the customer means by ご登録の携帯電話 or ご登録の自宅の電話."""
    return persona["phones"][{MOBILE: 0, HOME: 1}[which]]


def apply(page: OtpApplicationPage, persona: dict, **typed) -> dict:
    """Fill ワンタイムパスワード利用申請, rightly wherever the step says nothing, and tap 電話番号認証を行う."""
    entry = {"mail": GOOD_MAIL, "start_pw": GOOD_START_PW, "phone": persona["phones"][0], **typed}
    page.enter(
        entry["mail"],
        entry.get("mail_again", entry["mail"]),
        entry["start_pw"],
        entry.get("start_pw_again", entry["start_pw"]),
        entry["phone"][-4:] if entry["phone"] else None,
    )
    page.apply(entry.get("confirm_pw", persona["confirm_password"]))
    return entry


def held_otp(world, persona: dict) -> tuple[str, dict | None]:
    """The customer's step and latest OTP application, as the bank holds them."""
    held = world.customer(persona["customer_id"])
    return held["step"], held["otp"]


# Where the scenario starts (state over navigation)


@given("お客さま情報登録を済ませた新規契約のお客さまがいる", target_fixture="persona")
def registered_new_contract(world):
    return world.persona("new", step="otp")


@given("ワンタイムパスワードを利用申請し、電話番号認証がまだの新規契約のお客さまがいる", target_fixture="persona")
def applied_new_contract(world):
    world.freeze()  # R-TEL-120 counts from S-TEL showing, now; the steps move the clock on, never sleep
    return world.persona("new", step="otp", otp="calling")


@given("ワンタイムパスワード利用申請画面を開いている")
def otp_application_open(world, context, base_url, persona, otp_application_page):
    logged_in(world, context, base_url, persona)
    otp_application_page.open()


@given("電話番号認証画面を開いている")
def phone_check_open(world, context, base_url, persona, otp_application_phone_check_page):
    logged_in(world, context, base_url, persona)
    otp_application_phone_check_page.open()


@given("トークン発行元（otp-auth.net）が応答しない")
def issuer_down(world):
    world.fault("issuer", down=True)


# S-OTPAPP


@when(
    parsers.re(
        r"メールアドレス「(?P<mail>[^」]+)」と利用開始パスワード「(?P<start_pw>[^」]+)」を2回ずつ入力し、"
        rf"{PHONE}を選(?:び、確認用パスワード「(?P<confirm_pw>[^」]+)」を入力して|んで)電話番号認証を行う"
    ),
    target_fixture="application",
)
def apply_with(otp_application_page, persona, mail, start_pw, which, confirm_pw):
    typed = {"mail": mail, "start_pw": start_pw, "phone": registered_phone(persona, which)}
    return apply(otp_application_page, persona, **typed, **({"confirm_pw": confirm_pw} if confirm_pw else {}))


@when(
    parsers.re(
        r"メールアドレス「(?P<mail>[^」]+)」と利用開始パスワード「(?P<start_pw>[^」]+)」を2回ずつ入力し、"
        rf"{PHONE}を選んで中止する"
    )
)
def enter_and_cancel(otp_application_page, persona, mail, start_pw, which):
    otp_application_page.enter(mail, mail, start_pw, start_pw, registered_phone(persona, which)[-4:])
    otp_application_page.cancel()


@when(parsers.re(rf"{PHONE}を選び、ほかは正しく入力して電話番号認証を行う"), target_fixture="application")
def apply_picking(otp_application_page, persona, which):
    return apply(otp_application_page, persona, phone=registered_phone(persona, which))


@when("電話番号を選ばずに、ほかは正しく入力して電話番号認証を行う", target_fixture="application")
def apply_picking_none(otp_application_page, persona):
    return apply(otp_application_page, persona, phone=None)


@when(
    parsers.re(
        r"利用開始パスワードに「(?P<start_pw>.*)」、確認用に「(?P<again>.*)」を入力し、ほかは正しく入力して電話番号認証を行う"
    ),
    target_fixture="application",
)
def apply_start_pw(otp_application_page, persona, start_pw, again):
    return apply(otp_application_page, persona, start_pw=start_pw, start_pw_again=again)


@when(
    parsers.re(
        r"メールアドレスに「(?P<mail>.*)」、確認用に「(?P<again>.*)」を入力し、ほかは正しく入力して電話番号認証を行う"
    ),
    target_fixture="application",
)
def apply_mail(otp_application_page, persona, mail, again):
    return apply(otp_application_page, persona, mail=mail, mail_again=again)


@when(parsers.re(rf"(?P<phrase>{CONFIRM_MISTAKES})を入力し、ほかは正しく入力して電話番号認証を行う"))
def apply_confirm_pw(otp_application_page, persona, phrase):
    apply(otp_application_page, persona, confirm_pw=password_for(phrase, persona))


@when(parsers.re(r"誤った確認用パスワードで(?P<times>\d+)回続けて電話番号認証を行う"))
def apply_wrong_times(otp_application_page, persona, times):
    for _ in range(int(times)):
        apply(otp_application_page, persona, confirm_pw=password_for("誤った確認用パスワード", persona))
        expect(otp_application_page.alert).to_be_visible()


@when("トークン発行元が復旧してから、もう一度正しく入力して電話番号認証を行う")
def apply_after_recovery(world, otp_application_page, persona):
    world.fault("issuer")
    apply(otp_application_page, persona)


@when("もう一度ログインする")
def log_in_again(login_page: LoginPage, persona):
    login_page.open()
    login_page.log_in(persona["login_id"], persona["login_password"])


@then("電話番号の選択肢にはご登録電話番号がすべて末尾4桁だけで表示され、どれも選ばれていない")
def phones_by_last4(otp_application_page, persona):
    last4 = [number[-4:] for number in persona["phones"]]
    expect(otp_application_page.phone_labels()).to_have_text([re.compile(rf"^\D*{digits}$") for digits in last4])
    for digits in last4:
        expect(otp_application_page.phone_choice(digits)).not_to_be_checked()
    expect(otp_application_page.phone_note).to_have_text("※電話番号の末尾4桁のみ表示されます。")


@then("ワンタイムパスワード利用申請画面のままで、申請は受け付けられていない")
def still_applying(otp_application_page, world, persona):
    expect(otp_application_page.screen_id).to_have_text("画面ID : S-OTPAPP")
    assert held_otp(world, persona) == ("otp", None)


@then("申請は受け付けられていない")
def not_applied(world, persona):
    assert held_otp(world, persona) == ("otp", None)


@then(
    parsers.re(
        r"送付先メールアドレス「(?P<mail>[^」]+)」、利用開始パスワード「(?P<start_pw>[^」]+)」、"
        rf"{PHONE}で申請が受け付けられている"
    )
)
def applied_as_typed(world, persona, mail, start_pw, which):
    step, otp = held_otp(world, persona)
    assert (step, otp["state"], otp["mail"]) == ("otp", "calling", mail)
    assert otp["phone_last4"] == registered_phone(persona, which)[-4:]
    assert world.password_matches(persona["customer_id"], "start", start_pw)


@then(parsers.re(r"利用開始パスワード「(?P<start_pw>[^」]+)」で申請が受け付けられている"))
def applied_with_start_pw(world, persona, start_pw):
    assert held_otp(world, persona)[1]["state"] == "calling"
    assert world.password_matches(persona["customer_id"], "start", start_pw)


@then(parsers.re(r"パスワードの誤りは(?P<times>\d+)回と数えられている"))
def mistakes_counted(world, persona, times):
    assert world.customer(persona["customer_id"])["failed_attempts"] == int(times)


# S-TEL


@then(parsers.re(rf"発信元には{PHONE}の番号が末尾4桁だけ表示される"))
def caller_by_last4(otp_application_phone_check_page, persona, which):
    shows_only_last4(otp_application_phone_check_page, registered_phone(persona, which))


@then(parsers.re(r"発信元には申請で選んだ電話の番号が末尾4桁だけ、発信先には「(?P<callee>[^」]+)」が表示される"))
def phone_check_shows(otp_application_phone_check_page, persona, callee):
    shows_only_last4(otp_application_phone_check_page, picked_phone(persona))
    expect(otp_application_phone_check_page.dial_link).to_have_text(callee)


def shows_only_last4(phone_check: OtpApplicationPhoneCheckPage, number: str) -> None:
    """発信元 shows *****XXXX (R-TEL-PICK): the rest of the number appears nowhere on the screen."""
    expect(phone_check.caller).to_have_text(f"ご登録電話番号 *****{number[-4:]}")
    for shown in (number[:-4], number.replace("-", "")[:-4]):
        expect(phone_check.main).not_to_contain_text(shown)


@when(parsers.re(rf"{PHONE}から認証先電話番号へ番号を通知して電話をかける"))
def call_from(world, otp_application_phone_check_page, persona, which):
    """The phone network places the call (the dialler is another scenario's subject)."""
    expect(otp_application_phone_check_page.heading).to_be_visible()
    world.call(registered_phone(persona, which))


@when("ワンタイムパスワード利用申請をやり直す")
def apply_again(otp_application_page, persona):
    apply(otp_application_page, persona, phone=picked_phone(persona))


@when("トークン発行元が復旧してから「確定する」をタップする")
def confirm_after_recovery(world, otp_application_phone_check_page):
    world.fault("issuer")
    otp_application_phone_check_page.confirm()


@then("電話番号認証はまだ済んでおらず、電話を待っている")
def still_waiting(world, persona, otp_application_phone_check_page):
    expect(otp_application_phone_check_page.screen_id).to_have_text("画面ID : S-TEL")
    step, otp = held_otp(world, persona)
    assert (step, otp["state"], otp["verified_at"]) == ("otp", "calling", None)


@then("ブラウザの画面はひとりでにトークン発行に進む")
def moved_on_to_token(otp_application_token_page):
    expect(otp_application_token_page.screen_id).to_have_text("画面ID : S-TOKEN", timeout=MOVES_ON)
    expect(otp_application_token_page.issued).to_be_visible()


@then(parsers.re(r"ブラウザの画面はひとりでにワンタイムパスワード利用申請に戻り、「(?P<message>[^」]+)」と表示される"))
def went_back_to_apply(otp_application_page, message):
    """R-TEL-120: S-TEL, asking the bank by itself, learns the 120 s are over and goes back to S-OTPAPP."""
    expect(otp_application_page.screen_id).to_have_text("画面ID : S-OTPAPP", timeout=MOVES_ON)
    expect(otp_application_page.alert).to_contain_text(message)


@then("トークン発行の画面が表示される")
def token_screen_shown(otp_application_token_page):
    expect(otp_application_token_page.screen_id).to_have_text("画面ID : S-TOKEN")


@then("トークンは発行されていない")
def no_token(world, persona):
    step, otp = held_otp(world, persona)
    assert step == "otp"
    assert otp is None or (otp["state"] != "issued" and otp["issued_at"] is None), otp


# S-TOKEN


@then(parsers.re(r"送付先メールアドレス「(?P<mail>[^」]+)」とトークン情報が表示される"), target_fixture="token")
def token_shown(otp_application_token_page, world, persona, mail):
    token = otp_application_token_page
    expect(token.screen_id).to_have_text("画面ID : S-TOKEN", timeout=MOVES_ON)
    expect(token.mail).to_have_text(mail)
    _, otp = held_otp(world, persona)
    expect(token.service_id).to_have_text(otp["service_id"])
    expect(token.user_id).to_have_text(otp["user_id"])
    expect(token.download).to_be_visible()
    return {"service_id": otp["service_id"], "user_id": otp["user_id"], "download": token.download_address()}
