"""Steps that walk a journey by keyboard alone (Tab, Enter, Space) on a PC, as JIS X 8341-3 asks (WCAG 2.1.1)."""

from __future__ import annotations

from pytest_bdd import parsers, when

from pages.customer_info import CustomerInfoPage
from pages.first_login import FirstLoginPage
from pages.keyboard import by_keys
from pages.login import LoginPage
from pages.login_id import LoginIdPage
from pages.login_id_done import LoginIdDonePage
from pages.mail_password import MailPasswordPage
from pages.top import TopPage
from steps.customer_info import typed
from steps.mail_password import customers_pc


@when(parsers.re(r"キーボードで青森みちのく銀行のトップページから「(?P<entry>[^」]+)」へ進む"))
def keys_from_top(phone, entry):
    phone.screen(TopPage).start_by_keys(entry)


@when("キーボードでお申込代表口座と最新のパスワードを入力して次へ進む")
def keys_customer_info(phone, persona):
    by_keys(phone.screen(CustomerInfoPage), "next_button", **typed(persona))


@when(parsers.re(r"キーボードでログインID「(?P<login_id>[^」]+)」を2回入力してID登録実行する"))
def keys_login_id(phone, login_id):
    by_keys(phone.screen(LoginIdPage), "submit", login_id=login_id, login_id_again=login_id)


@when("キーボードで「確認しました。」にチェックをつけて初回ログインを押す")
def keys_acknowledge(phone):
    by_keys(phone.screen(LoginIdDonePage), "first_login", tick=("acknowledge",))


@when(parsers.re(r"キーボードでログインID「(?P<login_id>[^」]+)」と最新のログインパスワードでログインする"))
def keys_first_login(phone, persona, login_id):
    by_keys(phone.screen(FirstLoginPage), "submit", login_id=login_id, password=persona["login_password"])


@when("キーボードでパソコンのログイン画面からログインIDとログインパスワードでログインする")
def keys_pc_login(phones, persona):
    by_keys(
        customers_pc(phones).opened(LoginPage),
        "submit",
        login_id=persona["login_id"],
        password=persona["login_password"],
    )


@when("キーボードでパソコンにメールに書かれたメール通知パスワードを入力してログインする")
def keys_mail_password(phones, mailed_password):
    by_keys(customers_pc(phones).screen(MailPasswordPage), "submit", password=mailed_password)
