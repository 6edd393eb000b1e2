"""A-DONE 初期設定完了 (P15): the JST and 60-second notices, and 次へ to トークン表示名設定."""

from __future__ import annotations

from pages.app_screen import AppScreen
from pages.screen import link


class AppSetupDonePage(AppScreen):
    """初期設定完了, shown once the app has kept the new token (not when it already holds 10, R-APP-10)."""

    SCREEN = "A-DONE"
    TITLE = "初期設定完了"

    next = link("次へ")
