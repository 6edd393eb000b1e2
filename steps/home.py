"""Steps on S-HOME つないでネ！ット トップページ (P7, P17)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import then

from pages.home import HomePage


@pytest.fixture
def home_page(page: Page) -> HomePage:
    """つないでネ！ット トップページ (S-HOME) on the scenario's phone."""
    return HomePage(page)


@then("つないでネ！ットのトップページにお客さまの名前と口座が表示される")
def home_shows_customer(home_page, persona):
    expect(home_page.heading).to_be_visible()
    expect(home_page.customer_name).to_have_text(persona["name"])
    expect(home_page.account_row(persona["account_kind"], persona["account_number"])).to_be_visible()
