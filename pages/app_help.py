"""A-HELP ヘルプ: the app's help on 初期設定 (what サービスID, ユーザID and 利用開始パスワード are)."""

from __future__ import annotations

from pages.app_screen import AppScreen
from pages.screen import link


class AppHelpPage(AppScreen):
    """ヘルプ, reached from the header of any app screen; 戻る goes back to the app's start."""

    SCREEN = "A-HELP"
    TITLE = "ヘルプ"
    URL = "/app/help"

    back = link("戻る")
