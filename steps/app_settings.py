"""Steps on A-MENU 設定 (P15, P16): other banks' tokens in the app, トークン選択 and トークン追加."""

from __future__ import annotations

import pyotp
from pytest_bdd import given, parsers, then, when

from pages.app_otp import AppOtpPage
from pages.app_settings import AppSettingsPage
from pages.phones import named
from steps.codes import PHONE, expected_codes

OTHER_BANKS = ("みなと銀行", "北東信用金庫", "十和田銀行", "八甲田信用組合", "奥入瀬銀行")


def other_bank(index: int) -> dict:
    """Another bank's token for the app (issuer other.example, a seed of its own): 「北東信用金庫 2」 for index 1."""
    return {
        "service_id": str(20 + index),
        "user_id": f"{index:07d}",
        "seed": pyotp.random_base32(),
        "issuer": "other.example",
        "name": OTHER_BANKS[index % len(OTHER_BANKS)],
        "extra": f"{index + 1}",
        "login_url": None,
    }


@given(
    parsers.re(rf"{PHONE}のワンタイムPWアプリには他行のトークンが(?P<count>\d+)件登録されている"),
    target_fixture="other_tokens",
)
def other_banks_tokens(phones, label, kind, count):
    return named(phones, label, kind).screen(AppSettingsPage).keep(*(other_bank(i) for i in range(int(count))))


@when(parsers.re(r"アプリの設定でトークン「(?P<label>[^」]+)」を選択する"))
def select_token(phone, label):
    phone.screen(AppSettingsPage).select(label)


@when("アプリの設定からトークン追加を選ぶ")
def add_token(phone):
    phone.screen(AppSettingsPage).add_token()


@then(parsers.re(r"表示されたワンタイムパスワードは他行のトークン「(?P<name>[^」]+)」のものである"))
def code_is_other_banks(phone, world, other_tokens, name):
    seed = next(t["seed"] for t in other_tokens if f"{t['name']} {t['extra']}" == name)
    phone.screen(AppOtpPage).expect_code(expected_codes(phone, world, [seed]))
