"""Steps for logging in: 初回ログイン (P7), ログイン (P17) and the top page (S-HOME)."""
from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from steps.common import password_for


@when("初回ログイン画面を開く")
def open_first_login(login_page):
    login_page.open_first_login()


@when(parsers.re(r"初回ログイン画面でログインID「(?P<login_id>.*)」と(?P<phrase>.+)を入力してログインする"))
def first_login(login_page, persona, login_id, phrase):
    login_page.open_first_login()
    login_page.log_in(login_id, password_for(phrase, persona))


@when(parsers.re(r"初回ログイン画面でログインID「(?P<login_id>.*)」と誤ったログインパスワードを(?P<times>\d+)回続けて入力する"))
def first_login_wrong_times(login_page, persona, login_id, times):
    login_page.open_first_login()
    for _ in range(int(times)):
        login_page.log_in(login_id, password_for("誤ったログインパスワード", persona))
        expect(login_page.page.get_by_role("alert")).to_be_visible()


@when("ログインIDとログインパスワードでログインする")
def log_in_as_persona(login_page, persona):
    login_page.log_in(persona["login_id"], persona["login_password"])


@when(parsers.re(r"ログインID「(?P<login_id>.+)」と(?P<phrase>仮ログインパスワード|最新のログインパスワード)でログインする"))
def log_in_with(login_page, persona, login_id, phrase):
    login_page.log_in(login_id, password_for(phrase, persona))


@then("つないでネ！ットのトップページにお客さまの名前と口座が表示される")
def home_shows_customer(home_page, persona):
    expect(home_page.heading).to_be_visible()
    expect(home_page.customer_name).to_have_text(persona["name"])
    expect(home_page.account_row(persona["account_kind"], persona["account_number"])).to_be_visible()
