"""Steps on S-TOP (§2(1)): the bank's top page, つないでネ！ットご利用案内 and the entries it leads to."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from pages.top import ApplyPage, GuidePage, TopPage


@pytest.fixture
def top_page(page: Page) -> TopPage:
    """青森みちのく銀行 トップページ (S-TOP) on the scenario's phone."""
    return TopPage(page)


@pytest.fixture
def guide_page(page: Page) -> GuidePage:
    """つないでネ！ットご利用案内 (S-TOP) on the scenario's phone."""
    return GuidePage(page)


@pytest.fixture
def apply_page(page: Page) -> ApplyPage:
    """つないでネ！ットのお申込み (S-APPLY) on the scenario's phone."""
    return ApplyPage(page)


@when("青森みちのく銀行のトップページを開く")
def open_top(top_page):
    top_page.open()


@given("つないでネ！ットご利用案内を開いている")
def guide_open(guide_page):
    guide_page.open()


@when("青森みちのく銀行のトップページからお客様情報入力へ進む")
def from_top_to_customer_info(top_page, guide_page):
    top_page.open()
    top_page.go_to_guide()
    guide_page.choose("新規ご契約またはIDを初期化したお客さま")


@then("次の入口が表示される")
def entries_shown(guide_page, datatable):
    for (name,) in datatable[1:]:
        expect(guide_page.entry(name)).to_be_visible()


@then("つないでネ！ットご利用案内が表示される")
def guide_shown(guide_page):
    for name in GuidePage.ENTRIES:
        expect(guide_page.entry(name)).to_be_visible()


@then(parsers.re(r"「(?P<first>.+)」と「(?P<second>.+)」が案内される"))
def ways_to_apply_shown(apply_page, first, second):
    for way in (first, second):
        expect(apply_page.way(way)).to_be_visible()
