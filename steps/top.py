"""Steps on S-TOP (§2(1)): the bank's top page and つないでネ！ットご利用案内 with its four entries."""

from __future__ import annotations

from pytest_bdd import given, then, when

from pages.top import GuidePage, TopPage


@when("青森みちのく銀行のトップページを開く")
def open_top(phone):
    phone.opened(TopPage)


@given("つないでネ！ットご利用案内を開いている")
def guide_open(phone):
    phone.opened(GuidePage)


@when("青森みちのく銀行のトップページからお客様情報入力へ進む")
def from_top_to_customer_info(phone):
    phone.screen(TopPage).start(GuidePage.NEW)


@then("次の入口が表示される")
def entries_shown(phone, datatable):
    phone.screen(GuidePage).expect_entries(name for (name,) in datatable[1:])


@then("つないでネ！ットご利用案内が表示される")
def guide_shown(phone):
    phone.screen(GuidePage).expect_shown()
