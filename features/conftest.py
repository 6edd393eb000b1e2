"""Acceptance harness: every scenario on every device of the matrix, each phone in a fresh context, a fresh world."""

from __future__ import annotations

import pytest

from pages.devices import DEVICES
from pages.phones import Phone, Phones, on_real_time
from reporting.accessibility import FOUND, failure
from reporting.evidence import PHONES, RECORD, gather, unproven

FAILED_AFTER_STEPS = pytest.StashKey[bool]()  # a check after the steps failed the run: keep its trace


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each scenario once per device in --matrix (plus PC where tagged @PC; on PC alone where tagged @PC-ONLY)."""
    if "device_profile" not in metafunc.fixturenames:
        return
    names = [n.strip() for n in metafunc.config.getoption("matrix").split(",") if n.strip()]
    unknown = [n for n in names if n not in DEVICES]
    if unknown:
        raise pytest.UsageError(f"--matrix: unknown device(s) {unknown}; known: {', '.join(DEVICES)}")
    if metafunc.definition.get_closest_marker("PC-ONLY"):
        names = ["PC"]
    elif metafunc.definition.get_closest_marker("PC") and "PC" not in names:
        names.append("PC")
    metafunc.parametrize("device_profile", [DEVICES[n] for n in names], ids=names, indirect=True)


@pytest.fixture(autouse=True)
def device_profile(request: pytest.FixtureRequest):
    """The device this run of the scenario is on (named so as not to clash with pytest-playwright's --device)."""
    return request.param


@pytest.fixture
def phones(request: pytest.FixtureRequest, new_context, device_profile, playwright, world):
    """The scenario's phones by name: one of the matrix's kind, and any other its steps name; their clocks follow the world's."""
    held = Phones(traced(new_context, request), playwright, device_profile, headers=world.headers)
    request.node.stash[PHONES] = held
    state = world.clock()
    if not on_real_time(state):  # a step moved the world before the scenario first needed a phone
        held.follow(state)
    world.clock_watchers.append(held.follow)
    yield held
    world.clock_watchers.remove(held.follow)
    held.collect_screens()  # a page still loading when the last step passed has not reported its screen yet


def traced(new_context, request: pytest.FixtureRequest):
    """new_context, whose trace under --tracing=retain-on-failure records each action's page (DOM snapshots),
    network, console and sources, but not pytest-playwright's filmstrip of screencast frames: that cost a seventh
    of the suite's time (68 runs: 87 s with them, 75 s without), and the report's step screenshots and the
    failure's own screenshot show the screen. --tracing=on keeps Playwright's whole trace."""
    if request.config.option.tracing != "retain-on-failure":
        return new_context

    def make(**args):
        context = new_context(**args)
        context.tracing.stop()  # pytest-playwright's, with the filmstrip: dropped before anything was recorded
        context.tracing.start(title=request.node.name, screenshots=False, snapshots=True, sources=True)
        return context

    return make


@pytest.fixture
def phone(phones: Phones) -> Phone:
    """The scenario's phone when its steps name none."""
    return phones.default


@pytest.fixture
def context(phone: Phone):
    """The browser context of the scenario's phone."""
    return phone.context


@pytest.fixture
def page(phone: Phone):
    """The scenario's phone's web browser."""
    return phone.browser


@pytest.fixture(autouse=True)
def bank_time(request: pytest.FixtureRequest, embedded_bank):
    """How long the embedded bank spent answering this run's requests, in its record (benchmarks/where.py)."""
    before = embedded_bank.busy_seconds if embedded_bank else None
    yield
    record = request.node.stash.get(RECORD, None)
    if before is not None and record is not None:
        record.setdefault("time", {})["bank"] = round(embedded_bank.busy_seconds - before, 3)


@pytest.fixture(autouse=True)
def fresh_world(world):
    """Each scenario starts from an empty world and real time."""
    world.reset()


@pytest.fixture(autouse=True)
def failure_artifacts(request: pytest.FixtureRequest):
    """A passed run leaves pytest-playwright no trace to zip and no screenshot to take as its contexts close.

    Set up before the checks below, so torn down after them (a run they fail keeps its trace), and before the
    contexts close: it asks for new_context as it starts. (Asked for by name, not as an argument: an argument
    would parametrize every scenario by browser and change every run's ID.)
    """
    request.getfixturevalue("new_context")
    yield
    call = getattr(request.node, "rep_call", None)
    if call is None or not call.passed or request.node.stash.get(FAILED_AFTER_STEPS, False):
        return
    options = request.config.option
    if options.tracing != "on" and options.screenshot != "on" and (phones := request.node.stash.get(PHONES, None)):
        phones.drop_failure_artifacts()


@pytest.fixture(autouse=True)
def tags_proven(request: pytest.FixtureRequest, world):
    """A tag is a claim: after a passing run, every screen, rule, page and journey tag must have evidence."""
    yield
    record = request.node.stash.get(RECORD, None)
    call = getattr(request.node, "rep_call", None)
    if record is None or call is None or not call.passed:
        return
    record["evidence"] = gather(request.node.stash.get(PHONES, None), world.journal())
    record["unproven"] = unproven(record["scenario"]["tags"], record["evidence"])
    if record["unproven"]:
        request.node.stash[FAILED_AFTER_STEPS] = True
        pytest.fail(
            "tags without evidence: "
            + " ".join(f"@{t}" for t in record["unproven"])
            + f" (screens shown: {record['evidence']['screens']}, rules applied: {record['evidence']['rules']})",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def accessible(request: pytest.FixtureRequest):
    """Every screen state the scenario showed first in the run passed axe-core's WCAG 2.0/2.1 A and AA rules."""
    yield
    found = request.node.stash.get(FOUND, [])
    record = request.node.stash.get(RECORD, None)
    if record is not None:
        record["accessibility"] = found
    call = getattr(request.node, "rep_call", None)
    message = failure(found)
    if message and call is not None and call.passed:
        request.node.stash[FAILED_AFTER_STEPS] = True
        pytest.fail(message, pytrace=False)
