"""S-ID-LOST ログインIDをお忘れの方 (R-ID-LOST): a forgotten login ID is not recovered online (P6)."""

from pages.screen import Screen


class LoginIdLostPage(Screen):
    """ログインIDをお忘れの方 (S-ID-LOST): the contract must be ended and applied for again in writing."""

    SCREEN = "S-ID-LOST"
    TITLE = "ログインIDをお忘れの方"
    URL = "/netbank/login-id/lost"
