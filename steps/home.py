"""Steps on S-HOME つないでネ！ット トップページ (P7, P17): the customer's name, accounts and 前回ログイン日時."""

from __future__ import annotations

from datetime import datetime

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.home import HomePage
from pages.login import LoginPage
from steps.common import held


def world_time(said: str) -> datetime:
    """A time as a customer says it, 「2025年4月1日 9:00」: the bank's own (the world takes a naive time as JST)."""
    return datetime.strptime(said, "%Y年%m月%d日 %H:%M")


@given(parsers.re(r"お客さまは「(?P<when>[^」]+)」にこのスマートフォンでログインし、ログアウトした"))
def logged_in_and_out_before(world, phone, persona, when):
    log_in_at(world, phone, persona, when)
    phone.screen(HomePage).log_out()


@when(parsers.re(r"「(?P<when>[^」]+)」にログイン画面からログインIDとログインパスワードでログインする"))
def log_in_at(world, phone, persona, when):
    world.freeze(world_time(when))
    phone.opened(LoginPage).log_in(persona["login_id"], persona["login_password"])


@when("ログアウトする")
def log_out(phone):
    phone.screen(HomePage).log_out()


@then("つないでネ！ットのトップページにお客さまの名前と口座が表示される")
def home_shows_customer(phone, persona):
    phone.screen(HomePage).expect_customer(persona["name"], (persona["account_kind"], persona["account_number"]))


@then("口座一覧に口座ごとの店名、科目、口座番号、残高、振込・振替限度額が表示される")
def accounts_with_balances(phone, world, persona):
    phone.screen(HomePage).expect_accounts(persona["accounts"], held(world, persona, "accounts"))


@then(parsers.re(r"前回ログイン日時に「(?P<text>[^」]+)」と表示される"))
def previous_login_shows(phone, text):
    expect(phone.screen(HomePage).previous_login).to_contain_text(text)


@then(parsers.re(r"「(?P<name>[^」]+)」ボタンが表示される"))
def button_shown(phone, name):
    expect(phone.screen(HomePage).button_named(name)).to_be_visible()
