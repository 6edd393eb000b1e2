"""Steps on S-LOGIN1 初回ログイン (P7): the new login ID with the temp (or latest) login password."""

from __future__ import annotations

from pytest_bdd import parsers, when

from pages.first_login import FirstLoginPage
from steps.common import password_for


@when("初回ログイン画面を開く")
def open_first_login(phone):
    phone.opened(FirstLoginPage)


@when(parsers.re(r"初回ログイン画面でログインID「(?P<login_id>.*)」と(?P<phrase>.+)を入力してログインする"))
def first_login(phone, persona, login_id, phrase):
    phone.opened(FirstLoginPage).log_in(login_id, password_for(phrase, persona))


@when(
    parsers.re(
        r"初回ログイン画面でログインID「(?P<login_id>.*)」と誤ったログインパスワードを(?P<times>\d+)回続けて入力する"
    )
)
def first_login_wrong_times(phone, persona, login_id, times):
    phone.opened(FirstLoginPage).log_in_refused(int(times), login_id, password_for("誤ったログインパスワード", persona))


@when(
    parsers.re(
        r"ログインID「(?P<login_id>.+)」と(?P<phrase>仮ログインパスワード|最新のログインパスワード)でログインする"
    )
)
def log_in_with(phone, persona, login_id, phrase):
    """On 初回ログイン, where S-ID-DONE's 初回ログイン led."""
    phone.screen(FirstLoginPage).log_in(login_id, password_for(phrase, persona))
