"""Steps on SID001 お客様情報入力 (P5) and the 店番一覧 its help link opens."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then, when

from pages.customer_info import BranchesPage, CustomerInfoPage
from steps.common import wrong

FIELDS = {
    "店番": "branch",
    "口座番号": "account",
    "(仮) ログインパスワード": "login_pw",
    "(仮) 確認用パスワード": "confirm_pw",
}


@pytest.fixture
def customer_info_page(page: Page) -> CustomerInfoPage:
    """お客様情報入力 (SID001) on the scenario's phone."""
    return CustomerInfoPage(page)


@pytest.fixture
def branches_page(page: Page) -> BranchesPage:
    """店番一覧 (S-BRANCHES) on the scenario's phone."""
    return BranchesPage(page)


def typed(persona: dict, **changes) -> dict:
    """What the customer types on SID001: the persona's own data, with `changes` made."""
    values = {
        "branch": persona["branch"]["code"],
        "account": persona["account_number"],
        "login_pw": persona["login_password"],
        "confirm_pw": persona["confirm_password"],
    }
    return {**values, **changes}


def wrong_digits(number: str) -> str:
    """Another well-formed 7-digit account number."""
    return number[:-1] + ("1" if number[-1] != "1" else "2")


MISTAKES = {
    "別の店番": lambda p: {"branch": "999" if p["branch"]["code"] != "999" else "998"},
    "別の口座番号": lambda p: {"account": wrong_digits(p["account_number"])},
    "誤った(仮) ログインパスワード": lambda p: {"login_pw": wrong(p["login_password"])},
    "誤った(仮) 確認用パスワード": lambda p: {"confirm_pw": wrong(p["confirm_password"])},
    "大文字と小文字を入れ替えた(仮) ログインパスワード": lambda p: {"login_pw": p["login_password"].swapcase()},
    "2つを入れ替えたパスワード": lambda p: {"login_pw": p["confirm_password"], "confirm_pw": p["login_password"]},
}


@when("お客様情報入力画面を開く")
def open_customer_info(customer_info_page):
    customer_info_page.open()


@when(parsers.re(r"お申込代表口座と(?:仮パスワード通知書|最新)のパスワードを入力して次へ進む"))
def submit_own_details(customer_info_page, persona):
    customer_info_page.submit(**typed(persona))


@when(
    parsers.re(
        r"お客様情報入力画面で(?P<label>店番|口座番号|\(仮\) ログインパスワード|\(仮\) 確認用パスワード)"
        r"に「(?P<value>.*)」と入力し、ほかは正しく入力して次へ進む"
    )
)
def submit_with_one_value(customer_info_page, persona, label, value):
    customer_info_page.open()
    customer_info_page.submit(**typed(persona, **{FIELDS[label]: value}))


@when(parsers.re(r"お客様情報入力画面で(?P<mistake>.+)を入力し、ほかは正しく入力して次へ進む"))
def submit_with_mistake(customer_info_page, persona, mistake):
    customer_info_page.open()
    customer_info_page.submit(**typed(persona, **MISTAKES[mistake](persona)))


@when(parsers.re(r"お客様情報入力画面で誤った\(仮\) ログインパスワードを(?P<times>\d+)回続けて入力する"))
def submit_wrong_password_times(customer_info_page, persona, times):
    customer_info_page.open()
    for _ in range(int(times)):
        customer_info_page.submit(**typed(persona, login_pw=wrong(persona["login_password"])))
        expect(customer_info_page.alert).to_be_visible()


@when("お客様情報入力画面で口座とパスワードを入力してから登録を中止する")
def fill_then_cancel(customer_info_page, persona):
    customer_info_page.open()
    customer_info_page.fill(**typed(persona))
    customer_info_page.cancel()


@then("お客様情報入力画面のままである")
def still_on_customer_info(customer_info_page):
    expect(customer_info_page.heading).to_be_visible()
    expect(customer_info_page.screen_id).to_have_text("画面ID : SID001")


@then(parsers.re(r"店番「(?P<code>\d+)」の「(?P<name>.+)」が一覧にある"))
def branch_listed(branches_page, code, name):
    expect(branches_page.branch(code, name)).to_be_visible()


@then("お客さまの手続きは何も進んでいない")
def nothing_changed(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["step"], held["login_id"], held["failed_attempts"]) == ("login_id", None, 0)
    assert not [e for e in world.journal(customer_id=persona["customer_id"]) if e["kind"] == "screen"]
