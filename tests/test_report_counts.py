"""One truth for counts: the report and the coverage map say the same number, counted by evidence, in the same words."""

from __future__ import annotations

import re

from reporting.coverage import scenarios_by_tag
from tests.test_report_top import render
from tests.test_reports import FEATURES, record

COUNT = re.compile(r'<span class="coverage-count" data-section="([^"]+)">([^<]+)</span>')


def counts_in(html: str) -> dict[str, set[str]]:
    """Each section's coverage sentences as the page shows them."""
    found: dict[str, set[str]] = {}
    for section, text in COUNT.findall(html):
        found.setdefault(section, set()).add(text)
    return found


def test_the_report_and_the_coverage_map_count_evidence_alike(tmp_path):
    from reporting.coverage import build
    from reporting.html import write_coverage

    line = scenarios_by_tag(FEATURES)["R-ACCT-BRANCH"][0]["line"]
    # Tagged and passed, but the run showed none of its screen or rule: a tag, not evidence.
    nothing = {"screens": [], "rules": []}
    records = [
        record("iPhone", "passed", None, line=line),
        record("Android", "passed", None, line=line, evidence=nothing),
    ]
    index_html = render(tmp_path, records)
    index = counts_in(index_html)
    coverage = build(FEATURES, records)
    write_coverage(tmp_path / "coverage.html", coverage, {"started": "2026-11-27 09:00:00"})
    coverage_html = (tmp_path / "coverage.html").read_text(encoding="utf-8")
    mapped = counts_in(coverage_html)
    assert "件を検証" not in index_html + coverage_html, "no second way of counting"
    assert index.keys() == mapped.keys() == {s["title"] for s in coverage["sections"]}
    for section in coverage["sections"]:
        title, proven, total = section["title"], section["proven"], section["total"]
        assert len(index[title]) == 1 and index[title] == mapped[title], title
        assert next(iter(index[title])).startswith(f"{proven} / {total} 件を証拠で確認"), title
    screens = next(s for s in coverage["sections"] if s["title"] == "画面")
    assert screens["checked"] > screens["proven"], "tags alone are not counted as checked by either page"
