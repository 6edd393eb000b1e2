"""The report's filters and search, in Chromium from file://: they hide the scenarios that do not match, fetch nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.test_report_top import render, scenario

TITLES = ("ログインIDを登録する", "電話で本人確認する", "パソコンで見る")


@pytest.fixture
def report(tmp_path, browser):
    """A report of three scenarios, opened from disk, with every request it makes recorded."""
    records = [
        scenario("iPhone", "passed", TITLES[0], line=10, tags=("S-ID", "J-NEW", "P6")),
        scenario("Android", "passed", TITLES[0], line=10, tags=("S-ID", "J-NEW", "P6")),
        scenario("iPhone", "failed", TITLES[1], line=20, tags=("S-TEL", "R-TEL-120", "P13")),
        scenario("Android", "passed", TITLES[1], line=20, tags=("S-TEL", "R-TEL-120", "P13")),
        scenario("PC", "passed", TITLES[2], line=30, tags=("PC", "S-TOP")),
    ]
    render(tmp_path, records)
    page = browser.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto((tmp_path / "index.html").as_uri())
    yield page
    page.close()


def shown(page) -> list[str]:
    """The titles of the scenarios the page shows now."""
    return page.locator("details.scenario:visible").evaluate_all("all => all.map(e => e.dataset.title)")


def test_each_filter_and_the_search_hide_the_scenarios_that_do_not_match(report):
    page = report
    assert shown(page) == list(TITLES)
    page.get_by_label("失敗", exact=True).check()
    assert shown(page) == [TITLES[1]]
    assert page.locator("#shown").inner_text() == "1 / 3 件を表示"
    page.get_by_label("不安定", exact=True).check()
    assert shown(page) == [TITLES[1]], "failed on iPhone and passed on Android: flaky"
    page.get_by_label("成功", exact=True).check()
    assert shown(page) == [TITLES[0], TITLES[2]]
    page.get_by_label("すべて", exact=True).check()

    page.get_by_label("端末").select_option("PC")
    assert shown(page) == [TITLES[2]]
    page.get_by_label("端末").select_option("Android")
    assert shown(page) == [TITLES[0], TITLES[1]]
    page.get_by_label("失敗", exact=True).check()
    assert shown(page) == [], "nothing failed on Android"
    page.get_by_role("button", name="条件を消す").click()
    assert shown(page) == list(TITLES)

    for tag, titles in (("R-TEL-120", [TITLES[1]]), ("J-NEW", [TITLES[0]]), ("P13", [TITLES[1]]), ("PC", [TITLES[2]])):
        page.get_by_label("タグ").select_option(tag)
        assert shown(page) == titles, tag
    page.get_by_label("タグ").select_option("")

    page.get_by_label("シナリオ名").fill("ｉｄを")  # full-width, lower case: finds 「IDを」
    assert shown(page) == [TITLES[0]]
    page.get_by_label("シナリオ名").fill("電話")
    assert shown(page) == [TITLES[1]]
    assert page.locator("section.feature:visible").count() == 1
    page.get_by_label("シナリオ名").fill("どこにもない")
    assert shown(page) == [] and page.locator("section.feature:visible").count() == 0
    assert [url for url in page.requests if not url.startswith(("file://", "data:"))] == []


def test_a_link_to_a_failure_shows_it_even_when_a_filter_hid_it(report):
    page = report
    page.get_by_label("シナリオ名").fill("パソコン")
    assert shown(page) == [TITLES[2]]
    page.locator("#failed-count").click()
    failure = page.locator("#F01-customer_info-iPhone")
    expect(failure).to_be_visible()  # the report shows it on hashchange: wait for it, as a reader would
    assert shown(page) == list(TITLES), "the filters were cleared to show it"
    assert page.locator("#verdict").get_by_role("link", name="電話で本人確認する").count() == 1
