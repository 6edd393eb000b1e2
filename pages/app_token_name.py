"""A-NAME トークン表示名設定 (P16): トークン表示名 and 追加文言, then 登録."""

from __future__ import annotations

from pages.app_screen import AppScreen
from pages.screen import button, field


class AppTokenNamePage(AppScreen):
    """トークン表示名設定: the app proposes the bank's name; 追加文言 tells two contracts of one bank apart."""

    SCREEN = "A-NAME"
    TITLE = "トークン表示名設定"

    name = field("トークン表示名")
    extra = field("追加文言")
    register = button("登録")

    def name_token(self, name: str | None = None, extra: str = "") -> None:
        """Keep (or replace) the proposed display name, add 追加文言, then 登録."""
        if name is not None:
            self.name.fill(name)
        self.extra.fill(extra)
        self.register.click()
