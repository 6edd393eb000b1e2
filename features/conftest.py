"""Acceptance harness: every scenario on every device of the matrix, each in a fresh context and world."""
from __future__ import annotations

import pytest

from pages.devices import DEVICES


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each scenario once per device in --matrix (plus PC where the scenario is tagged @PC)."""
    if "device_profile" not in metafunc.fixturenames:
        return
    names = [n.strip() for n in metafunc.config.getoption("matrix").split(",") if n.strip()]
    unknown = [n for n in names if n not in DEVICES]
    if unknown:
        raise pytest.UsageError(f"--matrix: unknown device(s) {unknown}; known: {', '.join(DEVICES)}")
    if metafunc.definition.get_closest_marker("PC") and "PC" not in names:
        names.append("PC")
    metafunc.parametrize("device_profile", [DEVICES[n] for n in names], ids=names, indirect=True)


@pytest.fixture(autouse=True)
def device_profile(request: pytest.FixtureRequest):
    """The device this run of the scenario is on (named so as not to clash with pytest-playwright's --device)."""
    return request.param


@pytest.fixture
def context(new_context, device_profile, playwright):
    """A fresh browser context per scenario, dressed as the device."""
    return new_context(**device_profile.context_args(playwright))


@pytest.fixture(autouse=True)
def fresh_world(world):
    """Each scenario starts from an empty world and real time."""
    world.reset()
