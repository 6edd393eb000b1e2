"""S-OTPAPP ワンタイムパスワード利用申請 (P12): where お客さま情報登録 leads; its steps come with its version."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from pages.otp_application import OtpApplicationPage


@pytest.fixture
def otp_application_page(page: Page) -> OtpApplicationPage:
    """ワンタイムパスワード利用申請 (S-OTPAPP) on the scenario's phone."""
    return OtpApplicationPage(page)
