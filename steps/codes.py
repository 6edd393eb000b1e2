"""The app's codes (R-OTP-60, R-APP-BIND): what they should be, asked of the world through the control API, never computed here."""

from __future__ import annotations

import re

CHECK_SPAN = 10  # s: as long as a check of the app's code may wait for it, either side of now
STEP = 60  # s: the code changes every 60 seconds (R-OTP-60)
# How a step names one of the customer's devices: 「iPhone」, 「新しいスマートフォン（Android）」, 「指紋のiPhone（iPhone SE）」.
PHONE = r"「(?P<label>[^（」]+)(?:（(?P<kind>iPhone SE|iPhone|Android|PC)）)?」"


def expected_code(phone, world, seed: str) -> str:
    """The code the app on `phone` should show now: the seed joined with the phone's identity, at the phone's time."""
    return world.codes(seed, phone.identity, phone.now(world.clock()))[0]


def expected_codes(phone, world, seeds: list[str]) -> re.Pattern:
    """The codes the app on `phone` may show while a check waits on it: the minute can turn on a running clock."""
    now, offsets = phone.now(world.clock()), list(range(-CHECK_SPAN, CHECK_SPAN + 1, 2))
    codes = {code for seed in seeds for code in world.codes(seed, phone.identity, now, offsets)}
    return re.compile("^(?:" + "|".join(sorted(codes)) + ")$")


def a_wrong_code(phone, world, seed: str) -> str:
    """Six digits the token shows on `phone` at no minute within ten of now: a code that cannot log in."""
    near = set(world.codes(seed, phone.identity, phone.now(world.clock()), [STEP * s for s in range(-10, 11)]))
    return next(f"{n:06d}" for n in range(123456, 10**6) if f"{n:06d}" not in near)
