"""Steps on A-NAME トークン表示名設定 (P16): keeping the proposed name with 追加文言, or another name."""

from __future__ import annotations

from pytest_bdd import parsers, when

from pages.app_token_name import AppTokenNamePage


@when(parsers.re(r"トークン表示名に追加文言「(?P<extra>[^」]*)」を入力して登録する"))
def name_token(phone, extra):
    phone.screen(AppTokenNamePage).name_token(extra=extra)


@when(parsers.re(r"トークン表示名を「(?P<name>[^」]*)」にして登録する"))
def rename_token(phone, name):
    phone.screen(AppTokenNamePage).name_token(name=name)
