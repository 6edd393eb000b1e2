"""Steps on S-LOGIN ログイン (P17): login ID, login password and the ワンタイムPW app's code, on any of the customer's devices."""

from __future__ import annotations

import pytest
from pytest_bdd import parsers, then, when

from pages.app_otp import AppOtpPage
from pages.login import LoginPage
from pages.phones import Phone, named
from steps.codes import PHONE, a_wrong_code, expected_code


@pytest.fixture
def codes_used() -> list[str]:
    """The codes the scenario typed at ログイン, in order."""
    return []


def log_in_with_code(on: Phone, persona: dict, code: str, codes_used: list[str], opening: bool = True) -> None:
    """On `on`'s ログイン (opened afresh unless not), type login ID, password and `code`; the code is noted as used."""
    login = on.opened(LoginPage) if opening else on.screen(LoginPage)
    login.log_in(persona["login_id"], persona["login_password"], otp=code)
    codes_used.append(code)


@when("ログインIDとログインパスワードでログインする")
def log_in_as_persona(phone, persona):
    """On the ログイン screen the browser shows now (the app's code already there if the app led to it)."""
    phone.screen(LoginPage).log_in(persona["login_id"], persona["login_password"])


@when(parsers.re(r"(?:ログイン画面からログインIDとログインパスワードで|もう一度)ログインする"))
def log_in_from_login_screen(phone, persona):
    phone.opened(LoginPage).log_in(persona["login_id"], persona["login_password"])


@when(
    parsers.re(
        r"ログイン画面でログインID「(?P<login_id>[^」]+)」と新しいログインパスワード「(?P<password>[^」]+)」を入力してログインする"
    )
)
def log_in_with_new_password(phone, login_id, password):
    """The ワンタイムパスワード is already there when the customer came from the app (R-LOGIN-FILL)."""
    phone.screen(LoginPage).log_in(login_id, password)


@when("アプリに表示されたワンタイムパスワードでログインする")
def log_in_with_shown_code(phone, persona, codes_used):
    log_in_with_code(phone, persona, phone.screen(AppOtpPage).shown_code(), codes_used)


@when(
    "このスマートフォンのアプリに表示されたワンタイムパスワードと、ログインIDとログインパスワードを入力してログインする"
)
def log_in_on_this_screen_with_shown_code(phone, persona, codes_used):
    """On the ログイン screen the browser shows now (however the customer came to it), with the code the app shows."""
    log_in_with_code(phone, persona, phone.screen(AppOtpPage).shown_code(), codes_used, opening=False)


@when("同じワンタイムパスワードでもう一度ログインする")
def log_in_again_with_same_code(phone, persona, codes_used):
    log_in_with_code(phone, persona, codes_used[-1], codes_used)


@when(parsers.re(r"誤ったワンタイムパスワードで(?P<times>\d+)回続けてログインする"))
def log_in_with_wrong_codes(phone, world, persona, times):
    wrong = a_wrong_code(phone, world, persona["otp"]["seed"])
    phone.opened(LoginPage).log_in_refused(int(times), persona["login_id"], persona["login_password"], wrong)


@when(
    parsers.re(
        rf"{PHONE}のアプリに表示されたワンタイムパスワードを、このスマートフォンのログイン画面で入力してログインする"
    )
)
def log_in_here_with_other_phones_code(phone, phones, persona, codes_used, label, kind):
    log_in_with_code(phone, persona, named(phones, label, kind).screen(AppOtpPage).shown_code(), codes_used)


@when(parsers.re(rf"{PHONE}のアプリに表示されたワンタイムパスワードを、パソコンのログイン画面で入力してログインする"))
def log_in_on_pc_with_phones_code(phones, persona, codes_used, label, kind):
    log_in_with_code(
        phones.get("PC", "PC"), persona, named(phones, label, kind).screen(AppOtpPage).shown_code(), codes_used
    )


@when(parsers.re(rf"{PHONE}で、写したデータから作ったワンタイムパスワードでログインする"))
def log_in_with_copied_code(phones, world, persona, codes_used, label, kind):
    """The copy holds the token's seed as the original does (R-APP-BIND): the code one would make from it there."""
    copy = named(phones, label, kind)
    log_in_with_code(copy, persona, expected_code(copy, world, persona["otp"]["seed"]), codes_used)


@then("ログイン画面にはログインID、ログインパスワード、ワンタイムパスワードの入力欄がある")
def login_asks_for_the_code(phone):
    phone.screen(LoginPage).expect_fields()


@then(parsers.re(rf"{PHONE}のログインは断られる"))
def copy_refused(phones, label, kind):
    named(phones, label, kind).screen(LoginPage).expect_refused()
