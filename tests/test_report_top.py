"""The report's top leads to each failure in one click; flaky scenarios are marked; a device column only where it ran."""

from __future__ import annotations

import re
from pathlib import Path

from reporting import history
from reporting.coverage import build
from reporting.html import write_report
from tests.test_reports import FEATURES, record


def scenario(device: str, outcome: str, key: str = "test_x", line: int = 10, tags: tuple = (), **changes) -> dict:
    """A record of scenario `key` (its title is the key) on `device`."""
    made = record(device, outcome, None, line=line)
    made["key"] = key
    made["scenario"] = {
        **made["scenario"],
        "name": key,
        "title": key,
        "tags": sorted({*made["scenario"]["tags"], *tags}),
    }
    return {**made, **changes}


def render(tmp_path: Path, records: list[dict], earlier: list[list[dict]] = ()) -> str:
    """index.html built from `records`, after earlier runs in the history; returns its HTML."""
    path = tmp_path / "history" / "history.jsonl"
    for number, runs in enumerate(earlier):
        history.append(path, history.run_summary(f"r{number}", "2026-11-26 09:00:00", 1.0, runs))
    run = history.run_summary("now", "2026-11-27 09:00:00", 3.0, records)
    write_report(tmp_path / "index.html", records, history.append(path, run), run, build(FEATURES, records))
    return (tmp_path / "index.html").read_text(encoding="utf-8")


def scenario_block(html: str, title: str) -> str:
    """The <details> of the scenario titled `title`."""
    match = re.search(r'<details class="scenario"[^>]*data-title="' + re.escape(title) + r'".*?</details>', html, re.S)
    assert match, title
    return match.group(0)


def test_the_top_gives_the_verdict_and_links_each_failure_to_its_place(tmp_path):
    records = [
        scenario("iPhone", "passed", "ok"),
        scenario("iPhone", "failed", "broken", line=20),
        scenario("Android", "failed", "broken", line=20),
    ]
    html = render(tmp_path, records)
    top = html[: html.index('<div class="summary">')]
    assert "判定: 失敗あり" in top
    links = re.findall(r'<li><a href="#([^"]+)">', top)
    assert links == ["F01-customer_info-iPhone", "F02-customer_info-Android"]
    for anchor in links:
        assert f'<div class="failure" id="{anchor}">' in html, "each link lands on its failure"
    assert re.search(r'<a id="failed-count" class="failed" href="#F01-customer_info-iPhone">失敗 2</a>', top)
    assert "AssertionError: 画面が違います" in top, "the failure's message is at the top"


def test_a_run_without_failures_says_so_and_links_nothing(tmp_path):
    html = render(tmp_path, [scenario("iPhone", "passed"), scenario("Android", "passed")])
    assert "判定: すべて成功" in html
    assert '<span id="failed-count" class="failed">失敗 0</span>' in html
    assert '<ol class="problems">' not in html


def test_a_scenario_that_passed_and_failed_in_recent_runs_is_flaky_with_its_outcomes_shown(tmp_path):
    earlier = [[scenario("iPhone", "passed")], [scenario("iPhone", "failed")]]
    html = render(tmp_path, [scenario("iPhone", "passed"), scenario("iPhone", "passed", "steady", line=30)], earlier)
    flaky = scenario_block(html, "test_x")
    assert '<span class="badge flaky">不安定</span>' in flaky and 'data-flaky="1"' in flaky
    assert "iPhone の直近の実行で成功と失敗がある" in flaky
    marks = re.search(r"直近の結果（古い順）: iPhone <span class=\"marks\">(.*?)</span></span>", flaky).group(1)
    assert re.sub(r"<[^>]+>", "", marks) == "○×○"
    assert 'data-flaky="0"' in scenario_block(html, "steady") and "不安定" not in scenario_block(html, "steady")
    top = html[: html.index('<div class="summary">')]
    assert 'href="#customer_info-10"' in top, "a flaky scenario is listed at the top, linked to its place"
    assert "判定: 成功（不安定 1 件）" in top


def test_a_scenario_that_failed_on_one_device_and_passed_on_the_other_is_flaky(tmp_path):
    html = render(tmp_path, [scenario("iPhone", "failed"), scenario("Android", "passed")])
    block = scenario_block(html, "test_x")
    assert "この実行で端末によって成功と失敗に分かれた" in block and 'data-flaky="1"' in block


def test_a_device_column_appears_only_for_scenarios_that_ran_there_or_are_tagged_for_it(tmp_path):
    records = [
        scenario("iPhone", "passed", "phones_only"),
        scenario("Android", "passed", "phones_only"),
        scenario("iPhone", "passed", "on_pc", line=20, tags=("PC",)),
        scenario("Android", "passed", "on_pc", line=20, tags=("PC",)),
        scenario("PC", "passed", "on_pc", line=20, tags=("PC",)),
        scenario("iPhone", "passed", "tagged_pc_not_run", line=30, tags=("PC",)),
    ]
    html = render(tmp_path, records)
    assert "<th>PC</th>" not in scenario_block(html, "phones_only")
    assert "PC: 未実行" not in scenario_block(html, "phones_only")
    assert "<th>PC</th>" in scenario_block(html, "on_pc") and "PC: 成功" in scenario_block(html, "on_pc")
    assert "PC: 未実行" in scenario_block(html, "tagged_pc_not_run"), "@PC without a PC run says it did not run"
    assert "<th>Android</th>" not in scenario_block(html, "tagged_pc_not_run")


def test_without_a_pc_run_there_is_no_pc_column_at_all(tmp_path):
    html = render(tmp_path, [scenario("iPhone", "passed"), scenario("Android", "failed")])
    assert "<th>PC</th>" not in html and "PC:" not in html and '<option value="PC">' not in html


def test_repeated_runs_in_one_run_each_count_and_a_failed_one_is_listed(tmp_path):
    """burn-in repeats a scenario (--count): a failed repeat before a passed one still leads the page, marked flaky."""
    html = render(tmp_path, [scenario("iPhone", "failed"), scenario("iPhone", "passed"), scenario("iPhone", "passed")])
    top = html[: html.index('<div class="summary">')]
    assert re.findall(r'<li><a href="#([^"]+)">', top) == ["F01-customer_info-iPhone"]
    block = scenario_block(html, "test_x")
    assert '<div class="failure" id="F01-customer_info-iPhone">' in block
    assert "iPhone: 3 回中 失敗 1 回" in block and "iPhone の直近の実行で成功と失敗がある" in block
