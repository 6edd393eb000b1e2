"""Burn-in: run chosen scenarios N times in a row on each device, and count per scenario and device the runs that failed.

    bash scripts/burn-in.sh [N] [features/FILE.feature ...] [pytest arguments: -m TAG, -k EXPR, --matrix ...]
    python -m reporting.burn_in changed [--since "24 hours ago"]    # feature files to burn in after recent commits

A run goes through scripts/acceptance.sh, so it has the real run's settings (step screenshots, traces on
failure), with pytest-repeat's --count N and its reports in reports/burn-in/ (index.html, junit.xml,
burn-in.json). It prints one line per scenario with "failed/runs" per device and exits 1 when any run failed.

This module is also the pytest plugin that run loads (-p reporting.burn_in): it keeps only the scenarios of
the feature files given (--burn-in-feature) and labels each run in the junit XML with its feature file,
scenario, device and run number.
"""

from __future__ import annotations

import ast
import json
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RUNS = 10
DEFAULT_DIR = "reports/burn-in"
GRACE_SECONDS = 600  # past --max-minutes, how long the run that started last may take before pytest is interrupted
DEVICE_ORDER = ("iPhone", "Android", "PC")
PROPERTY = "burn-in-"  # junit properties: burn-in-feature, burn-in-line, burn-in-scenario, burn-in-device, burn-in-run


