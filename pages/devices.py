"""The device matrix: each device is a browser context with a Playwright descriptor and its biometrics."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Playwright


@dataclass(frozen=True)
class Device:
    """A phone or PC the customer holds: how it looks to the bank, and what biometrics it has."""

    name: str
    descriptor: str
    biometrics: str | None

    def context_args(self, playwright: Playwright) -> dict:
        """Browser-context options: the descriptor, Japanese locale, Tokyo time."""
        descriptor = dict(playwright.devices[self.descriptor])
        descriptor.pop("default_browser_type", None)
        return {**descriptor, "locale": "ja-JP", "timezone_id": "Asia/Tokyo"}


DEVICES = {
    "iPhone": Device("iPhone", "iPhone 15", "Face ID"),
    # An iPhone with a home button: Touch ID (P18–P19 「iPhoneでは指紋認証をTouch ID」); a phone a step may name, not in
    # the default matrix.
    "iPhone SE": Device("iPhone SE", "iPhone SE (3rd gen)", "Touch ID"),
    "Android": Device("Android", "Pixel 7", "指紋認証"),
    "PC": Device("PC", "Desktop Chrome", None),
}
