"""The app's codes (R-OTP-60, R-APP-BIND): what they should be, asked of the world through the control API, never
computed here; and the steps that read what the app shows."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from pages.app import OtpPage
from pages.phones import named

CHECK_SPAN = 10  # s: as long as a check of the app's code may wait for it, either side of now
STEP = 60  # s: the code changes every 60 seconds (R-OTP-60)
# How a step names one of the customer's devices: 「iPhone」, 「新しいスマートフォン（Android）」.
PHONE = r"「(?P<label>[^（」]+)(?:（(?P<kind>iPhone|Android|PC)）)?」"


def expected_code(phone, world, seed: str) -> str:
    """The code the app on `phone` should show now: the seed joined with the phone's identity, at the phone's time."""
    return world.codes(seed, phone.identity, phone.now(world.clock()))[0]


def expected_codes(phone, world, seeds: list[str]) -> re.Pattern:
    """The codes the app on `phone` may show while a check waits on it: the minute can turn on a running clock."""
    now, offsets = phone.now(world.clock()), list(range(-CHECK_SPAN, CHECK_SPAN + 1, 2))
    codes = {code for seed in seeds for code in world.codes(seed, phone.identity, now, offsets)}
    return re.compile("^(?:" + "|".join(sorted(codes)) + ")$")


def a_wrong_code(phone, world, seed: str) -> str:
    """Six digits the token shows on `phone` at no minute within ten of now: a code that cannot log in."""
    near = set(world.codes(seed, phone.identity, phone.now(world.clock()), [STEP * s for s in range(-10, 11)]))
    return next(f"{n:06d}" for n in range(123456, 10**6) if f"{n:06d}" not in near)


# The app's code as the customer reads it (A-OTP). OtpPage is the app helper's page object: once it names its
# page (PAGE = "app"), app_otp(phone) is phone.screen(OtpPage).


def app_otp(phone) -> OtpPage:
    """The app's ワンタイムパスワード screen on `phone`."""
    return OtpPage(phone.app)


def shown_code(phone) -> str:
    """The code the app on `phone` shows now (started if it is not on its ワンタイムパスワード screen)."""
    otp = app_otp(phone)
    if not otp.is_shown():
        otp.launch()
    expect(otp.code).to_have_text(re.compile(r"^\d{6}$"))
    return otp.code.text_content()


@when(parsers.re(r"(?P<seconds>\d+)秒たつ"), target_fixture="code_before")
def time_passes(phone, world, seconds):
    """The world clock moves on; the code the app showed before, if it is open, is kept to compare."""
    before = app_otp(phone).code.text_content() if "app" in phone.pages else None
    world.advance(int(seconds))
    return before


@then("アプリのワンタイムパスワードは新しいものに変わっている")
def code_changed(phone, world, persona, code_before):
    expect(app_otp(phone).code).to_have_text(expected_code(phone, world, persona["otp"]["seed"]))
    expect(app_otp(phone).code).not_to_have_text(code_before)


@then(parsers.re(rf"{PHONE}のアプリには「(?P<message>[^」]+)」と表示され、ワンタイムパスワードは表示されない"))
def copy_shows_no_code(phones, label, kind, message):
    """R-APP-BIND: the copied app data shows no code on another phone."""
    copy = app_otp(named(phones, label, kind))
    expect(copy.copied).to_contain_text(message)
    expect(copy.code).to_be_hidden()
