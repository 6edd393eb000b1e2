"""Steps on time (R-OTP-60): the world clock stopped, and a phone's own clock off JST (steps/codes.py moves it on)."""

from __future__ import annotations

from datetime import datetime

from pytest_bdd import given, parsers


@given("時計は止まっている")
def clock_stopped(world):
    """The world clock stands still at 10 seconds past a minute, so a step's drift lands on known minutes."""
    world.freeze(datetime.fromisoformat(world.clock()["now"]).replace(second=10, microsecond=0))


@given(parsers.re(r"このスマートフォンの時計は(?P<seconds>-?\d+)秒ずれている"))
def phone_clock_off(phone, world, seconds):
    phone.skew_clock(world, int(seconds))
