"""Steps for a customer holding more than one phone: each phone named in the step, one login at a time (R-ONE-SESSION)."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from pages.home import HomePage
from pages.login import LoginPage
from pages.phones import Phone, named
from steps.codes import PHONE


def log_in_on(world, phone: Phone, persona: dict) -> None:
    """Log in on `phone`'s browser with the customer's login ID and password, as far as the top page.

    Each phone is one the customer uses (機能: スマートフォンを2台持つお客さま), so the bank knows it: no secret
    question is asked (R-RBA).
    """
    world.know_device(persona["customer_id"], phone.identity)
    phone.opened(LoginPage).log_in(persona["login_id"], persona["login_password"])
    phone.screen(HomePage).expect_shown()


@given(parsers.re(rf"お客さまは{PHONE}でつないでネ！ットにログインしている"))
def logged_in_on(world, phones, persona, label, kind):
    log_in_on(world, named(phones, label, kind), persona)


@when(parsers.re(rf"お客さまが{PHONE}でログインする"))
def log_in_with(world, phones, persona, label, kind):
    log_in_on(world, named(phones, label, kind), persona)


@when(parsers.re(r"「(?P<label>[^（」]+)」でつないでネ！ットのトップページを開き直す"))
def reopen_home(phones, label):
    named(phones, label).opened(HomePage)


@when(parsers.re(rf"アプリのデータを{PHONE}にそのまま写す"))
def copy_app_data(phones, phone, label, kind):
    """Another device gets a copy of this phone's cookies and storage, the app's data with them (R-APP-BIND)."""
    phones.copy(phone, label, kind)


@then(parsers.re(r"「(?P<label>[^（」]+)」につないでネ！ットのトップページが表示される"))
def home_shown_on(phones, persona, label):
    named(phones, label).screen(HomePage).expect_customer(persona["name"])


@then(parsers.re(r"「(?P<label>[^（」]+)」はログアウトされ、ログイン画面に戻る"))
def logged_out_on(phones, label):
    named(phones, label).screen(LoginPage).expect_logged_out()
