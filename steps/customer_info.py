"""Steps on SID001 お客様情報入力 (P5): the representative account and the (temp or latest) passwords."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from pages.customer_info import CustomerInfoPage
from steps.common import held, wrong

FIELDS = {
    "店番": "branch",
    "口座番号": "account",
    "(仮) ログインパスワード": "login_pw",
    "(仮) 確認用パスワード": "confirm_pw",
}


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


def mistaken(persona: dict, mistake: str) -> dict:
    """What the customer types on SID001 with one of the MISTAKES."""
    return typed(persona, **MISTAKES[mistake](persona))


@when("お客様情報入力画面を開く")
def open_customer_info(phone):
    phone.opened(CustomerInfoPage)


@when(parsers.re(r"お申込代表口座と(?:仮パスワード通知書|最新)のパスワードを入力して次へ進む"))
def submit_own_details(phone, persona):
    phone.screen(CustomerInfoPage).submit(**typed(persona))


@when(
    parsers.re(
        r"お客様情報入力画面で(?P<label>店番|口座番号|\(仮\) ログインパスワード|\(仮\) 確認用パスワード)"
        r"に「(?P<value>.*)」と入力し、ほかは正しく入力して次へ進む"
    )
)
def submit_with_one_value(phone, persona, label, value):
    phone.opened(CustomerInfoPage).submit(**typed(persona, **{FIELDS[label]: value}))


@when(parsers.re(r"お客様情報入力画面で(?P<mistake>.+)を入力し、ほかは正しく入力して次へ進む"))
def submit_with_mistake(phone, persona, mistake):
    phone.opened(CustomerInfoPage).submit(**mistaken(persona, mistake))


@when(parsers.re(r"お客様情報入力画面で誤った\(仮\) ログインパスワードを(?P<times>\d+)回続けて入力する"))
def submit_wrong_password_times(phone, persona, times):
    phone.opened(CustomerInfoPage).submit_refused(int(times), **mistaken(persona, "誤った(仮) ログインパスワード"))


@when("お客様情報入力画面で口座とパスワードを入力してから登録を中止する")
def fill_then_cancel(phone, persona):
    phone.opened(CustomerInfoPage).cancel(**typed(persona))


@then("画面IDに「SID001」と表示される")
def screen_id_shows(phone):
    """The manual prints a 画面ID on SID001 alone (P5)."""
    phone.screen(CustomerInfoPage).expect_screen_id()


@then("お客さまの手続きは何も進んでいない")
def nothing_changed(world, persona):
    assert held(world, persona, "step", "login_id", "failed_attempts") == ("login_id", None, 0)
    assert not [e for e in world.journal(customer_id=persona["customer_id"]) if e["kind"] == "screen"]
