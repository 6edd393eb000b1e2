"""A phone's biometric in the browser (pages/authenticator.py): one virtual authenticator on every page of the phone,
holding the same credentials and count, and each way a face or finger can answer, against the bank's real checks."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from mockbank.control.client import WorldClient
from pages.app_otp import AppOtpPage
from pages.app_settings import AppSettingsPage
from pages.biometric_login import BiometricLoginPage
from pages.biometric_setting import BiometricSettingPage
from pages.devices import DEVICES
from pages.home import HomePage
from pages.phones import Phones
from tests.settings import served_bank

UVPAA = "() => PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The mock world on localhost with forms protected; a prompt nobody answers ends in 2 s."""
    database = tmp_path_factory.mktemp("bio") / "w.sqlite"
    with served_bank(database, WTF_CSRF_ENABLED=True, BIOMETRIC_TIMEOUT_SECONDS=2) as url:
        yield SimpleNamespace(url=url, client=WorldClient(url))


@pytest.fixture
def phones(playwright, browser, world):
    world.client.reset()
    held = Phones(lambda **args: browser.new_context(base_url=world.url, **args), playwright, DEVICES["Android"])
    yield held
    for phone in held.all():
        phone.context.close()


@pytest.fixture
def customer(world, phones):
    """A customer using the app on the Android phone, with the biometric registered from the phone's browser."""
    phone = phones.default
    persona = world.client.persona("active", otp="active", device=phone.identity)
    phone.screen(BiometricSettingPage).set_up(persona["login_id"], persona["login_password"])
    phone.screen(BiometricLoginPage).expect_registered()
    return persona


def counts(phone) -> dict[str, int]:
    """Each open page's own authenticator's signature count of its one credential, read from Chromium."""
    seen = {}
    for name, page in phone.open_pages():
        cdp, aid = phone.biometric.pages[page]
        [credential] = cdp.send("WebAuthn.getCredentials", {"authenticatorId": aid})["credentials"]
        seen[name] = credential["signCount"]
    return seen


def test_every_page_of_a_phone_has_its_biometric_and_a_pc_has_none(phones):
    phone, pc = phones.default, phones.get("パソコン", "PC")
    for page in (phone.browser, phone.app, phone.open("dialler")):
        page.goto("/netbank/")
        assert page.evaluate(UVPAA) is True
    pc.browser.goto("/netbank/")
    assert pc.biometric is None and pc.browser.evaluate(UVPAA) is False


def test_a_credential_made_on_one_page_is_on_every_page_and_a_later_one_with_its_count(world, phones, customer):
    phone = phones.default
    phone.app.goto("/app/help")
    assert set(counts(phone)) == {"browser", "app"} and len(set(counts(phone).values())) == 1
    phone.opened(BiometricLoginPage).log_in()
    phone.screen(HomePage).expect_customer(customer["name"])
    phone.screen(HomePage)  # a step: the phone settles its pages
    after = counts(phone)
    assert after["app"] == after["browser"], "the app's authenticator holds the browser's newer count"
    later = phone.open("later")  # a page opened after the ceremonies gets the phone's credential too
    later.goto("/netbank/")
    assert counts(phone)["later"] == after["browser"]
    # Logged in from the app's page now: its count moves on from the browser's, and the bank takes it.
    BiometricLoginPage(phone.app).open()
    BiometricLoginPage(phone.app).log_in()
    HomePage(phone.app).expect_customer(customer["name"])
    stored = world.client.customer(customer["customer_id"])["biometrics"][0]["sign_count"]
    assert stored > after["browser"]


def test_the_app_offers_its_biometric_button_only_on_a_phone_with_biometrics(world, phones):
    for phone in (phones.default, phones.get("パソコン", "PC")):
        otp = world.client.persona("active", otp="active", device=phone.identity)["otp"]
        phone.screen(AppSettingsPage).keep(AppSettingsPage.ours(otp))
        page = AppOtpPage(phone.app)
        page.launch()
        page.expect_biometric_offered(phone.biometric is not None)


def test_not_recognised_the_page_is_refused_at_once_and_nothing_is_registered(world, phones):
    phone = phones.default
    persona = world.client.persona("active", otp="active", device=phone.identity)
    phone.biometric.answer(verified=False)
    setting = phone.opened(BiometricSettingPage)
    setting.use_biometric()
    setting.expect_failed()
    assert world.client.customer(persona["customer_id"])["biometrics"] == []
    refused = world.client.journal(kind="biometric_failed")[-1]
    assert refused["detail"]["reason"] == "phone:NotAllowedError"


def test_cancelled_the_prompt_ends_at_its_time_limit(world, phones, customer):
    phone = phones.default
    phone.biometric.answer(present=False)
    login = phone.opened(BiometricLoginPage)
    login.log_in()
    login.expect_refused()
    assert world.client.journal(kind="biometric_failed")[-1]["detail"]["reason"] == "phone:NotAllowedError"
    phone.biometric.answer()
    login.log_in()
    phone.screen(HomePage).expect_customer(customer["name"])


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [({"bogus_signature": True}, "signature"), ({"bad_uv": True}, "User verification is required")],
)
def test_a_tampered_answer_reaches_the_bank_which_refuses_it_and_counts_it(world, phones, customer, tamper, reason):
    phone = phones.default
    phone.biometric.tamper(**tamper)
    login = phone.opened(BiometricLoginPage)
    login.log_in()
    login.expect_refused()
    failed = world.client.journal(kind="biometric_failed")[-1]["detail"]["reason"]
    assert reason in failed or failed == "phone:NotAllowedError"  # Chromium may stop a bad UV itself
    phone.biometric.tamper()
    login.log_in()
    phone.screen(HomePage).expect_customer(customer["name"])


def test_a_page_opened_after_tampering_answers_tampered_and_registers_nothing(world, phones):
    phone = phones.default
    persona = world.client.persona("active", otp="active", device=phone.identity)
    phone.biometric.tamper(bad_uv=True)  # before the phone has opened any page
    later = phone.open("later")
    setting = BiometricSettingPage(later)
    setting.open()
    setting.use_biometric()
    setting.expect_failed()
    assert world.client.customer(persona["customer_id"])["biometrics"] == []
    failed = world.client.journal(kind="biometric_failed")[-1]["detail"]["reason"]
    assert "User verification is required" in failed or failed == "phone:NotAllowedError"
    phone.biometric.tamper()
    setting.use_biometric()
    setting.expect_asks_id_and_password()


def test_a_copy_in_another_phone_is_refused_and_using_both_reveals_the_clone(world, phones, customer):
    phone = phones.default
    copy = phones.get("写し", "Android")
    for credential in phone.biometric.held():
        copy.biometric.put(credential)
    copy.opened(BiometricLoginPage).log_in()
    copy.screen(BiometricLoginPage).expect_refused()
    assert world.client.journal(kind="biometric_failed")[-1]["detail"]["reason"] == "another phone"
    phone.opened(BiometricLoginPage).log_in()
    phone.screen(BiometricLoginPage).expect_refused()
    [cloned] = world.client.journal(kind="biometric_cloned")
    assert cloned["rule"] == "R-BIO-LOGIN"
    assert world.client.customer(customer["customer_id"])["biometrics"][0]["revoked_why"] == "cloned"
    expect(phone.browser.get_by_role("alert")).to_contain_text("生体認証でログインできませんでした。")
