"""Steps for logging in with the ワンタイムPW app's code (P17): the clock, drift, replays, copies, other phones."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from mockbank.issuer.binding import bound_totp
from pages.app import OtpPage
from pages.home import HomePage
from pages.login import LoginPage
from pages.phones import THIS_PHONE, named
from steps.app import PHONE, expected_code

LOGIN_MISMATCH = "ログインIDまたはログインパスワードに誤りがあります。再度ご入力ください。"


@pytest.fixture
def codes_used() -> list[str]:
    """The codes the scenario typed at ログイン, in order."""
    return []


def shown_code(phone) -> str:
    """The code the app on `phone` shows now (started if it is not on its ワンタイムパスワード screen)."""
    otp = OtpPage(phone.app)
    if not phone.app.url.endswith("/app/"):
        otp.launch()
    expect(otp.code).to_have_text(re.compile(r"^\d{6}$"))
    return otp.code.text_content()


def log_in_with_code(phone, persona: dict, code: str, codes_used: list[str]) -> None:
    """Type login ID, password and `code` on `phone`'s ログイン screen, then ログイン."""
    login = LoginPage(phone.browser)
    login.open()
    login.log_in(persona["login_id"], persona["login_password"], otp=code)
    codes_used.append(code)


@given("時計は止まっている")
def clock_stopped(world):
    """The world clock stands still at 10 seconds past a minute, so a step's drift lands on known minutes."""
    now = datetime.fromisoformat(world.clock()["now"])
    world.freeze(now.replace(second=10, microsecond=0))


@given(parsers.re(r"このスマートフォンの時計は(?P<seconds>-?\d+)秒ずれている"))
def phone_clock_off(phone, world, seconds):
    phone.skew_clock(world, int(seconds))


@when(parsers.re(r"(?P<seconds>\d+)秒たつ"), target_fixture="code_before")
def time_passes(phone, world, seconds):
    before = OtpPage(phone.app).code.text_content() if "app" in phone.pages else None
    world.advance(int(seconds))
    return before


@when("アプリに表示されたワンタイムパスワードでログインする")
def log_in_with_shown_code(phone, persona, codes_used):
    log_in_with_code(phone, persona, shown_code(phone), codes_used)


@when("同じワンタイムパスワードでもう一度ログインする")
def log_in_again_with_same_code(phone, persona, codes_used):
    log_in_with_code(phone, persona, codes_used[-1], codes_used)


@when(parsers.re(r"誤ったワンタイムパスワードで(?P<times>\d+)回続けてログインする"))
def log_in_with_wrong_codes(phone, world, persona, codes_used, times):
    seed = persona["otp"]["seed"]
    now = phone.now(world.clock())
    totp = bound_totp(seed, phone.identity)
    near = {totp.generate_otp(totp.timecode(now) + step) for step in range(-10, 11)}
    wrong = next(f"{n:06d}" for n in range(123456, 10**6) if f"{n:06d}" not in near)
    login = LoginPage(phone.browser)
    for _ in range(int(times)):
        log_in_with_code(phone, persona, wrong, codes_used)
        expect(login.alert).to_have_text(LOGIN_MISMATCH)


@when("ログアウトする")
def log_out(phone):
    HomePage(phone.browser).log_out_button.click()


@when(parsers.re(rf"アプリのデータを{PHONE}にそのまま写す"))
def copy_app_data(phones, phone, label, kind):
    phones.copy(phone, label, kind)


@when(parsers.re(rf"{PHONE}で、写したデータから作ったワンタイムパスワードでログインする"))
def log_in_with_copied_code(phones, world, persona, codes_used, label, kind):
    copy = named(phones, label, kind)
    seeds = copy.app.evaluate("() => window.mockbankApp.tokens().map(t => t.seed)")
    assert seeds, "the copy holds the app's data"
    log_in_with_code(copy, persona, expected_code(copy, world, seeds[0]), codes_used)


@when(
    "このスマートフォンのアプリに表示されたワンタイムパスワードと、ログインIDとログインパスワードを入力してログインする"
)
def log_in_on_this_screen_with_shown_code(phone, persona, codes_used):
    """On the ログイン screen the browser shows now (however the customer came to it), with the code the app shows."""
    code = shown_code(phone)
    LoginPage(phone.browser).log_in(persona["login_id"], persona["login_password"], otp=code)
    codes_used.append(code)


@then("ログイン画面にはログインID、ログインパスワード、ワンタイムパスワードの入力欄がある")
def login_asks_for_the_code(phone):
    """S-LOGIN (P17): ログインID, ログインパスワード and ワンタイムパスワード."""
    login = LoginPage(phone.browser)
    for field in (login.login_id, login.password, login.otp):
        expect(field).to_be_editable()


@when(
    parsers.re(
        rf"{PHONE}のアプリに表示されたワンタイムパスワードを、このスマートフォンのログイン画面で入力してログインする"
    )
)
def log_in_here_with_other_phones_code(phones, persona, codes_used, label, kind):
    other = named(phones, label, kind)
    log_in_with_code(named(phones, THIS_PHONE), persona, shown_code(other), codes_used)


@then("アプリのワンタイムパスワードは新しいものに変わっている")
def code_changed(phone, world, persona, code_before):
    code = OtpPage(phone.app).code
    expect(code).to_have_text(expected_code(phone, world, persona["otp"]["seed"]))
    expect(code).not_to_have_text(code_before)


@then(parsers.re(rf"{PHONE}のアプリには「(?P<message>[^」]+)」と表示され、ワンタイムパスワードは表示されない"))
def copy_shows_no_code(phones, label, kind, message):
    copy = OtpPage(named(phones, label, kind).app)
    expect(copy.copied).to_contain_text(message)
    expect(copy.code).to_be_hidden()


@then(parsers.re(rf"{PHONE}のログインは断られる"))
def copy_refused(phones, label, kind):
    login = LoginPage(named(phones, label, kind).browser)
    expect(login.alert).to_have_text(LOGIN_MISMATCH)


@when(
    parsers.re(
        r"ログイン画面でログインID「(?P<login_id>[^」]+)」と新しいログインパスワード「(?P<password>[^」]+)」を入力してログインする"
    )
)
def log_in_with_new_password(phone, login_id, password):
    """The ワンタイムパスワード is already there when the customer came from the app (R-LOGIN-FILL)."""
    LoginPage(phone.browser).log_in(login_id, password)


@when(parsers.re(rf"{PHONE}のアプリに表示されたワンタイムパスワードを、パソコンのログイン画面で入力してログインする"))
def log_in_on_pc_with_phones_code(phones, persona, codes_used, label, kind):
    log_in_with_code(phones.get("PC", "PC"), persona, shown_code(named(phones, label, kind)), codes_used)


@then(parsers.re(r"メール通知パスワードはアプリを設定する前の(?P<count>\d+)通しか届いていない"))
def mail_passwords_sent(world, persona, count):
    sent = [m for m in world.mails(persona["mail"]) if "メール通知パスワード" in m["subject"]]
    assert len(sent) == int(count), [m["subject"] for m in sent]
