"""The benchmarks' own workings: the load walk registers every customer, percentiles, and reading pytest-repeat's runs."""

from __future__ import annotations

from benchmarks.floor import REPEAT, SCENARIOS, _chosen, summarise
from benchmarks.load import load, summary
from tests.settings import served_bank


def test_the_load_walk_registers_every_customer_with_the_forms_tokens(tmp_path):
    with served_bank(tmp_path / "load.sqlite", WTF_CSRF_ENABLED=True) as url:
        result = load(url, 3)
    assert result["errors"] == []
    assert result["registered"] == 3
    assert result["5xx"] == 0
    assert result["shown"]["n"] == 9 and result["checks passwords"]["n"] == 6


def test_a_summary_gives_the_median_the_95th_percentile_and_the_worst():
    assert summary([float(n) for n in range(1, 101)]) == {"n": 100, "p50": 50.5, "p95": 95.0, "max": 100.0}
    assert summary([]) == {"n": 0}


def test_runs_of_one_scenario_are_told_apart_from_other_scenarios_only_by_pytest_repeats_suffix():
    name = "test_店番は半角数字3桁で入力する[iPhone-0a1-店番は半角数字3桁で入力してください。-3-6]"
    assert REPEAT.sub("]", name) == "test_店番は半角数字3桁で入力する[iPhone-0a1-店番は半角数字3桁で入力してください。]"
    assert REPEAT.sub("]", "test_x[1-6]") == REPEAT.sub("]", "test_x[2-6]")
    refusal = next(s for s in SCENARIOS if s.key == "refusal")
    assert _chosen(refusal.select, REPEAT.sub("]", name))
    assert not _chosen(refusal.select, name.replace("0a1", "01"))


def test_the_floor_sets_each_way_of_the_harness_against_the_bare_script():
    refusal = next(s for s in SCENARIOS if s.key == "refusal")
    sides = {"on": [440.0, 460.0], "every": [520.0, 560.0], "off": [400.0, 420.0], "bare": [380.0, 420.0]}
    samples = {side: {refusal.name: times} for side, times in sides.items()}

    (row,) = summarise([refusal], samples)
    assert (row["harness_on_median_ms"], row["harness_every_median_ms"], row["bare_median_ms"]) == (450, 540, 400)
    assert (row["ratio_on_median"], row["ratio_every_median"], row["ratio_off_median"]) == (1.12, 1.35, 1.02)
    assert (row["ratio_on_min"], row["ratio_every_min"], row["ratio_off_min"]) == (1.16, 1.37, 1.05)


def test_where_the_time_went_adds_up_to_the_runs_wall_time():
    from benchmarks import where

    step = {"duration": 1.0}
    record = {
        "steps": [step, step],
        "time": {"setup": 0.2, "call": 3.0, "teardown": 0.3, "screenshots": 0.4, "axe": 0.1, "bank": 0.5},
    }
    results = {"environment": {"duration": 10.0}, "records": [record, record]}

    parts = dict(where.breakdown(results))
    assert round(sum(parts.values()), 6) == 10.0
    assert parts["steps: the phones' browser and the bank answering it"] == 4.0
    assert round(parts["between steps (pytest-bdd, hooks)"], 6) == 1.0  # 6.0 in calls, less steps, shots and axe
    assert round(parts["outside the runs (collection, idle workers)"], 6) == 3.0
    assert where.table(results).startswith("2 scenario runs, 10 s wall (12.0 runs a minute)")
    assert where.table(results).endswith("the embedded bank spent 1.0 s answering requests (control API included)")


def test_under_xdist_the_parts_are_shares_of_every_workers_time():
    from benchmarks import where

    record = {"steps": [{"duration": 5.0}], "time": {"setup": 0.5, "call": 8.0, "teardown": 1.5}}
    results = {"environment": {"duration": 10.0, "workers": 2}, "records": [record, record]}

    parts = dict(where.breakdown(results))
    assert round(sum(parts.values()), 6) == 20.0  # two workers for 10 s
    assert round(parts["outside the runs (collection, idle workers)"], 6) == 0.0
    table = where.table(results)
    assert table.startswith("2 scenario runs, 10 s wall (12.0 runs a minute, 2 workers: 20 s of their time)")
    assert "    10.0 s   50.0 %  steps" in table
