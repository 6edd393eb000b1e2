"""WorldClock: JST, frozen, set, advanced, skewed per device, reset; exact because frozen, never slept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mockbank import clock as clock_module
from mockbank.clock import JST, WorldClock

MOMENT = datetime(2025, 4, 1, 9, 0, 0, tzinfo=JST)


@pytest.fixture
def world_clock():
    """A fresh WorldClock, frozen at 2025-04-01 09:00 JST."""
    clock = WorldClock()
    clock.freeze(MOMENT)
    return clock


def test_tells_the_time_in_jst_with_its_zone():
    now = WorldClock().now()
    assert now.tzinfo is not None
    assert now.utcoffset() == timedelta(hours=9)


def test_runs_with_real_time_when_fresh():
    before = datetime.now(UTC)
    now = WorldClock().now()
    after = datetime.now(UTC)
    assert before <= now <= after


def test_stands_still_once_frozen(world_clock):
    assert world_clock.now() == MOMENT
    assert world_clock.now() == MOMENT


def test_freezes_where_it_stands_when_given_no_time():
    clock = WorldClock()
    before = clock.now()
    clock.freeze()
    frozen = clock.now()
    assert before <= frozen <= datetime.now(UTC)
    assert clock.now() == frozen


def test_takes_a_naive_time_as_jst():
    clock = WorldClock()
    clock.freeze(datetime(2025, 4, 1, 9, 0, 0))
    assert clock.now() == MOMENT
    assert clock.now().isoformat() == "2025-04-01T09:00:00+09:00"


def test_shows_a_time_given_in_another_zone_in_jst():
    clock = WorldClock()
    clock.freeze(datetime(2025, 4, 1, 0, 0, 0, tzinfo=UTC))
    assert clock.now().isoformat() == "2025-04-01T09:00:00+09:00"


def test_advances_a_frozen_clock_by_exactly_the_seconds_given(world_clock):
    world_clock.advance(120)
    assert world_clock.now() == MOMENT + timedelta(seconds=120)
    world_clock.advance(0.5)
    assert world_clock.now() == MOMENT + timedelta(seconds=120.5)


def test_goes_back_when_advanced_by_negative_seconds(world_clock):
    world_clock.advance(-3600)
    assert world_clock.now() == MOMENT - timedelta(hours=1)


def test_advances_a_running_clock_too():
    clock = WorldClock()
    clock.advance(86400)
    clock.freeze()
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert timedelta(0) <= tomorrow - clock.now() < timedelta(seconds=5)


def test_set_keeps_a_frozen_clock_frozen_at_the_new_time(world_clock):
    later = datetime(2030, 1, 2, 3, 4, 5, tzinfo=JST)
    world_clock.set(later)
    assert world_clock.now() == later
    assert world_clock.state()["frozen"] is True


def test_set_lets_a_running_clock_run_on_from_the_new_time():
    clock = WorldClock()
    clock.set(datetime(2030, 1, 2, 3, 4, 5))
    assert clock.state()["frozen"] is False
    clock.freeze()
    elapsed = clock.now() - datetime(2030, 1, 2, 3, 4, 5, tzinfo=JST)
    assert timedelta(0) <= elapsed < timedelta(seconds=5)


def test_unfreezing_runs_on_from_where_it_stood(world_clock):
    world_clock.unfreeze()
    assert world_clock.state()["frozen"] is False
    world_clock.freeze()
    assert timedelta(0) <= world_clock.now() - MOMENT < timedelta(seconds=5)


def test_shows_a_skewed_device_the_world_time_shifted(world_clock):
    world_clock.skew("iPhone", 45)
    world_clock.skew("Android", -30)
    assert world_clock.now("iPhone") == MOMENT + timedelta(seconds=45)
    assert world_clock.now("Android") == MOMENT - timedelta(seconds=30)
    assert world_clock.now("PC") == MOMENT
    assert world_clock.now() == MOMENT


def test_replaces_a_device_skew_when_skewed_again(world_clock):
    world_clock.skew("iPhone", 45)
    world_clock.skew("iPhone", 10)
    assert world_clock.now("iPhone") == MOMENT + timedelta(seconds=10)


def test_a_skewed_device_moves_with_the_world(world_clock):
    world_clock.skew("iPhone", 45)
    world_clock.advance(60)
    assert world_clock.now("iPhone") == MOMENT + timedelta(seconds=105)


def test_reports_now_frozen_and_skews_as_its_state(world_clock):
    world_clock.skew("iPhone", 45)
    assert world_clock.state() == {"now": "2025-04-01T09:00:00+09:00", "frozen": True, "skews": {"iPhone": 45.0}}


def test_reset_returns_to_real_time_unfrozen_without_skews(world_clock):
    world_clock.skew("iPhone", 45)
    world_clock.advance(10**6)
    world_clock.reset()
    state = world_clock.state()
    assert state["frozen"] is False
    assert state["skews"] == {}
    assert abs(world_clock.now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_the_running_app_keeps_its_clock_in_the_database_for_every_process(app):
    with app.app_context():
        clock_module.world_clock().freeze(MOMENT)
        clock_module.world_clock().skew("iPhone", 45)
        assert clock_module.now() == MOMENT
    with app.app_context():  # a context of its own, as another worker process would read it
        assert clock_module.now() == MOMENT
        assert clock_module.world_clock().now("iPhone") == MOMENT + timedelta(seconds=45)
        assert clock_module.world_clock().state()["frozen"] is True
