"""Steps on S-BIO-LOGIN 生体認証ログイン (P19): 「生体認証でログイン」 on any of the customer's phones, copies of a credential."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from pages.biometric_login import BiometricLoginPage
from pages.home import HomePage
from pages.login import LoginPage
from pages.phones import THIS_PHONE, named
from steps.codes import PHONE
from steps.common import held


@when("ログイン画面の「生体認証でログイン」をタップする")
def switch_to_biometric(phone):
    phone.screen(LoginPage).switch_to_biometric()


@when(parsers.re(rf"(?:{PHONE}で)?生体認証ログイン画面を開いて「生体認証でログイン」を押す"))
def open_and_log_in(phones, label=None, kind=None):
    named(phones, label or THIS_PHONE, kind).opened(BiometricLoginPage).log_in()


@when("「生体認証でログイン」を押す")
def log_in(phone):
    phone.screen(BiometricLoginPage).log_in()


@when(parsers.re(r"「生体認証でログイン」をあと(?P<times>\d+)回続けて押す"))
def log_in_again(phone, times):
    """Each refused try leaves the customer on 生体認証ログイン with the bank's message; then the next."""
    page = phone.screen(BiometricLoginPage)
    for _ in range(int(times)):
        page.expect_refused()
        page.log_in()


@when(parsers.re(rf"このスマートフォンの生体認証の登録を{PHONE}にそのまま写す"))
def copy_credential(phone, phones, label, kind):
    """A copy of the phone's credential, private key and count included, in another phone's authenticator (a clone)."""
    other = named(phones, label, kind)
    for credential in phone.biometric.held():
        other.biometric.put(credential)


@when(parsers.re(r"ログイン画面で誤ったログインパスワードで(?P<times>\d+)回続けてログインする"))
def wrong_passwords(phone, persona, times):
    phone.opened(LoginPage).log_in_refused(int(times), persona["login_id"], persona["login_password"] + "x")


@then(parsers.re(rf"(?:{PHONE}は)?生体認証でログインできず、生体認証ログイン画面のままである"))
def refused(phones, label=None, kind=None):
    named(phones, label or THIS_PHONE, kind).screen(BiometricLoginPage).expect_refused()


@then(parsers.re(r"生体認証ログイン画面に「(?P<message>[^」]+)」と表示される"))
def refused_with(phone, message):
    phone.screen(BiometricLoginPage).expect_refused(message)


@then(parsers.re(rf"{PHONE}につないでネ！ットのトップページが生体認証で表示される"))
def home_by_biometric(phones, persona, label, kind):
    named(phones, label, kind).screen(HomePage).expect_customer(persona["name"])


@then("銀行はこの生体認証の登録を複製されたものとして止めている")
def cloned(world, persona):
    assert [c["revoked_why"] for c in held(world, persona, "biometrics")] == ["cloned"]
    assert world.journal(kind="biometric_cloned", customer_id=persona["customer_id"])
