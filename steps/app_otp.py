"""Steps on A-OTP ワンタイムパスワード (P16–P17): a customer with the app set up, its code, and its ログイン."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from pages.app_otp import AppOtpPage
from pages.app_settings import AppSettingsPage
from pages.login import LoginPage
from pages.phones import THIS_PHONE, named
from steps.codes import PHONE, expected_code, expected_codes


@given(parsers.re(rf"ワンタイムPWアプリを{PHONE}に設定済みの、既にご利用中のお客さまがいる"), target_fixture="persona")
def app_set_up_on(world, phones, label, kind):
    phone = named(phones, label, kind)
    # The customer logs in from this phone as usual, and from the phone the app is on (R-RBA).
    persona = world.persona("active", otp="active", device=phone.identity, known_devices=[phones.default.identity])
    phone.screen(AppSettingsPage).keep(AppSettingsPage.ours(persona["otp"]))
    return persona


@when(parsers.re(rf"(?:{PHONE}で)?アプリの「ログイン」をタップする"), target_fixture="code_at_tap")
def app_login(phones, label=None, kind=None):
    """The app opens the bank's ログイン in the browser with the code it shows at the tap (the minute may turn after)."""
    phone = named(phones, label or THIS_PHONE, kind)
    return phone.screen(AppOtpPage).tap_login(phone.screen(LoginPage))


@then(parsers.re(r"アプリにトークン「(?P<label>[^」]+)」のワンタイムパスワードが表示される"))
def code_shown_for(phone, label):
    phone.screen(AppOtpPage).expect_token(label)


@then("表示されたワンタイムパスワードは、このスマートフォンの時計の時刻のものである")
def code_is_this_phones(phone, world):
    otp = phone.screen(AppOtpPage)
    otp.expect_code(expected_codes(phone, world, otp.seeds()))


@then("ログイン画面のワンタイムパスワードには、アプリに表示されたワンタイムパスワードが入力されている")
def login_filled(phone, code_at_tap):
    AppOtpPage.expect_handed_over(phone.screen(LoginPage), code_at_tap)


@when(parsers.re(r"(?P<seconds>\d+)秒たつ"), target_fixture="code_before")
def time_passes(phone, world, seconds):
    """The world clock moves on; the code the app showed before, if it is open, is kept to compare."""
    before = phone.screen(AppOtpPage).code.text_content() if "app" in phone.pages else None
    world.advance(int(seconds))
    return before


@then("アプリのワンタイムパスワードは新しいものに変わっている")
def code_changed(phone, world, persona, code_before):
    phone.screen(AppOtpPage).expect_new_code(expected_code(phone, world, persona["otp"]["seed"]), code_before)


@then(parsers.re(rf"{PHONE}のアプリには「(?P<message>[^」]+)」と表示され、ワンタイムパスワードは表示されない"))
def copy_shows_no_code(phones, label, kind, message):
    """R-APP-BIND: the copied app data shows no code on another phone."""
    named(phones, label, kind).screen(AppOtpPage).expect_refused_copy(message)
