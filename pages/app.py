"""The ワンタイムPW app's page objects under their former names; each screen's own module is pages/app_<screen>.py.

Kept so that modules written before the one-name-per-screen layout still import (e.g. `from pages.app import OtpPage`).
"""

from pages.app_download import AppDownloadPage as StorePage
from pages.app_otp import AppOtpPage as OtpPage
from pages.app_screen import AppScreen
from pages.app_settings import AppSettingsPage as SettingsPage
from pages.app_setup import AppSetupPage as SetupPage
from pages.app_setup_done import AppSetupDonePage as SetupDonePage
from pages.app_token_name import AppTokenNamePage as TokenNamePage

__all__ = ["AppScreen", "OtpPage", "SettingsPage", "SetupDonePage", "SetupPage", "StorePage", "TokenNamePage"]
