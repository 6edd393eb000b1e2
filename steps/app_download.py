"""Steps on A-DL (P14): from the token mail's ダウンロード先 to the store's page, and getting the app there."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from pages.app_download import TOKEN_MAIL, AppDownloadPage
from pages.app_screen import AppScreen
from pages.mailbox import MailboxPage


@when("トークン発行ご案内のメールを開く")
def open_token_mail(phone, persona):
    mailbox = phone.screen(MailboxPage)
    mailbox.open(persona["otp"]["mail"])
    mailbox.read(TOKEN_MAIL)


@when("トークン発行ご案内メールのダウンロード先をタップする")
def tap_download_in_mail(phone):
    phone.screen(AppDownloadPage).follow_from_mail()


@then(parsers.re(r"(?P<store>App Store|Google Play)のワンタイムPWのページが表示される"))
def store_shown(phone, store):
    phone.screen(AppDownloadPage).expect_store(store)


@then("このスマートフォンのストアのワンタイムPWのページが表示される")
def own_store_shown(phone):
    phone.screen(AppDownloadPage).expect_own_store(phone.device.name)


@when("ストアでアプリを入手して起動する")
def get_the_app(phone):
    phone.screen(AppDownloadPage).install(phone.screen(AppScreen))
