"""--shard K/N: each scenario run in exactly one shard, balanced by recorded durations, even by count without them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from reporting import history, shards


def items(count: int) -> list[SimpleNamespace]:
    """Stand-ins for pytest items: the split reads only their node IDs."""
    return [SimpleNamespace(nodeid=f"features/test_features.py::test_{n:02d}[iPhone]") for n in range(count)]


@pytest.mark.parametrize("count, of", [(7, 2), (509, 8), (3, 5)])
def test_every_run_lands_in_exactly_one_shard_and_a_fresh_clone_splits_evenly_by_count(count, of):
    collected = items(count)
    groups = shards.split(collected, of, {})
    ids = [item.nodeid for group in groups for item in group]
    assert sorted(ids) == sorted(item.nodeid for item in collected)
    assert max(map(len, groups)) - min(map(len, groups)) <= 1


def test_each_shard_keeps_collection_order():
    collected = items(9)
    for group in shards.split(collected, 3, {item.nodeid: float(n % 4) for n, item in enumerate(collected)}):
        assert group == sorted(group, key=collected.index)


def test_recorded_durations_balance_the_shards_by_time_not_count():
    collected = items(6)
    long_one = collected[2].nodeid
    timed = {item.nodeid: 1.0 for item in collected} | {long_one: 5.0}
    first, second = shards.split(collected, 2, timed)
    alone, rest = (first, second) if any(i.nodeid == long_one for i in first) else (second, first)
    assert [item.nodeid for item in alone] == [long_one]
    assert len(rest) == 5


def test_every_shard_of_one_split_computes_the_same_plan():
    collected = items(20)
    timed = {item.nodeid: (n * 7 % 5) + 0.5 for n, item in enumerate(collected)}
    picks = [shards.select(list(collected), k, 4, timed) for k in range(1, 5)]
    assert len({manifest["plan"] for _, _, manifest in picks}) == 1
    chosen = [item.nodeid for mine, _, _ in picks for item in mine]
    assert sorted(chosen) == sorted(item.nodeid for item in collected)
    assert sum(manifest["selected"] for _, _, manifest in picks) == picks[0][2]["collected"] == 20
    mine, others, _ = picks[0]
    assert not {i.nodeid for i in mine} & {i.nodeid for i in others}


def test_the_newest_recorded_duration_of_each_run_counts():
    runs = [{"durations": {"a": 9.0, "b": 2.0}}, {"durations": {"a": 3.0}}, {"results": {}}]
    assert shards.durations(runs) == {"a": 3.0, "b": 2.0}


def test_the_history_line_records_each_runs_seconds_by_node_id():
    record = {
        "key": "test_x",
        "device": "iPhone",
        "outcome": "passed",
        "nodeid": "f.py::test_x[iPhone]",
        "duration": 1.234,
    }
    assert history.run_summary("r", "t", 1.0, [record])["durations"] == {"f.py::test_x[iPhone]": 1.23}


@pytest.mark.parametrize("text", ["2/8", " 1 / 1 "])
def test_a_shard_is_written_k_of_n(text):
    assert shards.parse(text) in {(2, 8), (1, 1)}


@pytest.mark.parametrize("text", ["0/8", "9/8", "2", "2/0", "a/b", ""])
def test_a_shard_outside_one_to_n_is_a_usage_error(text):
    with pytest.raises(pytest.UsageError, match="--shard"):
        shards.parse(text)


def manifest(shard: int, of: int = 3, plan: str = "p", selected: int = 2) -> dict:
    return {"shard": shard, "of": of, "collected": 6, "selected": selected, "plan": plan}


def test_the_merge_accepts_a_whole_split_and_names_what_is_missing_doubled_or_from_another_plan():
    assert shards.check([manifest(1), manifest(2), manifest(3)]) == []
    assert shards.check([manifest(1), manifest(3)]) == ["missing shard(s) 2/3"]
    assert shards.check([manifest(1), manifest(2), manifest(2), manifest(3)]) == ["shard(s) given twice: 2/3"]
    assert "plans differ" in shards.check([manifest(1), manifest(2), manifest(3, plan="q")])[0]
    assert shards.check([manifest(1), manifest(2), manifest(3, selected=1)]) == ["the shards ran 5 of 6 collected runs"]
    assert shards.check([]) == ["no shard folder has a shard.json"]


def test_only_the_newest_runs_keep_their_durations_in_the_history(tmp_path):
    path = tmp_path / "history.jsonl"
    record = {"key": "test_x", "device": "iPhone", "outcome": "passed", "nodeid": "f.py::test_x[iPhone]", "duration": 1}
    for number in range(history.KEEP_DURATIONS + 3):
        runs = history.append(path, history.run_summary(str(number), "t", 1.0, [record]))
    kept = [run["run_id"] for run in history.load(path) if "durations" in run]
    assert kept == [run["run_id"] for run in runs[-history.KEEP_DURATIONS :]]
