"""The harness's axe-core check: a broken label fails it by rule name; each screen state is checked once per run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reporting import shots
from reporting.accessibility import Checks, by_screen, failure, violations
from reporting.coverage import build
from reporting.html import write_coverage

ROOT = Path(__file__).parent.parent

PAGE = """<!doctype html><html lang="ja"><head><title>テスト</title></head>
<body data-screen="{screen}"><main><h1>お客様情報入力</h1>{body}</main></body></html>"""
LABELLED = '<label for="branch">店番</label><input id="branch" name="branch">'
UNLABELLED = '<span>店番</span><input id="branch" name="branch">'
ALERT = '<div role="alert"><p>店番を入力してください。</p></div>'


@pytest.fixture
def page(browser):
    """A bare browser page."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def show(page, body: str, screen: str = "SID001") -> None:
    page.set_content(PAGE.format(screen=screen, body=body))


def test_an_input_without_a_label_breaks_the_label_rule_and_the_failure_names_rule_element_and_help(page):
    show(page, UNLABELLED)
    found = violations(page)
    assert [v["rule"] for v in found] == ["label"]
    assert found[0]["elements"] == ["#branch"]
    message = failure(
        [{"screen": "SID001", "state": "view", "phone": "iPhone", "step": "もし 開く", "violations": found}]
    )
    assert (
        "SID001（初期表示, iPhone, after 「もし 開く」）: label (critical): Form elements must have labels — #branch"
        in message
    )
    assert "WCAG 2.0/2.1 A・AA" in message


def test_a_labelled_input_is_clean_and_a_clean_scenario_has_no_failure(page):
    show(page, LABELLED)
    assert violations(page) == []
    assert failure([{"screen": "SID001", "state": "view", "phone": "iPhone", "step": "s", "violations": []}]) is None


def test_low_contrast_text_breaks_a_level_aa_rule(page):
    show(page, LABELLED + '<p style="color:#bbb;background:#fff">受付時間</p>')
    assert [v["rule"] for v in violations(page)] == ["color-contrast"]


def test_each_screen_state_is_checked_once_per_run_and_a_visible_alert_is_the_error_state(page):
    checks = Checks()
    show(page, UNLABELLED)
    first = checks.check(page)
    assert (first["screen"], first["state"], [v["rule"] for v in first["violations"]]) == ("SID001", "view", ["label"])
    assert checks.check(page) is None  # the same screen state again: not checked twice
    show(page, LABELLED + ALERT)
    assert (checks.check(page)["state"], checks.check(page)) == ("error", None)
    show(page, LABELLED + ALERT.replace("<div", "<div hidden"))  # a hidden alert is no error shown
    assert checks.check(page) is None
    show(page, LABELLED, screen="S-ID")
    assert checks.check(page)["screen"] == "S-ID"


def test_workers_of_one_run_share_what_was_checked_and_a_worker_alone_keeps_its_own(page, tmp_path):
    one, other, apart = Checks(tmp_path / "axe"), Checks(tmp_path / "axe"), Checks()
    show(page, LABELLED)
    assert one.check(page)["screen"] == "SID001"
    assert other.check(page) is None  # another worker of the run checked it: not again
    assert apart.check(page)["screen"] == "SID001"  # another run (no shared folder) checks it
    show(page, LABELLED + ALERT)
    assert other.check(page)["state"] == "error" and one.check(page) is None


def test_the_state_the_steps_screenshot_read_is_used_once_then_the_page_is_asked_again(page, tmp_path):
    checks = Checks()
    show(page, LABELLED, screen="S-ID")
    shots.save(page, tmp_path)
    show(page, LABELLED, screen="S-TOP")  # the page moved after the screenshot: axe still checks what it read...
    assert checks.check(page) is None  # ...and finds, after its check, that the page shows another screen now
    assert checks.check(page)["screen"] == "S-TOP"  # the next step asks the page itself


def test_a_page_without_a_screen_id_is_not_checked(page):
    page.set_content("<html><body><input></body></html>")
    assert Checks().check(page) is None


def test_the_map_tells_per_screen_whether_it_was_checked_and_clean():
    label = {"rule": "label", "impact": "critical", "help": "h", "url": "", "elements": ["#branch"]}
    records = [
        {
            "evidence": {"screens": ["SID001", "S-ID", "S-TOP"]},
            "accessibility": [
                {"screen": "SID001", "state": "view", "violations": []},
                {"screen": "SID001", "state": "error", "violations": []},
                {"screen": "S-ID", "state": "error", "violations": [label]},
            ],
        }
    ]
    rows = {row["id"]: row for row in by_screen(records)}
    assert rows["SID001"]["status"] == "clean" and set(rows["SID001"]["states"]) == {"view", "error"}
    assert rows["S-ID"]["status"] == "violations"
    assert rows["S-TOP"]["status"] == "shown"  # shown, never checked
    assert rows["S-HOME"]["status"] == "none"


def test_the_coverage_page_shows_each_screen_checked_and_what_broke(tmp_path):
    label = {"rule": "label", "impact": "critical", "help": "h", "url": "", "elements": ["#branch"]}
    records = [
        {
            "feature": {"file": "customer_info.feature"},
            "scenario": {"line": 1},
            "device": "iPhone",
            "outcome": "passed",
            "evidence": {"screens": ["SID001", "S-TOP"], "rules": []},
            "accessibility": [{"screen": "SID001", "state": "error", "violations": [label]}],
        }
    ]
    write_coverage(tmp_path / "coverage.html", build(ROOT / "features", records), {"started": "2026-12-07"})
    html = (tmp_path / "coverage.html").read_text(encoding="utf-8")
    assert re.search(r'<tr class="a11y-SID001">.*?違反あり.*?－.*?label（#branch）', html, re.S)
    assert re.search(r'<tr class="a11y-S-TOP">.*?表示したが未検査', html, re.S)
    assert "0 / 2 画面で違反なし" in html
