"""Steps on S-TEL 電話番号認証 (P13): the call from the registered phone, and where the screen goes by itself."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from pages.otp_application import OtpApplicationPage
from pages.phone_check import PhoneCheckPage
from pages.token_issue import TokenIssuePage
from steps.dialler import picked_phone
from steps.otp_application import PHONE, apply, held_otp, registered_phone


@given("ワンタイムパスワードを利用申請し、電話番号認証がまだの新規契約のお客さまがいる", target_fixture="persona")
def applied_new_contract(world, phone):
    world.freeze()  # R-TEL-120 counts from S-TEL showing, now; the steps move the clock on, never sleep
    return world.persona("new", step="otp", otp="calling", known_devices=[phone.identity])


@then(parsers.re(rf"発信元には{PHONE}の番号が末尾4桁だけ表示される"))
def caller_by_last4(phone, persona, which):
    phone.screen(PhoneCheckPage).expect_caller(registered_phone(persona, which))


@then(parsers.re(r"発信元には申請で選んだ電話の番号が末尾4桁だけ、発信先には「(?P<callee>[^」]+)」が表示される"))
def phone_check_shows(phone, persona, callee):
    phone.screen(PhoneCheckPage).expect_numbers(picked_phone(persona), callee)


@when(parsers.re(rf"{PHONE}から認証先電話番号へ番号を通知して電話をかける"))
def call_from(world, phone, persona, which):
    """The phone network places the call (the dialler is another scenario's subject)."""
    phone.screen(PhoneCheckPage).expect_shown()
    world.call(registered_phone(persona, which))


@when("トークン発行元が復旧してから「確定する」をタップする")
def confirm_after_recovery(world, phone):
    world.fault("issuer")
    phone.screen(PhoneCheckPage).confirm()


@then("電話番号認証はまだ済んでおらず、電話を待っている")
def still_waiting(world, persona, phone):
    phone.screen(PhoneCheckPage).expect_shown()
    step, otp = held_otp(world, persona)
    assert (step, otp["state"], otp["verified_at"]) == ("otp", "calling", None)


@then("ブラウザの画面はひとりでにトークン発行に進む")
def moved_on_to_token(phone):
    """R-TEL-AUTO: S-TEL, asking the bank by itself, learns the call proved the application and moves on."""
    phone.screen(TokenIssuePage).expect_issued()


@then(parsers.re(r"ブラウザの画面はひとりでにワンタイムパスワード利用申請に戻り、「(?P<message>[^」]+)」と表示される"))
def went_back_to_apply(phone, message):
    """R-TEL-120: S-TEL, asking the bank by itself, learns the 120 s are over and goes back to S-OTPAPP."""
    phone.screen(OtpApplicationPage).expect_back(message)


@when("ワンタイムパスワード利用申請をやり直す")
def apply_again(phone, persona):
    apply(phone, persona, phone=picked_phone(persona))


@then("トークンは発行されていない")
def no_token(world, persona):
    step, otp = held_otp(world, persona)
    assert step == "otp" and (otp is None or (otp["state"] != "issued" and otp["issued_at"] is None)), otp
