"""The harness's phones (pages/phones.py): each its own context and identity, the screens it shows, named on demand."""

from __future__ import annotations

import pytest

from mockbank.control.client import WorldClient
from pages.devices import DEVICES
from pages.phones import DEVICE_HEADER, Phones
from tests.settings import served_bank


@pytest.fixture(scope="module")
def world_url(tmp_path_factory):
    """The mock world on localhost, as the acceptance suite runs it."""
    with served_bank(tmp_path_factory.mktemp("phones") / "w.sqlite") as url:
        yield url


@pytest.fixture
def phones(playwright, browser, world_url):
    """Phones of an iPhone run of the matrix, their contexts closed afterwards."""
    held = Phones(lambda **args: browser.new_context(base_url=world_url, **args), playwright, DEVICES["iPhone"])
    yield held
    for phone in held.all():
        phone.context.close()


def test_the_bank_is_served_on_a_host_name_not_an_ip_address(world_url):
    assert world_url.startswith("http://localhost:")


def test_a_scenario_has_one_phone_of_the_matrixs_kind_unless_its_steps_name_more(phones):
    assert phones.default is phones.get("iPhone")
    other = phones.get("もう1台のスマートフォン", "Android")
    assert [p.caption for p in phones.all()] == ["iPhone", "もう1台のスマートフォン（Android）"]
    assert other.context is not phones.default.context
    assert other.browser.evaluate("navigator.userAgent") != phones.default.browser.evaluate("navigator.userAgent")
    with pytest.raises(ValueError):
        phones.get("もう1台のスマートフォン", "iPhone")


def test_each_phone_sends_its_own_identity_and_a_copy_of_its_storage_does_not_carry_it(phones, world_url):
    first, second = phones.default, phones.get("別の端末", "Android")
    sent = {}
    for phone in (first, second):
        phone.browser.on("request", lambda request, phone=phone: sent.setdefault(phone.label, request.headers))
        phone.browser.goto("/netbank/")
    assert sent["iPhone"][DEVICE_HEADER.lower()] == first.identity
    assert sent["別の端末"][DEVICE_HEADER.lower()] == second.identity != first.identity
    copied = first.context.storage_state()
    assert first.identity not in str(copied)


def test_a_phone_reports_each_screen_it_displays_and_none_for_a_placeholder(phones, world_url):
    WorldClient(world_url).reset()
    phone = phones.default
    phone.browser.goto("/")
    phone.browser.goto("/netbank/customer-info")
    phone.browser.goto("/netbank/faq")  # no screen of the catalogue: it proves none
    phone.browser.title()  # a round trip, so the page's report has arrived
    assert phone.screens == ["S-TOP", "SID001"]


def test_a_phones_clock_skew_is_known_to_the_world_by_its_identity(phones, world_url):
    world = WorldClient(world_url)
    phones.default.skew_clock(world, 90)
    assert world.clock()["skews"][phones.default.identity] == 90
    assert phones.default.clock_offset == 90


def test_the_bank_tells_two_phones_of_one_customer_apart(phones, world_url):
    from pages.login import LoginPage

    world = WorldClient(world_url)
    world.reset()
    first, second = phones.default, phones.get("2台目", "Android")
    persona = world.persona("active", known_devices=[first.identity, second.identity])
    for phone in (first, second):
        login = LoginPage(phone.browser)
        login.open()
        login.log_in(persona["login_id"], persona["login_password"])
        phone.browser.wait_for_url("**/netbank/home")
    devices = [entry["detail"]["device"] for entry in world.journal(kind="login")]
    assert devices == [first.identity, second.identity]


def test_a_phone_needs_its_clock_set_only_once_the_world_clock_was_moved():
    """A scenario that stopped the clock before it first needed a phone still gets phones on the world's time."""
    from datetime import UTC, datetime, timedelta

    from pages.phones import on_real_time

    now = datetime.now(UTC)
    assert on_real_time({"now": now.isoformat(), "frozen": False, "skews": {}})
    assert not on_real_time({"now": now.isoformat(), "frozen": True, "skews": {}})
    assert not on_real_time({"now": now.isoformat(), "frozen": False, "skews": {"a" * 32: 30.0}})
    assert not on_real_time({"now": (now - timedelta(seconds=40)).isoformat(), "frozen": False, "skews": {}})
