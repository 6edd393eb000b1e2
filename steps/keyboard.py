"""Steps that walk a journey by keyboard alone (Tab, Enter, Space) on a PC, as JIS X 8341-3 asks (WCAG 2.1.1)."""

from __future__ import annotations

from pytest_bdd import parsers, when

from pages.customer_info import CustomerInfoPage
from pages.first_login import FirstLoginPage
from pages.keyboard import Keyboard
from pages.login import LoginPage
from pages.login_id import LoginIdPage
from pages.login_id_done import LoginIdDonePage
from pages.mail_password import MailPasswordPage
from pages.top import GuidePage, TopPage
from steps.mail_password import customers_pc


@when(parsers.re(r"キーボードで青森みちのく銀行のトップページから「(?P<entry>[^」]+)」へ進む"))
def keys_from_top(phone, entry):
    top = phone.opened(TopPage)
    Keyboard(top.page).press(top.guide_link)
    Keyboard(top.page).press(phone.screen(GuidePage).entry(entry))


@when("キーボードでお申込代表口座と最新のパスワードを入力して次へ進む")
def keys_customer_info(phone, persona):
    screen, keys = phone.screen(CustomerInfoPage), Keyboard(phone.browser)
    screen.expect_shown()
    keys.type_into(screen.branch, persona["branch"]["code"])
    keys.type_into(screen.account, persona["account_number"])
    keys.type_into(screen.login_pw, persona["login_password"])
    keys.type_into(screen.confirm_pw, persona["confirm_password"])
    keys.press(screen.next_button)


@when(parsers.re(r"キーボードでログインID「(?P<login_id>[^」]+)」を2回入力してID登録実行する"))
def keys_login_id(phone, login_id):
    screen, keys = phone.screen(LoginIdPage), Keyboard(phone.browser)
    screen.expect_shown()
    keys.type_into(screen.login_id, login_id)
    keys.type_into(screen.login_id_again, login_id)
    keys.press(screen.submit)


@when("キーボードで「確認しました。」にチェックをつけて初回ログインを押す")
def keys_acknowledge(phone):
    screen, keys = phone.screen(LoginIdDonePage), Keyboard(phone.browser)
    screen.expect_shown()
    keys.tick(screen.acknowledge)
    keys.press(screen.first_login)


@when(parsers.re(r"キーボードでログインID「(?P<login_id>[^」]+)」と最新のログインパスワードでログインする"))
def keys_first_login(phone, persona, login_id):
    screen, keys = phone.screen(FirstLoginPage), Keyboard(phone.browser)
    screen.expect_shown()
    keys.type_into(screen.login_id, login_id)
    keys.type_into(screen.password, persona["login_password"])
    keys.press(screen.submit)


@when("キーボードでパソコンのログイン画面からログインIDとログインパスワードでログインする")
def keys_pc_login(phones, persona):
    screen = customers_pc(phones).opened(LoginPage)
    keys = Keyboard(screen.page)
    keys.type_into(screen.login_id, persona["login_id"])
    keys.type_into(screen.password, persona["login_password"])
    keys.press(screen.submit)


@when("キーボードでパソコンにメールに書かれたメール通知パスワードを入力してログインする")
def keys_mail_password(phones, mailed_password):
    screen = customers_pc(phones).screen(MailPasswordPage)
    screen.expect_shown()
    Keyboard(screen.page).type_into(screen.password, mailed_password)
    Keyboard(screen.page).press(screen.submit)
