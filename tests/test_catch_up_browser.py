"""Pages that change by themselves (S-TEL's asking, the app's code) have caught up when a step moves the world clock.

Each test stops the page's own one-second timer, so that only the harness's catch-up can move the page: without
it the page would still show the old time when the next step acts, which is the race a real run loses now and then.
"""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from mockbank.control.client import WorldClient
from mockbank.issuer.binding import bound_totp
from pages.app_otp import AppOtpPage
from pages.app_settings import AppSettingsPage
from pages.devices import DEVICES
from pages.otp_application import OtpApplicationPage
from pages.phone_check import PhoneCheckPage
from pages.phones import Phones
from steps.common import logged_in
from steps.dialler import call_bank_after
from tests.settings import served_bank

NO_TIMERS = "window.setInterval = () => 0;"  # the page's own ticking never runs in these tests
EXPIRED = "電話番号認証の有効期限が切れました。お手数ですが、再度ワンタイムパスワード利用申請を行ってください。"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The whole mock world on localhost, forms protected as in a real run."""
    with served_bank(tmp_path_factory.mktemp("catch_up") / "w.sqlite", WTF_CSRF_ENABLED=True) as url:
        yield SimpleNamespace(url=url, client=WorldClient(url))


@pytest.fixture
def phones(playwright, browser, world):
    """Phones of an Android run whose pages never tick by themselves; their clocks follow the world's."""
    world.client.reset()

    def context(**args):
        made = browser.new_context(base_url=world.url, **args)
        made.add_init_script(NO_TIMERS)
        return made

    held = Phones(context, playwright, DEVICES["Android"])
    world.client.clock_watchers.append(held.follow)
    yield held
    world.client.clock_watchers.remove(held.follow)
    for phone in held.all():
        phone.context.close()


@pytest.fixture
def calling(world, phones):
    """A new-contract customer on S-TEL, the world clock stopped as the screen shows (R-TEL-120)."""
    world.client.freeze()
    persona = world.client.persona("new", step="otp", otp="calling")
    phone = phones.default
    logged_in(world.client, phone.context, world.url, persona)
    phone.opened(PhoneCheckPage).expect_shown()
    return SimpleNamespace(persona=persona, phone=phone)


def test_past_120_seconds_s_tel_has_gone_back_to_the_application_when_the_clock_step_returns(world, calling):
    world.client.advance(121)
    apply = calling.phone.screen(OtpApplicationPage)
    apply.expect_shown(timeout=1)  # no waiting: already there
    expect(apply.alert).to_contain_text(EXPIRED, timeout=1)


def test_within_120_seconds_s_tel_stays_and_waits_for_the_call(world, calling):
    world.client.advance(120)
    screen = calling.phone.screen(PhoneCheckPage)
    screen.expect_shown(timeout=1)
    expect(screen.confirm_button).to_be_enabled(timeout=1)


def test_the_call_step_reads_the_number_before_the_screen_moves_and_the_call_still_goes_out(world, phones, calling):
    call_bank_after(world.client, phones, calling.phone, calling.persona, 121)
    calling.phone.screen(OtpApplicationPage).expect_shown(timeout=1)
    (call,) = world.client.journal(kind="call")
    assert call["detail"]["caller_id_shown"] is True


def test_after_a_jump_of_the_clock_the_app_already_shows_the_new_minutes_code(world, phones):
    phone = phones.default
    otp = world.client.persona("active", otp="active", device=phone.identity)["otp"]
    AppSettingsPage(phone.app).keep(AppSettingsPage.ours(otp))
    state = world.client.freeze(datetime.fromisoformat(world.client.clock()["now"]).replace(second=20))
    page = AppOtpPage(phone.app)
    page.launch()
    totp = bound_totp(otp["seed"], phone.identity)
    expect(page.code).to_have_text(totp.at(datetime.fromisoformat(state["now"])))
    state = world.client.advance(60)
    expect(page.code).to_have_text(totp.at(datetime.fromisoformat(state["now"])), timeout=1)
