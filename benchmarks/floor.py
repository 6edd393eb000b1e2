"""The harness against the floor: each scenario run by the suite and by a bare Playwright script doing the same clicks.

    .venv/bin/python -m benchmarks.floor [--rounds 3] [--runs 5] [--device iPhone]

The harness side runs pytest on the scenarios (-k, --matrix <device>, pytest-repeat's --count runs+1) with step
screenshots on (as the suite takes them: a screen the run showed before is not captured again, so a repeat
captures nothing new), every one captured afresh (`--step-screenshots every`: what a run whose every screen is
new pays) and off, and reads each run's time (set-up, steps, tear-down) from --junitxml, dropping each
scenario's first run (it carries the session's start-up). The bare side is a plain Playwright script: an
embedded server configured like conftest.py's, the same world set-up over the control API (reset, persona), a
fresh context per run with the same device descriptor, and the same fills, clicks and expectations written with
get_by_label / get_by_role instead of the page objects; its first run of each scenario is dropped too. Rounds
interleave the harness's three ways and bare, so drift on a busy machine falls on all four.
Prints medians and the ratios harness/bare, and writes reports/floor.json. A benchmark: it never fails on a number.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from benchmarks import bare
from conftest import CHROMIUM_FLAGS, chromium_executable
from mockbank import create_app
from mockbank.control.client import WorldClient
from mockbank.passwords import SUITE_HASH_METHOD
from mockbank.server import BackgroundServer
from pages.devices import DEVICES
from pages.phones import DEVICE_HEADER

ROOT = Path(__file__).resolve().parent.parent
REPEAT = re.compile(r"-\d+-\d+\]$|\[\d+-\d+\]$")  # pytest-repeat's suffix on a test's id: [iPhone-3-6], [3-6]


@dataclass(frozen=True)
class Scenario:
    """One scenario of the suite, how pytest -k finds it, and the same clicks written bare."""

    key: str  # what --only names it by
    name: str
    select: str  # a pytest -k expression matching this scenario only (on one device)
    screens: int
    walk: Callable[[Page, dict], None]


SCENARIOS = [
    Scenario("refusal", "one-screen refusal (SID001 店番 0a1)", "店番は半角数字3桁で入力する and 0a1", 1, bare.refusal),
    Scenario(
        "onboarding",
        "onboarding: top page to 追加認証登録 (J-NEW's first scenario)",
        "新規契約のお客さまがホームページから追加認証登録まで進む",
        6,
        bare.onboarding,
    ),
    Scenario(
        "j-new",
        "J-NEW end to end",
        "新規契約のお客さまがホームページからワンタイムパスワードでつないでネットにログインするまで進む",
        22,
        bare.j_new,
    ),
]


def harness_round(scenarios: list[Scenario], device: str, runs: int, shots: str) -> dict[str, list[float]]:
    """One pytest process on the scenarios, runs+1 times each; each scenario's runs but its first, in ms."""
    folder = Path(tempfile.mkdtemp(prefix="floor-"))
    junit = folder / "junit.xml"
    select = " or ".join(f"({s.select})" for s in scenarios)
    command = [
        *(sys.executable, "-m", "pytest", "features", "-k", select, "--matrix", device, "--count", str(runs + 1)),
        *("--junitxml", str(junit), "--report-dir", str(folder / "reports"), "--step-screenshots", shots),
        *("-q", "-p", "no:cacheprovider", "-p", "no:randomly"),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if not junit.exists():
        raise RuntimeError(f"pytest wrote no JUnit XML:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    cases = list(ET.parse(junit).getroot().iter("testcase"))
    shutil.rmtree(folder, ignore_errors=True)
    times: dict[str, list[float]] = {}
    failed = []
    for case in cases:
        if case.find("failure") is not None or case.find("error") is not None:
            failed.append(case.get("name"))
        times.setdefault(REPEAT.sub("]", case.get("name")), []).append(float(case.get("time")) * 1000)
    if failed:
        raise RuntimeError(f"the harness failed {failed}:\n{done.stdout[-3000:]}")
    if len(times) != len(scenarios):
        raise RuntimeError(f"-k {select!r} chose {sorted(times)}, not one test per scenario")
    by_scenario = {}
    for scenario in scenarios:
        name = next(n for n in times if _chosen(scenario.select, n))
        by_scenario[scenario.name] = times[name][1:]
    return by_scenario


def _chosen(select: str, test_name: str) -> bool:
    """Whether a -k expression of words joined by `and` names this test (all we write above)."""
    return all(word.strip() in test_name for word in select.split(" and "))


class Floor:
    """The bare side: an embedded server like conftest.py's, one browser, a fresh context per run."""

    def __init__(self, device: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="floor-"))
        database = self.folder / "floor.sqlite"
        self.app = create_app(
            {
                "TEST_MODE": True,
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
                "PASSWORD_HASH_METHOD": SUITE_HASH_METHOD,
                "BIOMETRIC_TIMEOUT_SECONDS": 4,
            }
        )
        self.server = BackgroundServer(self.app).start()
        self.world = WorldClient(self.server.url)
        self.playwright = sync_playwright().start()
        executable = chromium_executable()
        self.browser = self.playwright.chromium.launch(
            args=CHROMIUM_FLAGS, **({"executable_path": executable} if executable else {})
        )
        self.context_args = DEVICES[device].context_args(self.playwright)

    def run(self, scenario: Scenario) -> float:
        """One run of the scenario, bare: reset, persona, a new context, the clicks, close; in ms."""
        started = time.perf_counter()
        self.world.reset()
        persona = self.world.persona("new")
        device = uuid.uuid4().hex  # the phone's identity, as the harness's phones send it
        context = self.browser.new_context(
            **self.context_args, base_url=self.server.url, extra_http_headers={DEVICE_HEADER: device}
        )
        try:
            scenario.walk(context.new_page(), {**persona, "device": device})
        finally:
            context.close()
        return (time.perf_counter() - started) * 1000

    def round(self, scenarios: list[Scenario], runs: int) -> dict[str, list[float]]:
        """Each scenario runs+1 times, its first run dropped as the harness's is."""
        return {s.name: [self.run(s) for _ in range(runs + 1)][1:] for s in scenarios}

    def close(self) -> None:
        self.browser.close()
        self.playwright.stop()
        self.server.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--runs", type=int, default=5, help="runs of each scenario per round and side")
    parser.add_argument("--device", default="iPhone", choices=["iPhone", "Android"])
    parser.add_argument("--only", help="some of the scenarios, comma-separated: refusal, onboarding, j-new")
    args = parser.parse_args()
    scenarios = [s for s in SCENARIOS if not args.only or s.key in args.only.split(",")]
    sides = ("harness, screenshots on", "harness, every screenshot", "harness, screenshots off", "bare Playwright")
    samples = {side: {s.name: [] for s in scenarios} for side in sides}
    floor = Floor(args.device)
    try:
        for _ in range(args.rounds):
            for side, measured in zip(
                sides,
                (
                    lambda: harness_round(scenarios, args.device, args.runs, "on"),
                    lambda: harness_round(scenarios, args.device, args.runs, "every"),
                    lambda: harness_round(scenarios, args.device, args.runs, "off"),
                    lambda: floor.round(scenarios, args.runs),
                ),
                strict=True,
            ):
                for name, times in measured().items():
                    samples[side][name].extend(times)
    finally:
        floor.close()
    table = summarise(scenarios, samples)
    print_table(table, args)
    out = ROOT / "reports" / "floor.json"
    out.parent.mkdir(exist_ok=True)
    result = {"device": args.device, "rounds": args.rounds, "runs": args.runs, "table": table, "samples": samples}
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


def summarise(scenarios: list[Scenario], samples: dict) -> list[dict]:
    """Per scenario: each side's median and minimum (the run least disturbed by the machine), and harness/bare."""
    rows = []
    for s in scenarios:
        on, every, off, floor = (samples[side][s.name] for side in samples)
        row = {"scenario": s.name, "screens": s.screens, "runs": len(floor)}
        for stat, of in (("median", statistics.median), ("min", min)):
            for side, times in (("on", on), ("every", every), ("off", off)):
                row[f"harness_{side}_{stat}_ms"] = round(of(times))
                row[f"ratio_{side}_{stat}"] = round(of(times) / of(floor), 2)
            row[f"bare_{stat}_ms"] = round(of(floor))
        rows.append(row)
    return rows


def print_table(rows: list[dict], args) -> None:
    """Medians (and minimums) side by side, and the ratios harness/bare."""
    print(f"device {args.device}, {args.rounds} interleaved rounds × {args.runs} runs a side; ms, median (min)")
    sides = ("harness_on", "harness_every", "harness_off", "bare")
    heads = ("harness+shots", "+every shot", "harness", "bare", "ratio+shots", "ratio+every", "ratio")
    print(
        f"{'scenario':<58} " + " ".join(f"{h:>15}" for h in heads[:4]) + " " + " ".join(f"{h:>13}" for h in heads[4:])
    )
    for r in rows:
        cells = [f"{r[f'{k}_median_ms']} ({r[f'{k}_min_ms']})" for k in sides]
        ratios = [f"{r[f'{k}_median']:.2f}× ({r[f'{k}_min']:.2f}×)" for k in ("ratio_on", "ratio_every", "ratio_off")]
        print(
            f"{r['scenario']:<58} " + " ".join(f"{c:>15}" for c in cells) + " " + " ".join(f"{x:>13}" for x in ratios)
        )


if __name__ == "__main__":
    main()
