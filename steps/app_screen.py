"""Steps on any screen of the ワンタイムPW app (P15–P17): starting it, its header, what it says."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from pages.app_screen import AppScreen
from pages.phones import THIS_PHONE, named
from steps.codes import PHONE


@when(parsers.re(rf"(?:{PHONE}で)?ワンタイムPWアプリを起動する"))
def launch_app(phones, label=None, kind=None):
    named(phones, label or THIS_PHONE, kind).screen(AppScreen).launch()


@then("アプリの画面の上には「ヘルプ」があり、「設定」はない")
def help_only(phone):
    """初期設定 and 初期設定完了 (P15) show ヘルプ alone at the top, as the manual's screens do."""
    phone.screen(AppScreen).expect_menu(settings=False)


@then("アプリの画面の上には「ヘルプ」と「設定」がある")
def help_and_settings(phone):
    """ワンタイムパスワード (P16) has the 設定 menu its note sends the customer to for トークン選択."""
    phone.screen(AppScreen).expect_menu(settings=True)


@then(parsers.re(r"ワンタイムPWアプリの画面に「(?P<message>.+)」と表示される"))
def app_says(phone, message):
    expect(phone.screen(AppScreen).alert).to_contain_text(message)
