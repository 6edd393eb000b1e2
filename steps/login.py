"""Steps on S-LOGIN1 初回ログイン (P7) and S-LOGIN ログイン (P17)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import parsers, when

from pages.login import LoginPage
from steps.common import password_for


@pytest.fixture
def login_page(page: Page) -> LoginPage:
    """初回ログイン (S-LOGIN1) or ログイン (S-LOGIN) on the scenario's phone."""
    return LoginPage(page)


@when("初回ログイン画面を開く")
def open_first_login(login_page):
    login_page.open_first_login()


@when(parsers.re(r"初回ログイン画面でログインID「(?P<login_id>.*)」と(?P<phrase>.+)を入力してログインする"))
def first_login(login_page, persona, login_id, phrase):
    login_page.open_first_login()
    login_page.log_in(login_id, password_for(phrase, persona))


@when(
    parsers.re(
        r"初回ログイン画面でログインID「(?P<login_id>.*)」と誤ったログインパスワードを(?P<times>\d+)回続けて入力する"
    )
)
def first_login_wrong_times(login_page, persona, login_id, times):
    login_page.open_first_login()
    for _ in range(int(times)):
        login_page.log_in(login_id, password_for("誤ったログインパスワード", persona))
        expect(login_page.alert).to_be_visible()


@when("ログインIDとログインパスワードでログインする")
def log_in_as_persona(login_page, persona):
    login_page.log_in(persona["login_id"], persona["login_password"])


@when(
    parsers.re(
        r"ログインID「(?P<login_id>.+)」と(?P<phrase>仮ログインパスワード|最新のログインパスワード)でログインする"
    )
)
def log_in_with(login_page, persona, login_id, phrase):
    login_page.log_in(login_id, password_for(phrase, persona))


@when("ログイン画面からログインIDとログインパスワードでログインする")
def log_in_from_login_screen(login_page, persona):
    login_page.open()
    login_page.log_in(persona["login_id"], persona["login_password"])
