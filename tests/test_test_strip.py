"""The テスト用 strip (base.html): what the mock keeps that the manual's screens lack, apart, and hidden at will.

S-TOKEN's メールを再送信する and つないでネ！ットトップへ, and ログイン's ログインIDをお忘れの方, are not on the manual's
screens (P7, P13, P17). They sit in one strip labelled テスト用 below the screen, shown in test mode unless
SHOW_TEST_STRIP (MOCKBANK_SHOW_TEST_STRIP) says otherwise, so that a screenshot of a normal run matches the manual.
"""

from __future__ import annotations

import re

import pytest

from tests.forms import text
from tests.settings import environment_settings
from tests.setup_forms import log_in

TOKEN = "/netbank/otp-application/token"
STRIP = re.compile(r'<aside class="test-strip" aria-labelledby="test-strip-label">(.*?)</aside>', re.S)


def parts(page: str) -> tuple[str, str]:
    """(the screen, the テスト用 strip) of a page; the strip is "" when there is none."""
    screen = re.search(r"<main>(.*?)</main>", page, re.S).group(1)
    strip = STRIP.search(page)
    return screen, strip.group(1) if strip else ""


def token_page(app) -> str:
    persona = app.test_client().post("/_control/personas", json={"kind": "new", "otp": "issued"}).get_json()
    return text(log_in(app, persona).get(TOKEN))


@pytest.mark.parametrize("address", ["/netbank/login", "/netbank/first-login"])
def test_the_lost_id_link_is_in_the_test_strip_not_on_the_login_screen(client, address):
    screen, strip = parts(text(client.get(address)))
    assert '<p class="test-strip-label" id="test-strip-label">テスト用</p>' in strip
    assert '<a href="/netbank/login-id/lost">ログインIDをお忘れの方</a>' in strip
    assert "ログインIDをお忘れの方" not in screen


def test_s_tokens_way_to_the_top_is_in_the_test_strip(app):
    screen, strip = parts(token_page(app))
    assert '<a href="/netbank/home">つないでネ！ットトップへ</a>' in strip
    assert "つないでネ！ットトップへ" not in screen and "メールを再送信する" not in screen


def test_a_screen_with_nothing_of_the_mocks_own_has_no_strip(client):
    assert "test-strip" not in text(client.get("/netbank/customer-info"))


def test_with_the_strip_off_the_screens_are_the_manuals_alone(make_app):
    quiet = make_app(SHOW_TEST_STRIP=False)
    for page in (text(quiet.test_client().get("/netbank/login")), token_page(quiet)):
        assert "テスト用" not in page and "test-strip" not in page
        for extra in ("ログインIDをお忘れの方", "つないでネ！ットトップへ", "メールを再送信する"):
            assert extra not in page
    assert "下記内容でトークン発行を受けました。" in token_page(quiet)


def test_the_lost_id_page_itself_still_answers_with_the_strip_off(make_app):
    page = text(make_app(SHOW_TEST_STRIP=False).test_client().get("/netbank/login-id/lost"))
    assert "<h1>ログインIDをお忘れの方</h1>" in page


@pytest.mark.parametrize(
    ("environ", "shown"),
    [({}, None), ({"SHOW_TEST_STRIP": "0"}, False), ({"SHOW_TEST_STRIP": "on"}, True)],
)
def test_the_setting_comes_from_the_environment(monkeypatch, environ, shown):
    assert environment_settings(monkeypatch, **environ).get("SHOW_TEST_STRIP", None) is shown


def test_the_strip_follows_test_mode_unless_told(make_app):
    assert make_app().config["SHOW_TEST_STRIP"] is True  # the tests' bank runs in test mode
    assert make_app(TEST_MODE=False).config["SHOW_TEST_STRIP"] is False
    assert make_app(TEST_MODE=False, SHOW_TEST_STRIP=True).config["SHOW_TEST_STRIP"] is True
