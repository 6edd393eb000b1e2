"""Accessibility in every run: each screen state a phone shows is checked once with axe-core (WCAG 2.0/2.1 A and AA).

After every step, each open page of each phone says which screen it shows (<body data-screen>) and in which
state: 初期表示, or エラー表示 when a message with role="alert" is visible. The first time a run meets a
(screen, state) it runs axe-core there (axe-playwright-python bundles it); the scenario's record keeps what
was checked and found, and features/conftest.py fails a scenario whose screens broke a rule, naming the
rule, the element and axe's help text. The report and the coverage map show per screen what was checked.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from mockbank.catalogue import SCREENS
from reporting import shots
from reporting.evidence import PHONES, RECORD

STANDARD = "WCAG 2.0/2.1 A・AA（JIS X 8341-3:2016 相当）"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
STATES = {"view": "初期表示", "error": "エラー表示"}
CHECKS = pytest.StashKey["Checks"]()
FOUND = pytest.StashKey[list]()  # what this scenario's steps checked first in the run


def violations(page, axe: Axe | None = None) -> list[dict]:
    """What axe-core finds against WCAG 2.0/2.1 A and AA on the page as it is now: rule, impact, help, elements."""
    found = (axe or Axe()).run(page, options=OPTIONS).response["violations"]
    return [
        {
            "rule": v["id"],
            "impact": v.get("impact"),
            "help": v["help"],
            "url": v.get("helpUrl"),
            "elements": [" ".join(node["target"]) for node in v["nodes"]],
        }
        for v in found
    ]


def describe(violation: dict) -> str:
    """One violation as a failure names it: rule, help text and the elements."""
    return f"{violation['rule']} ({violation['impact']}): {violation['help']} — {', '.join(violation['elements'])}"


class Checks:
    """One run's checks: each (screen, state) is checked once, on the first page that shows it.

    pytest-xdist's workers share the run's folder (`shared`): a worker leaves a mark there for each screen state it
    checked, and the others skip it. Two workers meeting a new one at the same moment may both check it: harmless.
    """

    def __init__(self, shared: Path | None = None) -> None:
        self.done: set[tuple[str, str]] = set()
        self.shared = shared
        self.axe = Axe()

    def check(self, page) -> dict | None:
        """Check what `page` shows now unless that screen state was checked already; the finding, or None."""
        try:
            shown = shots.shown_at_last_save(page)  # read with the step's screenshot, if it took one of this page
            if shown is shots.UNSEEN:
                shown = page.evaluate(shots.SHOWN)
            if not shown or self._checked(tuple(shown)):
                return None
            started = time.perf_counter()
            found = violations(page, self.axe)
            if page.evaluate(shots.SHOWN) != shown:  # the page moved on while axe read it: check it when it settles
                return None
        except PlaywrightError:  # the page navigated or closed meanwhile: the next step finds where it went
            return None
        self._mark(tuple(shown))
        return {
            "screen": shown[0],
            "state": shown[1],
            "violations": found,
            "seconds": round(time.perf_counter() - started, 3),
        }

    def _checked(self, shown: tuple[str, str]) -> bool:
        if shown in self.done:
            return True
        if self.shared is not None and self._mark_of(shown).exists():
            self.done.add(shown)
            return True
        return False

    def _mark(self, shown: tuple[str, str]) -> None:
        self.done.add(shown)
        if self.shared is not None:
            self.shared.mkdir(parents=True, exist_ok=True)
            self._mark_of(shown).touch()

    def _mark_of(self, shown: tuple[str, str]) -> Path:
        return self.shared / re.sub(r"[^A-Za-z0-9_-]", "_", ".".join(shown))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("mockbank reports").addoption(
        "--axe", choices=("on", "off"), default="on", help="check each screen state with axe-core (on by default)"
    )


@pytest.hookimpl(trylast=True)  # after reporting/plugin.py has registered the run's reporter
def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("axe") == "on":
        reporter = config.pluginmanager.get_plugin("mockbank-reporter")
        # pytest-xdist: the run's folder, which every worker shares (one process alone needs no marks)
        shared = reporter.results_dir / "axe-checked" if reporter.worker != "main" else None
        config.stash[CHECKS] = Checks(shared)


@pytest.hookimpl(trylast=True)
def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args) -> None:
    """After every step, check each screen state the scenario's phones show that the run has not checked yet."""
    checks = request.config.stash.get(CHECKS, None)
    phones = request.node.stash.get(PHONES, None)
    if checks is None or phones is None:
        return
    found = request.node.stash.setdefault(FOUND, [])
    started = time.perf_counter()
    for phone in phones.all():
        for _name, page in phone.open_pages():
            result = checks.check(page)
            if result:
                found.append({**result, "phone": phone.caption, "step": f"{step.keyword} {step.name}"})
    record = request.node.stash.get(RECORD, None)
    if record is not None:  # how long the checks took, for benchmarks/where.py
        time_of = record.setdefault("time", {})
        time_of["axe"] = round(time_of.get("axe", 0) + time.perf_counter() - started, 3)


def failure(found: list[dict]) -> str | None:
    """The failure message for a scenario whose screens broke a WCAG rule, or None when all were clean."""
    lines = [
        f"{f['screen']}（{STATES[f['state']]}, {f['phone']}, after 「{f['step']}」）: {describe(v)}"
        for f in found
        for v in f["violations"]
    ]
    return ("accessibility (axe-core, " + STANDARD + "):\n" + "\n".join(lines)) if lines else None


def by_screen(records: list[dict]) -> list[dict]:
    """Per catalogued screen: whether a run showed it, and each state axe checked with what it found."""
    shown = {s for r in records for s in (r.get("evidence") or {}).get("screens", [])}
    checked: dict[str, dict[str, list[dict]]] = {}
    for record in records:
        for found in record.get("accessibility") or []:
            checked.setdefault(found["screen"], {})[found["state"]] = found["violations"]
    rows = []
    for screen, meaning in SCREENS.items():
        states = checked.get(screen, {})
        status = "violations" if any(states.values()) else "clean" if states else "shown" if screen in shown else "none"
        rows.append({"id": screen, "meaning": meaning, "states": states, "status": status})
    return rows
