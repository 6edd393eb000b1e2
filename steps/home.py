"""Steps on S-HOME つないでネ！ット トップページ (P7, P17)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from pages.home import HomePage
from pages.login import LoginPage

JST = timezone(timedelta(hours=9))


@pytest.fixture
def home_page(page: Page) -> HomePage:
    """つないでネ！ット トップページ (S-HOME) on the scenario's phone."""
    return HomePage(page)


def world_time(said: str) -> datetime:
    """A time as a customer says it, 「2025年4月1日 9:00」, in JST."""
    year, month, day, hour, minute = map(int, re.fullmatch(r"(\d+)年(\d+)月(\d+)日 (\d+):(\d+)", said).groups())
    return datetime(year, month, day, hour, minute, tzinfo=JST)


@given(parsers.re(r"お客さまは「(?P<when>[^」]+)」にこのスマートフォンでログインし、ログアウトした"))
def logged_in_and_out_before(world, page, persona, when):
    log_in_at(world, page, persona, when)
    home = HomePage(page)
    home.log_out_button.click()
    expect(home.log_out_button).to_be_hidden()


@when(parsers.re(r"「(?P<when>[^」]+)」にログイン画面からログインIDとログインパスワードでログインする"))
def log_in_at(world, page, persona, when):
    world.freeze(world_time(when))
    login = LoginPage(page)
    login.open()
    login.log_in(persona["login_id"], persona["login_password"])


@then("つないでネ！ットのトップページにお客さまの名前と口座が表示される")
def home_shows_customer(home_page, persona):
    expect(home_page.heading).to_be_visible()
    expect(home_page.customer_name).to_have_text(persona["name"])
    expect(home_page.account_row(persona["account_kind"], persona["account_number"])).to_be_visible()


@then("口座一覧に口座ごとの店名、科目、口座番号、残高、振込・振替限度額が表示される")
def accounts_with_balances(home_page, world, persona):
    limits = {a["number"]: a["transfer_limit"] for a in world.customer(persona["customer_id"])["accounts"]}
    for account in persona["accounts"]:
        kind, number = account["kind"], account["number"]
        expect(home_page.cell(kind, number, "店名")).to_have_text(account["branch_name"])
        expect(home_page.cell(kind, number, "科目")).to_have_text(kind)
        expect(home_page.cell(kind, number, "口座番号")).to_have_text(number)
        expect(home_page.cell(kind, number, "残高")).to_have_text(f"{account['balance']:,}円")
        expect(home_page.cell(kind, number, "振込・振替限度額")).to_have_text(f"{limits[number]}万円")


@then(parsers.re(r"前回ログイン日時に「(?P<text>[^」]+)」と表示される"))
def previous_login_shows(home_page, text):
    expect(home_page.previous_login).to_contain_text(text)


@then(parsers.re(r"「(?P<name>[^」]+)」ボタンが表示される"))
def button_shown(home_page, name):
    expect(home_page.page.get_by_role("button", name=name, exact=True)).to_be_visible()
