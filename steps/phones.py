"""Steps for a customer holding more than one phone: each phone named in the step, one login at a time (R-ONE-SESSION)."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.home import HomePage
from pages.login import LoginPage
from pages.phones import Phone, named


def log_in_on(phone: Phone, persona: dict) -> None:
    """Log in on `phone`'s browser with the customer's login ID and password."""
    login = LoginPage(phone.browser)
    login.open()
    login.log_in(persona["login_id"], persona["login_password"])
    expect(HomePage(phone.browser).heading).to_be_visible()


@given(
    parsers.re(
        r"お客さまは「(?P<label>[^（」]+)(?:（(?P<kind>iPhone|Android|PC)）)?」でつないでネ！ットにログインしている"
    )
)
def logged_in_on(phones, persona, label, kind):
    log_in_on(named(phones, label, kind), persona)


@when(parsers.re(r"お客さまが「(?P<label>[^（」]+)(?:（(?P<kind>iPhone|Android|PC)）)?」でログインする"))
def log_in_with(phones, persona, label, kind):
    log_in_on(named(phones, label, kind), persona)


@when(parsers.re(r"「(?P<label>[^（」]+)」でつないでネ！ットのトップページを開き直す"))
def reopen_home(phones, label):
    HomePage(named(phones, label).browser).open()


@then(parsers.re(r"「(?P<label>[^（」]+)」につないでネ！ットのトップページが表示される"))
def home_shown_on(phones, persona, label):
    home = HomePage(named(phones, label).browser)
    expect(home.heading).to_be_visible()
    expect(home.customer_name).to_have_text(persona["name"])


@then(parsers.re(r"「(?P<label>[^（」]+)」はログアウトされ、ログイン画面に戻る"))
def logged_out_on(phones, label):
    login = LoginPage(named(phones, label).browser)
    expect(login.screen_id).to_have_text("画面ID : S-LOGIN")
    expect(login.notice).to_contain_text("別の端末でログインされた")
