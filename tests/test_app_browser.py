"""The ワンタイムPW app's code on an emulated phone (R-APP-BIND, R-OTP-60): app.js against the issuer's own binding."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from mockbank.control.client import WorldClient
from mockbank.issuer.binding import bound_totp, check_value
from pages.app_otp import AppOtpPage
from pages.app_settings import AppSettingsPage
from pages.devices import DEVICES
from pages.phones import Phones
from tests.settings import served_bank


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The mock world on localhost, forms protected as in a real run."""
    with served_bank(tmp_path_factory.mktemp("app") / "w.sqlite", WTF_CSRF_ENABLED=True) as url:
        yield SimpleNamespace(url=url, client=WorldClient(url))


@pytest.fixture
def phones(playwright, browser, world):
    """Phones of an iPhone run of the matrix; their clocks follow the world's, as in the suite."""
    world.client.reset()
    held = Phones(lambda **args: browser.new_context(base_url=world.url, **args), playwright, DEVICES["iPhone"])
    world.client.clock_watchers.append(held.follow)
    yield held
    world.client.clock_watchers.remove(held.follow)
    for phone in held.all():
        phone.context.close()


@pytest.mark.parametrize("skew", [0, 45, -200])
def test_the_app_shows_the_code_of_its_seed_joined_with_this_phone_at_this_phones_time(world, phones, skew):
    phone = phones.default
    otp = world.client.persona("active", otp="active", device=phone.identity)["otp"]
    AppSettingsPage(phone.app).keep(AppSettingsPage.ours(otp))
    state = world.client.freeze(datetime.fromisoformat(world.client.clock()["now"]).replace(second=20))
    phone.skew_clock(world.client, skew)
    page = AppOtpPage(phone.app)
    page.launch()
    at = datetime.fromisoformat(state["now"]) + timedelta(seconds=skew)
    expect(page.code).to_have_text(bound_totp(otp["seed"], phone.identity).at(at))
    expect(page.remaining).to_have_text(str(60 - at.second))
    expect(page.token_name).to_have_text("青森みちのく銀行")
    stored = phone.app.evaluate("() => window.mockbankApp.tokens()[0].check")
    assert stored == check_value(otp["seed"], phone.identity), "app.js keeps the check the issuer's binding makes"


def test_a_copy_of_the_apps_storage_on_another_phone_shows_no_code(world, phones):
    phone = phones.default
    otp = world.client.persona("active", otp="active", device=phone.identity)["otp"]
    AppSettingsPage(phone.app).keep(AppSettingsPage.ours(otp))
    copy = phones.copy(phone, "写した先", "Android")
    assert copy.identity != phone.identity
    page = AppOtpPage(copy.app)
    with copy.app.expect_response(lambda response: response.url.endswith("/app/copied")) as reported:
        page.launch()  # the app reports the copy to the bank as it shows it (app.js): the journal has it once answered
    assert reported.value.ok
    expect(page.copied).to_contain_text("この端末ではご利用いただけません")
    expect(page.code).to_be_hidden()
    journal = world.client.journal(kind="app_copy_refused")
    assert journal and journal[-1]["rule"] == "R-APP-BIND"


def test_the_app_starts_at_setup_when_it_holds_no_token(phones):
    page = AppOtpPage(phones.default.app)
    page.launch()
    expect(page.page).to_have_url(re.compile(r"/app/setup$"))


def test_the_biometric_button_works_only_where_the_phone_has_an_authenticator(world, phones):
    """R-BIO-DEVICE (P16): the iPhone's Face ID is an authenticator on every page of it, so 生体認証 works; a PC has none."""
    for phone in (phones.default, phones.get("パソコン", "PC")):
        otp = world.client.persona("active", otp="active", device=phone.identity)["otp"]
        AppSettingsPage(phone.app).keep(AppSettingsPage.ours(otp))
        page = AppOtpPage(phone.app)
        page.launch()
        page.expect_biometric_offered(phone.biometric is not None)
