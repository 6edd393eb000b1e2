"""T-PHONE on an emulated phone: the dialler a `tel:` link stands in for, found by its labels, dialling the bank."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from flask import Flask, request
from playwright.sync_api import expect

from mockbank.control.client import WorldClient
from mockbank.phone.service import BANK_CALLS_PATH
from mockbank.server import BackgroundServer
from pages.devices import DEVICES
from pages.phones import Phones
from tests.settings import bank_settings, stop_mail_capture


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The mock world on localhost, delivering calls to a fake bank of its own that keeps what it took."""
    from mockbank import create_app

    bank, taken = Flask("fake_bank"), []
    bank.add_url_rule(
        BANK_CALLS_PATH, "take", lambda: taken.append(request.get_json()) or {"proved": True}, methods=["POST"]
    )
    bank_server = BackgroundServer(bank).start()
    app = create_app(
        bank_settings(tmp_path_factory.mktemp("dial") / "w.sqlite", BANK_URL=bank_server.url, WTF_CSRF_ENABLED=True)
    )
    server = BackgroundServer(app).start()
    yield SimpleNamespace(url=server.url, client=WorldClient(server.url), taken=taken)
    server.stop()
    bank_server.stop()
    stop_mail_capture(app)


@pytest.fixture
def phones(playwright, browser, world):
    """Phones of an Android run of the matrix, the world emptied first."""
    world.client.reset()
    world.taken.clear()
    held = Phones(lambda **args: browser.new_context(base_url=world.url, **args), playwright, DEVICES["Android"])
    yield held
    for phone in held.all():
        phone.context.close()


def test_a_phone_with_a_line_dials_the_banks_number_withheld_and_goes_back_to_the_browser(phones, world):
    phone = phones.default
    phones.give_line(phone, "080-2222-3333")
    page = phone.browser
    page.goto("/netbank/")
    page.goto("/phone/dial?to=0120-860-310", referer=world.url + "/netbank/")  # as a link on the bank's page leads
    expect(page.get_by_role("heading", level=1, name="電話", exact=True)).to_be_visible()
    expect(page.get_by_label("この電話の番号")).to_have_text("080-2222-3333")
    expect(page.get_by_label("発信先")).to_have_value("0120-860-310")
    expect(page.get_by_label("番号通知", exact=True)).to_be_checked()
    page.get_by_label("非通知", exact=True).check()
    page.get_by_role("button", name="発信", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(re.compile(r"呼出音が[23]回鳴ったあと、電話が切れました。"))
    assert world.taken == [{**world.taken[0], "caller": None, "called": "0120860310"}]
    (entry,) = world.client.journal(kind="call")
    assert (entry["detail"]["line"], entry["detail"]["caller_id_shown"]) == ("08022223333", False)
    page.get_by_role("link", name="ダイヤルキャンセル", exact=True).click()
    expect(page).to_have_url(re.compile(r"/netbank/$"))
    assert phone.screens.count("T-PHONE") == 2


def test_a_phone_without_a_line_asks_for_its_number_and_refuses_a_bad_one_on_the_same_screen(phones, world):
    page = phones.default.browser
    page.goto("/phone/dial?to=0120-860-310")
    page.get_by_label("この電話の番号").fill("でんわ")
    page.get_by_role("button", name="発信", exact=True).click()
    expect(page.get_by_role("alert")).to_have_text("この電話の番号は数字とハイフン（-）で入力してください。")
    assert world.client.journal(kind="call") == []
    page.get_by_label("この電話の番号").fill("017-777-1234")
    page.get_by_label("発信先").fill("184" + page.get_by_label("発信先").input_value())
    page.get_by_role("button", name="発信", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("電話が切れました")
    assert world.taken[0]["caller"] is None


def test_the_control_api_call_reaches_the_bank_like_a_dialled_one(world):
    world.client.reset()
    world.taken.clear()
    call = world.client.call("080-2222-3333")
    assert call["delivered"] and world.taken[0]["caller"] == "08022223333"