# The pytest plugin (loaded with -p reporting.burn_in)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("burn-in").addoption(
        "--burn-in-feature",
        action="append",
        default=[],
        metavar="FILE",
        help="run only the scenarios of this feature file (may be given more than once)",
    )
    parser.getgroup("burn-in").addoption(
        "--burn-in-deadline",
        type=float,
        default=None,
        metavar="EPOCH",
        help="start no scenario run after this time (seconds since the epoch): pytest stops between runs",
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    """Past --burn-in-deadline, stop after the run that just finished, so the junit XML is written whole."""
    yield
    deadline = item.config.getoption("burn_in_deadline")
    if deadline is not None and nextitem is not None and time.time() >= deadline:
        item.session.shouldstop = "burn-in: the time given with --max-minutes is up"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Label every scenario run in the junit XML; keep only the scenarios of --burn-in-feature files."""
    wanted = {Path(f).resolve() for f in config.getoption("burn_in_feature")}
    missing = [f for f in config.getoption("burn_in_feature") if not Path(f).is_file()]
    if missing:
        raise pytest.UsageError(f"--burn-in-feature: no such feature file: {', '.join(missing)}")
    kept, dropped = [], []
    for item in items:
        labels = _labels(item, config.rootpath)
        item.user_properties.extend((PROPERTY + k, v) for k, v in labels.items())
        if not wanted or ("feature" in labels and (config.rootpath / labels["feature"]).resolve() in wanted):
            kept.append(item)
        else:
            dropped.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def _labels(item: pytest.Item, rootpath: Path) -> dict[str, str]:
    """The feature file, scenario (with its example), device and run number of a collected scenario run."""
    from pytest_bdd.scenario import scenario_wrapper_template_registry

    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))
    params = item.callspec.params if hasattr(item, "callspec") else {}
    labels = {"run": str(params.get("__pytest_repeat_step_number", 0) + 1)}
    device = params.get("device_profile")
    if device is not None:
        labels["device"] = getattr(device, "name", str(device))
    if template is not None:
        example = params.get("_pytest_bdd_example") or {}
        path = Path(template.feature.filename)
        labels["feature"] = str(path.relative_to(rootpath)) if path.is_relative_to(rootpath) else str(path)
        labels["line"] = str(template.line_number)
        labels["scenario"] = template.name + (
            " （" + "、".join(f"{k}={v}" for k, v in example.items()) + "）" if example else ""
        )
    return labels


# Counting the runs


@dataclass
class Tally:
    """The runs of one scenario on one device."""

    feature: str
    line: int
    scenario: str
    device: str
    runs: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    messages: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.feature, self.line, self.scenario)


REPEAT_SUFFIX = re.compile(r"-(\d+)-(\d+)$")


def tally(junit_files: Iterable[Path]) -> dict[tuple[tuple[str, int, str], str], Tally]:
    """Each scenario run's outcome from junit XML files (one run of pytest-repeat or several runs of pytest).

    A testcase failed when it has a <failure> or an <error> (a setup or teardown error fails a run too); a skipped
    one is not a run. Without the plugin's labels the scenario and device come from the test's name."""
    found: dict[tuple[tuple[str, int, str], str], Tally] = {}
    for number, path in enumerate(junit_files):
        for case in ET.parse(path).getroot().iter("testcase"):
            if not case.get("name"):
                continue  # what pytest leaves of a run interrupted (a time limit, Ctrl-C): no run
            props = {
                p.get("name", "")[len(PROPERTY) :]: p.get("value", "")
                for p in case.iter("property")
                if p.get("name", "").startswith(PROPERTY)
            }
            feature, line, scenario, device, run = _from_name(case)
            feature = props.get("feature", feature)
            line = int(props.get("line", line))
            scenario = props.get("scenario", scenario)
            device = props.get("device", device)
            run = f"{number}:{props.get('run', run)}"
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if problem is None and case.find("skipped") is not None:
                continue
            entry = found.setdefault(((feature, line, scenario), device), Tally(feature, line, scenario, device))
            entry.runs.add(run)
            if problem is not None:
                entry.failed.add(run)
                message = (problem.get("message") or problem.text or problem.tag).strip().splitlines()
                entry.messages.setdefault(run, message[0][:200] if message else problem.tag)
    return found


def _from_name(case: ET.Element) -> tuple[str, int, str, str, str]:
    """Feature, line, scenario, device and run from a testcase's name: test_x[iPhone-2-3] is run 2 of test_x on iPhone."""
    name = case.get("name", "")
    base, _, params = name.partition("[")
    params = params.rstrip("]")
    run = "1"
    if (repeat := REPEAT_SUFFIX.search(params)) is not None:
        run, params = repeat.group(1), params[: repeat.start()]
    parts = params.split("-") if params else []
    device = next((p for p in parts if p in DEVICE_ORDER), "-")
    rest = "-".join(p for p in parts if p != device)
    return case.get("classname", ""), 0, base + (f"[{rest}]" if rest else ""), device, run


def devices_of(results: Iterable[Tally]) -> list[str]:
    seen = {t.device for t in results}
    return [d for d in DEVICE_ORDER if d in seen] + sorted(seen - set(DEVICE_ORDER))


def verdict(cells: Iterable[Tally]) -> str:
    """ok: no run failed; fails: every run on some device failed; flaky: some runs failed, some passed."""
    cells = list(cells)
    if not any(c.failed for c in cells):
        return "ok"
    return "fails" if any(c.runs and c.failed == c.runs for c in cells) else "flaky"


def table(results: dict[tuple[tuple[str, int, str], str], Tally]) -> list[str]:
    """One line per scenario: failed/runs on each device, a verdict, where it is; then one failure message per cell."""
    devices = devices_of(results.values())
    widths = [max(len(d), 5) for d in devices]
    lines = ["  ".join(d.rjust(w) for d, w in zip(devices, widths, strict=True)) + "  result  scenario"]
    for key in sorted({k for k, _ in results}):
        cells = [results.get((key, d)) for d in devices]
        counts = [f"{len(c.failed)}/{len(c.runs)}" if c else "-" for c in cells]
        where = f"{key[0]}:{key[1]}" if key[1] else key[0]
        lead = "  ".join(n.rjust(w) for n, w in zip(counts, widths, strict=True))
        lead += f"  {verdict(c for c in cells if c):6}  "
        lines.append(f"{lead}{where} {key[2]}")
        for cell in cells:
            if cell and cell.failed:
                run = min(cell.failed, key=_run_order)  # one message per device: the first failed run's
                lines.append(f"{'':{len(lead)}}{cell.device} run {run.split(':')[-1]}: {cell.messages[run]}")
    return lines


def _run_order(run: str) -> tuple[int, ...]:
    return tuple(int(n) if n.isdigit() else 0 for n in run.split(":"))


def summary(results: dict[tuple[tuple[str, int, str], str], Tally]) -> str:
    cells = list(results.values())
    runs = sum(len(c.runs) for c in cells)
    failed = sum(len(c.failed) for c in cells)
    if not failed:
        return f"burn-in: all {runs} runs passed ({len(cells)} scenario-device pairs)"
    bad = [c for c in cells if c.failed]
    flaky = sum(1 for c in bad if c.failed != c.runs)
    return (
        f"burn-in: {failed} of {runs} runs failed; {len(bad)} of {len(cells)} scenario-device pairs failed at least "
        f"once ({flaky} flaky, {len(bad) - flaky} every time)"
    )


# Running


@dataclass
class Plan:
    runs: int = DEFAULT_RUNS
    features: list[str] = field(default_factory=list)
    pytest_args: list[str] = field(default_factory=list)
    report_dir: str = DEFAULT_DIR
    max_minutes: float | None = None


def parse_args(argv: list[str]) -> Plan:
    """[N] [--report-dir DIR] [--max-minutes M] [FILE.feature ...] [pytest arguments]."""
    plan = Plan()
    args = list(argv)
    if args and args[0].isdigit():
        plan.runs = int(args.pop(0))
        if plan.runs < 1:
            raise SystemExit("burn-in: N must be at least 1")
    while args:
        arg = args.pop(0)
        if arg in ("--report-dir", "--max-minutes") and args:
            value = args.pop(0)
        elif arg.startswith(("--report-dir=", "--max-minutes=")):
            arg, value = arg.split("=", 1)
        elif arg.endswith(".feature") and not arg.startswith("-"):
            plan.features.append(arg)
            continue
        else:
            plan.pytest_args.append(arg)
            continue
        if arg == "--report-dir":
            plan.report_dir = value
        else:
            plan.max_minutes = float(value)
    return plan


def acceptance_command(plan: Plan, now: float | None = None) -> list[str]:
    """The acceptance run's own command with N runs of each scenario and the burn-in's report folder."""
    out = Path(plan.report_dir)
    deadline = []
    if plan.max_minutes is not None:
        deadline = [f"--burn-in-deadline={(time.time() if now is None else now) + plan.max_minutes * 60:.0f}"]
    return [
        "bash",
        "scripts/acceptance.sh",
        "-p",
        "reporting.burn_in",
        f"--count={plan.runs}",
        *(f"--burn-in-feature={f}" for f in plan.features),
        *deadline,
        f"--junitxml={out / 'junit.xml'}",
        f"--report-dir={out}",
        f"--output={out / 'failures'}",
        "-p",
        "no:cacheprovider",
        *plan.pytest_args,
    ]


def run(plan: Plan) -> int:
    missing = [f for f in plan.features if not (ROOT / f).is_file()]
    if missing:
        print(f"burn-in: no such feature file: {', '.join(missing)}", file=sys.stderr)
        return 2
    out = ROOT / plan.report_dir
    out.mkdir(parents=True, exist_ok=True)
    junit = out / "junit.xml"
    junit.unlink(missing_ok=True)
    command = acceptance_command(plan)
    what = ", ".join(plan.features + plan.pytest_args) or "every scenario"
    print(f"burn-in: {plan.runs} runs in a row of each scenario on each device ({what})", flush=True)
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "MOCKBANK_SETUP_DONE": "1"})
    try:
        # pytest itself stops between runs at the deadline; a run stuck past it gets a stop signal
        code = process.wait(timeout=plan.max_minutes * 60 + GRACE_SECONDS if plan.max_minutes else None)
    except subprocess.TimeoutExpired:
        print(f"burn-in: {plan.max_minutes:g} minutes are long up and a run is stuck: interrupting pytest")
        process.send_signal(signal.SIGINT)
        code = _wait(process)
    except KeyboardInterrupt:
        code = _wait(process)
    if not junit.exists():
        print(f"burn-in: pytest ended with exit code {code} and wrote no results", file=sys.stderr)
        return code or 1
    results = tally([junit])
    if not results:
        print("burn-in: no scenario was selected", file=sys.stderr)
        return 1
    print(f"\nburn-in: failed runs of {plan.runs} per scenario and device (details: {plan.report_dir}/index.html)")
    print("\n".join(table(results)))
    print(summary(results))
    if code == 2 and plan.max_minutes:
        print(f"burn-in: {plan.max_minutes:g} minutes are up: the runs that finished are counted above")
    elif code not in (0, 1):
        print(f"burn-in: pytest stopped early (exit code {code}): not every run ran")
    (out / "burn-in.json").write_text(
        json.dumps(
            {
                "runs": plan.runs,
                "command": command,
                "pytest_exit_code": code,
                "scenarios": [
                    {
                        "feature": t.feature,
                        "line": t.line,
                        "scenario": t.scenario,
                        "device": t.device,
                        "runs": len(t.runs),
                        "failed": len(t.failed),
                        "messages": sorted(t.messages.values()),
                    }
                    for t in sorted(results.values(), key=lambda t: (t.key, t.device))
                ],
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    if any(t.failed for t in results.values()):
        return 1
    return 0 if code in (0, 1) else code  # interrupted or broken: no all-clear


def _wait(process: subprocess.Popen) -> int:
    try:
        return process.wait(timeout=300)
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        process.kill()
        return process.wait()


# Which feature files to burn in after recent commits


def changed_paths(git_log: str) -> list[str]:
    """The paths named by `git log --name-only --format=`, once each, most recent first."""
    seen: dict[str, None] = {}
    for line in git_log.splitlines():
        if line.strip():
            seen.setdefault(line.strip(), None)
    return list(seen)


def select_features(
    paths: Iterable[str],
    users: Callable[[str], set[str] | None],
    all_features: set[str],
    shared_limit: int,
) -> tuple[list[str], list[str]]:
    """Feature files to burn in for changed paths, and notes on the paths left out.

    A changed feature file is taken as it is; a changed step or page module brings the feature files that use
    it (users(path); None when it cannot be told), unless more than shared_limit of them do (a shared module:
    the nightly full run covers it). Other paths are not mapped."""
    selected: dict[str, None] = {}
    notes = []
    for path in paths:
        if path.endswith(".feature"):
            if path in all_features:
                selected.setdefault(path, None)
            else:
                notes.append(f"{path}: no longer there")
        elif path.startswith(("steps/", "pages/")) and path.endswith(".py"):
            using = users(path)
            if using is None:
                notes.append(f"{path}: not mapped to feature files")
            elif len(using) > shared_limit:
                notes.append(f"{path}: used by {len(using)} of {len(all_features)} feature files, left to the full run")
            else:
                for feature in sorted(using):
                    selected.setdefault(feature, None)
        else:
            notes.append(f"{path}: not mapped to feature files")
    return list(selected), notes


class StepUsage:
    """Which feature files use a step or page module: the features with a step that one of the module's step
    definitions matches (pytest-bdd's own parsers), through every module that imports it."""

    def __init__(self, root: Path = ROOT) -> None:
        from pytest_bdd.feature import get_features

        self.root = root
        self.steps: dict[str, list[tuple[str, str]]] = {}
        for feature in get_features([str(root / "features")]):
            rel = str(Path(feature.filename).relative_to(root))
            steps = self.steps.setdefault(rel, [])
            for template in feature.scenarios.values():
                contexts = [c for examples in template.examples for c in examples.as_contexts()] or [{}]
                for context in contexts:
                    steps.extend((s.type, s.name) for s in template.render(context).steps)
        self.imports = {name: _imports(root, name) for name in _modules(root)}

    def __call__(self, path: str) -> set[str] | None:
        module = path.removesuffix(".py").replace("/", ".")
        if module not in self.imports or module.endswith("__init__"):
            return None
        step_modules = {m for m in self._importers(module) if m.startswith("steps.")}
        return {feature for m in step_modules for feature in self._features_using(m)}

    def _importers(self, module: str) -> set[str]:
        found, todo = {module}, [module]
        while todo:
            current = todo.pop()
            for name, imported in self.imports.items():
                if current in imported and name not in found:
                    found.add(name)
                    todo.append(name)
        return found

    def _features_using(self, module: str) -> set[str]:
        import importlib

        from pytest_bdd.steps import step_function_context_registry

        importlib.import_module(module)
        definitions = [c for c in step_function_context_registry.values() if c.step_func.__module__ == module]
        return {
            feature
            for feature, steps in self.steps.items()
            if any(d.type in (None, kind) and d.parser.is_matching(text) for kind, text in steps for d in definitions)
        }


def _modules(root: Path) -> list[str]:
    return [f"{package}.{p.stem}" for package in ("steps", "pages") for p in sorted((root / package).glob("*.py"))]


def _imports(root: Path, module: str) -> set[str]:
    """The steps. and pages. modules a module imports (from pages.x import …, from pages import x, import pages.x)."""
    tree = ast.parse((root / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {m for m in found if m.startswith(("steps.", "pages."))}


def changed(argv: list[str]) -> int:
    """Print the feature files to burn in after the commits since --since (one a line; none: nothing to do)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m reporting.burn_in changed", description=changed.__doc__)
    parser.add_argument("--since", default="24 hours ago", help="git log --since (default: 24 hours ago)")
    parser.add_argument(
        "--shared-limit",
        type=int,
        default=None,
        help="a step or page module used by more feature files than this is left to the full run (default: a third)",
    )
    args = parser.parse_args(argv)
    log = subprocess.run(
        ["git", "log", f"--since={args.since}", "--name-only", "--format=", "--", "features", "steps", "pages"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    paths = changed_paths(log)
    if not paths:
        print(f"burn-in: nothing changed under features/, steps/ or pages/ since {args.since}", file=sys.stderr)
        return 0
    usage = StepUsage(ROOT)
    all_features = set(usage.steps)
    limit = args.shared_limit if args.shared_limit is not None else max(1, len(all_features) // 3)
    selected, notes = select_features(paths, usage, all_features, limit)
    for note in notes:
        print(f"burn-in: {note}", file=sys.stderr)
    print("\n".join(selected))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["changed"]:
        return changed(argv[1:])
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
