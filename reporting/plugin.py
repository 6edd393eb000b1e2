"""pytest plugin: records every scenario run per device with its steps and a screenshot after each step,
then (in the controlling process, after any pytest-xdist workers) writes reports/."""

from __future__ import annotations

import os
import shutil
import time
from datetime import datetime
from pathlib import Path

import pytest

from mockbank.catalogue import all_tags
from mockbank.clock import JST
from reporting import environment, history, publish, records, shards, shots
from reporting.evidence import PHONES, RECORD

SETUP_TIME = pytest.StashKey[float]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mockbank reports")
    group.addoption("--report-dir", default="reports", help="where the HTML report, coverage map and history go")
    group.addoption(
        "--step-screenshots",
        choices=("on", "every", "off"),
        default="on",
        help="a screenshot after every step (on by default; a screen the run showed before is not captured again, "
        "unless 'every')",
    )
    group.addoption(
        "--shard",
        default=None,
        metavar="K/N",
        help="run the K-th of N shards, balanced by the history's durations; no history line (the merge writes it)",
    )
    group.addoption(
        "--history-dir", default=None, help="the history to read and extend (default: <report-dir>/history)"
    )


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(Reporter(config), "mockbank-reporter")


class Reporter:
    """Collects scenario records in every process; the controller merges them and writes the reports."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.dir = Path(config.getoption("report_dir")).absolute()
        self.shots = config.getoption("step_screenshots") != "off"
        self.reuse = config.getoption("step_screenshots") == "on"  # else every step's screen captured afresh
        worker = getattr(config, "workerinput", None)
        self.worker = worker["workerid"] if worker else "main"
        self.run_id = (
            worker["mockbank_run_id"] if worker else datetime.now(JST).strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}"
        )
        self.started = time.time()
        self.results_dir = self.dir / ".results" / self.run_id
        given = config.getoption("history_dir")
        self.history = (Path(given) if given else self.dir / "history").absolute() / "history.jsonl"
        self.shard = shards.parse(config.getoption("shard")) if config.getoption("shard") else None
        self.wrote: float | None = None  # how long writing the report took, once written

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node) -> None:
        """pytest-xdist: every worker writes into this run's folder."""
        node.workerinput["mockbank_run_id"] = self.run_id

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items) -> None:
        """--shard K/N: keep this shard's scenario runs (after -k and -m), in collection order."""
        if not self.shard or not items:
            return
        mine, others, manifest = shards.select(items, *self.shard, shards.durations(history.load(self.history)))
        shards.write_manifest(self.dir, manifest)
        if others:
            config.hook.pytest_deselected(items=others)
        items[:] = mine

    # Recording, in every process

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_before_scenario(self, request, feature, scenario) -> None:
        item = request.node
        device = item.callspec.params.get("device_profile") if hasattr(item, "callspec") else None
        example = item.callspec.params.get("_pytest_bdd_example", {}) if hasattr(item, "callspec") else {}
        key = item.originalname + "".join(f"[{k}={v}]" for k, v in sorted(example.items()))
        title = scenario.name + (" （" + "、".join(f"{k}={v}" for k, v in example.items()) + "）" if example else "")
        item.stash[RECORD] = {
            "nodeid": item.nodeid,
            "key": key,
            "device": getattr(device, "name", "-"),
            "feature": {"name": feature.name, "file": feature.rel_filename, "tags": sorted(feature.tags)},
            "scenario": {
                "name": scenario.name,
                "title": title,
                "line": scenario.line_number,
                "tags": sorted(set(feature.tags) | set(scenario.tags) | _example_tags(item)),
                "params": example,
            },
            "planned": [(s.keyword, s.name, s.line_number) for s in scenario.steps],
            "steps": [],
            "outcome": "skipped",
            "duration": item.stash.get(SETUP_TIME, 0.0),
            "time": {"setup": round(item.stash.get(SETUP_TIME, 0.0), 3)},
            "error": None,
            "artifacts": {},
        }

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_before_step(self, request, feature, scenario, step, step_func) -> None:
        request.node.stash[RECORD]["step_started"] = time.perf_counter()

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_after_step(self, request, feature, scenario, step, step_func, step_func_args) -> None:
        self._step(request, step, "passed")

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_step_error(self, request, feature, scenario, step, step_func, step_func_args, exception) -> None:
        self._step(
            request,
            step,
            "failed",
            error=str(exception).strip().splitlines()[0] if str(exception).strip() else type(exception).__name__,
        )

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_step_func_lookup_error(self, request, feature, scenario, step, exception) -> None:
        self._step(request, step, "undefined", error=str(exception), shoot=False)

    def _step(self, request, step, status: str, error: str | None = None, shoot: bool = True) -> None:
        record = request.node.stash.get(RECORD, None)
        if record is None:
            return
        started = record.pop("step_started", time.perf_counter())
        entry = {
            "keyword": step.keyword,
            "name": step.name,
            "line": step.line_number,
            "status": status,
            "duration": round(time.perf_counter() - started, 3),
            "error": error,
            "screenshots": [],
        }
        if shoot and self.shots:
            shooting = time.perf_counter()
            entry["screenshots"] = self._screenshots(request, record)
            time_of = record.setdefault("time", {})
            time_of["screenshots"] = round(time_of.get("screenshots", 0) + time.perf_counter() - shooting, 3)
        record["steps"].append(entry)

    def _screenshots(self, request, record: dict) -> list[dict]:
        """A labelled screenshot of each phone the step touched (of every phone when it touched none)."""
        phones = request.node.stash.get(PHONES, None)
        held = phones.all() if phones else []
        seen = record.setdefault("activity", {})
        touched = [p for p in held if p.activity != seen.get(p.label)]
        shots = []
        for phone in touched or held:
            seen[phone.label] = phone.activity
            for name, page in phone.open_pages():
                label = phone.caption if name == "browser" else f"{phone.caption}・{name}"
                shot = self._screenshot(page)
                if shot:
                    shots.append({"phone": label, **shot})
        return shots

    def _screenshot(self, page) -> dict | None:
        """One page's screen after a step (and whether nothing is open yet); never fails the step."""
        try:
            blank = page.url == "about:blank"
            path = shots.save(page, self.dir / "shots" / self.run_id, reuse=self.reuse)
            size = page.viewport_size or {}
            return {
                "path": path.relative_to(self.dir).as_posix(),
                "blank": blank,
                "size": [size.get("width"), size.get("height")],
            }
        except Exception:  # a report must never break the run it reports on
            return None

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        record = item.stash.get(RECORD, None)
        if record is None:
            if report.when == "setup":  # the record is made as the scenario starts, after its set-up
                item.stash[SETUP_TIME] = report.duration
            return
        record["duration"] += report.duration
        record.setdefault("time", {})[report.when] = round(report.duration, 3)  # setup, call, teardown
        if report.failed and record["outcome"] != "failed":
            record["outcome"] = "failed"
            message = "\n".join(call.excinfo.exconly().splitlines()[:4]) if call.excinfo else report.when
            trace = self._our_frames(call.excinfo) if call.excinfo else report.longreprtext
            record["error"] = {
                "message": f"{report.when}: {message}" if report.when != "call" else message,
                "traceback": trace,
            }
        elif report.when == "call" and report.passed:
            record["outcome"] = "passed"
        elif report.when == "call" and report.skipped:
            record["outcome"] = "skipped"
        if report.when == "teardown":
            self._finish(record, report, item.stash.get(PHONES, None))

    def _our_frames(self, excinfo) -> str:
        """The traceback through the project's own code (steps, pages, mockbank), then the error itself."""
        root = Path(self.config.rootpath)
        lines = []
        for entry in excinfo.traceback:
            path = Path(str(entry.path))
            if "site-packages" in path.parts or not path.is_relative_to(root):
                continue
            lines.append(f"{path.relative_to(root)}:{entry.lineno + 1}\n    {str(entry.statement).strip()}")
        return "\n".join(lines + [excinfo.exconly()])

    def _finish(self, record: dict, report, phones) -> None:
        """Mark the steps that never ran, note failure artifacts, and append the record."""
        done = len(record["steps"])
        for keyword, name, line in record.pop("planned")[done:]:
            record["steps"].append(
                {
                    "keyword": keyword,
                    "name": name,
                    "line": line,
                    "status": "skipped",
                    "duration": 0.0,
                    "error": None,
                    "screenshots": [],
                }
            )
        record.pop("activity", None)
        # pytest-playwright keeps one trace per context, in the order the phones were first named.
        record["phones"] = [phone.caption for phone in phones.all()] if phones else []
        record["browser"] = _browser(phones)
        for name, value in report.user_properties:
            if name in ("playwright_trace", "playwright_screenshot") and value:
                kind = name.removeprefix("playwright_")
                record["artifacts"].setdefault(kind, []).append(os.path.relpath(Path(value).absolute(), self.dir))
        records.append(self.results_dir / f"{self.worker}.jsonl", record)

    # Writing, in the controlling process only

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.worker != "main" or not self.results_dir.exists():
            return
        merged = records.load(self.results_dir)
        if not merged:
            return
        started = datetime.fromtimestamp(self.started, JST)
        duration = time.time() - self.started
        run = history.run_summary(self.run_id, f"{started:%Y-%m-%d %H:%M:%S}", duration, merged)
        # A shard's line would be a part of a run: the merge of all shards writes the run's line.
        runs = history.load(self.history) + [run] if self.shard else history.append(self.history, run)
        env = environment.collect(self.config, started, duration, merged) | {"run_id": self.run_id}
        writing = time.perf_counter()
        publish.write(self.dir, Path(self.config.rootpath), merged, run, runs, env)
        self._tidy()
        self.wrote = time.perf_counter() - writing

    def _tidy(self) -> None:
        """Keep only this run's screenshots and no per-process files."""
        shutil.rmtree(self.dir / ".results", ignore_errors=True)
        for old in (self.dir / "shots").glob("*"):
            if old.name != self.run_id:
                shutil.rmtree(old, ignore_errors=True)

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.wrote is not None:
            terminalreporter.write_line(
                f"report: {(self.dir / 'index.html').as_uri()}  coverage: {(self.dir / 'coverage.html').as_uri()}"
                f"  (written in {self.wrote:.1f} s)"
            )


def _example_tags(item) -> set[str]:
    """The tags of the outline's example block this run is of (pytest-bdd marks the example with them)."""
    return {mark.name for mark in item.iter_markers()} & set(all_tags())


def _browser(phones) -> str | None:
    """The browser the phones ran in, as 「chromium 120.0.6099.224」."""
    for phone in phones.all() if phones else []:
        try:
            browser = phone.context.browser
            return f"{browser.browser_type.name} {browser.version}" if browser else None
        except Exception:  # a closed browser tells nothing; the report says so
            return None
    return None
