"""Burn-in: counting each scenario's failed runs per device from junit XML, the exit code, the command it runs,
and which feature files a night's commits bring in."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reporting import burn_in

ROOT = Path(__file__).resolve().parent.parent


def case(scenario: str, device: str, run: int, count: int = 3, outcome: str = "passed", line: int = 8) -> str:
    """One <testcase> as pytest writes it for a burn-in run, with the plugin's labels."""
    props = {"run": run, "device": device, "feature": "features/top.feature", "line": line, "scenario": scenario}
    body = "<properties>" + "".join(f'<property name="burn-in-{k}" value="{v}" />' for k, v in props.items())
    body += "</properties>"
    if outcome == "failed":
        body += '<failure message="AssertionError: 4つの入口のはずが3つ&#10;second line">trace</failure>'
    elif outcome == "error":
        body += '<error message="failed on teardown with &quot;tags without evidence: @S-TOP&quot;">trace</error>'
    elif outcome == "skipped":
        body += '<skipped message="not on PC" />'
    name = f"test_{scenario}[{device}-{run}-{count}]"
    return f'<testcase classname="features.test_features" name="{name}" time="1.0">{body}</testcase>'


def junit(path: Path, *cases: str) -> Path:
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="acceptance">'
        + "".join(cases)
        + "</testsuite></testsuites>",
        encoding="utf-8",
    )
    return path


def one_flaky(path: Path, *more: str) -> Path:
    """入口 passes 3 of 3 on iPhone and fails 1 of 3 on Android; 案内 passes every run on both."""
    return junit(
        path,
        *more,
        *(case("入口", "iPhone", r) for r in (1, 2, 3)),
        case("入口", "Android", 1),
        case("入口", "Android", 2, outcome="failed"),
        case("入口", "Android", 3),
        *(case("案内", d, r, line=19) for d in ("iPhone", "Android") for r in (1, 2, 3)),
    )


def test_one_scenario_failing_one_run_of_three_on_one_device(tmp_path):
    results = burn_in.tally([one_flaky(tmp_path / "junit.xml")])

    assert burn_in.table(results) == [
        "iPhone  Android  result  scenario",
        "   0/3      1/3  flaky   features/top.feature:8 入口",
        "                         Android run 2: AssertionError: 4つの入口のはずが3つ",
        "   0/3      0/3  ok      features/top.feature:19 案内",
    ]
    assert burn_in.summary(results) == (
        "burn-in: 1 of 12 runs failed; 1 of 4 scenario-device pairs failed at least once (1 flaky, 0 every time)"
    )


def test_a_run_failing_at_teardown_counts_once_and_a_skip_is_no_run(tmp_path):
    """pytest may write a second <testcase> for a teardown error after a failed call: still one failed run."""
    results = burn_in.tally(
        [
            junit(
                tmp_path / "junit.xml",
                case("入口", "iPhone", 1, outcome="failed"),
                case("入口", "iPhone", 1, outcome="error"),
                case("入口", "iPhone", 2, outcome="error"),
                case("入口", "iPhone", 3, outcome="skipped"),
            )
        ]
    )

    cell = results[(("features/top.feature", 8, "入口"), "iPhone")]
    assert (len(cell.runs), len(cell.failed)) == (2, 2)
    assert burn_in.verdict([cell]) == "fails"
    assert burn_in.table(results)[1] == "   2/2  fails   features/top.feature:8 入口"


def test_separate_pytest_runs_are_separate_runs_and_names_alone_are_enough(tmp_path):
    """Without the plugin's labels (N plain pytest runs), the device and scenario come from the test's name."""
    plain = '<testcase classname="features.test_features" name="test_入口[{}]">{}</testcase>'
    files = [
        junit(tmp_path / "1.xml", plain.format("Android", ""), plain.format("PC-example0", "")),
        junit(
            tmp_path / "2.xml", plain.format("Android", "<failure message='boom' />"), plain.format("PC-example0", "")
        ),
    ]

    results = burn_in.tally(files)

    assert {(key[2], device): (len(t.runs), len(t.failed)) for (key, device), t in results.items()} == {
        ("test_入口", "Android"): (2, 1),
        ("test_入口[example0]", "PC"): (2, 0),
    }
    assert burn_in.table(results)[0] == "Android     PC  result  scenario"


class FakeAcceptance:
    """Stands in for scripts/acceptance.sh: writes the junit XML it was asked for and ends with a given code."""

    def __init__(self, write, code: int) -> None:
        self.write, self.code, self.commands, self.signals = write, code, [], []

    def __call__(self, command, cwd, env):
        self.commands.append(command)
        out = next(a.split("=", 1)[1] for a in command if a.startswith("--junitxml="))
        if self.write:
            self.write(Path(cwd) / out)
        assert env["MOCKBANK_SETUP_DONE"] == "1"
        return self

    def wait(self, timeout=None):
        return self.code

    def send_signal(self, number):
        self.signals.append(number)


def run_with(monkeypatch, tmp_path, write, code: int, argv: list[str]) -> int:
    fake = FakeAcceptance(write, code)
    monkeypatch.setattr(burn_in.subprocess, "Popen", fake)
    monkeypatch.setattr(burn_in, "ROOT", tmp_path)
    (tmp_path / "features").mkdir(exist_ok=True)
    (tmp_path / "features" / "top.feature").write_text("# language: ja\n", encoding="utf-8")
    return burn_in.main(argv)


def test_the_run_prints_the_table_and_fails_when_a_run_failed(monkeypatch, tmp_path, capsys):
    code = run_with(monkeypatch, tmp_path, one_flaky, 1, ["3", "features/top.feature"])

    out = capsys.readouterr().out
    assert code == 1
    assert "   0/3      1/3  flaky   features/top.feature:8 入口" in out
    assert "burn-in: 1 of 12 runs failed" in out
    assert (tmp_path / "reports/burn-in/burn-in.json").exists()


def test_the_run_passes_when_every_run_passed(monkeypatch, tmp_path, capsys):
    def all_pass(path):
        junit(path, *(case("入口", d, r) for d in ("iPhone", "Android") for r in (1, 2, 3)))

    assert run_with(monkeypatch, tmp_path, all_pass, 0, ["3", "features/top.feature"]) == 0
    assert "burn-in: all 6 runs passed (2 scenario-device pairs)" in capsys.readouterr().out


def test_no_all_clear_when_pytest_was_interrupted_or_selected_nothing(monkeypatch, tmp_path, capsys):
    def some_pass(path):
        junit(path, case("入口", "iPhone", 1))

    assert run_with(monkeypatch, tmp_path, some_pass, 2, ["3"]) == 2  # stopped (time limit, Ctrl-C)
    assert run_with(monkeypatch, tmp_path, lambda path: junit(path), 5, ["3", "-m", "NOPE"]) == 1
    assert "no scenario was selected" in capsys.readouterr().err
    assert run_with(monkeypatch, tmp_path, None, 4, ["3"]) == 4  # a usage error: no junit at all
    assert run_with(monkeypatch, tmp_path, None, 0, ["3", "features/nothing.feature"]) == 2


def test_a_run_stuck_long_past_the_time_is_interrupted_and_the_runs_that_finished_count(monkeypatch, tmp_path, capsys):
    class Slow(FakeAcceptance):
        def wait(self, timeout=None):
            if timeout is not None and not self.signals:
                assert timeout == 90 + burn_in.GRACE_SECONDS
                raise subprocess.TimeoutExpired("pytest", timeout)
            return 2  # pytest's exit code after Ctrl-C

    slow = Slow(lambda path: one_flaky(path, "<testcase />"), 2)  # the run interrupted: an empty <testcase>
    monkeypatch.setattr(burn_in.subprocess, "Popen", slow)
    monkeypatch.setattr(burn_in, "ROOT", tmp_path)

    assert burn_in.main(["3", "--max-minutes", "1.5"]) == 1
    assert slow.signals == [burn_in.signal.SIGINT]
    out = capsys.readouterr().out
    assert "1.5 minutes are long up" in out and "1/3  flaky" in out
    assert "burn-in: 1 of 12 runs failed; 1 of 4 scenario-device pairs" in out


def test_past_the_deadline_pytest_stops_between_runs_and_writes_its_junit_whole(tmp_path):
    (tmp_path / "test_three.py").write_text("def test_a(): pass\ndef test_b(): pass\ndef test_c(): pass\n")
    junit_xml = tmp_path / "junit.xml"

    ended = subprocess.run(
        [sys.executable, "-m", "pytest", str(tmp_path), "-p", "reporting.burn_in", "-p", "no:cacheprovider"]
        + ["--burn-in-deadline=1", f"--junitxml={junit_xml}", "-q", "--rootdir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert ended.returncode == 2, ended.stdout + ended.stderr  # interrupted: no all-clear
    assert "the time given with --max-minutes is up" in ended.stdout
    assert [c.get("name") for c in ET.parse(junit_xml).iter("testcase")] == ["test_a"]


def test_the_deadline_is_given_to_pytest_only_with_max_minutes():
    with_time = burn_in.acceptance_command(burn_in.parse_args(["2", "--max-minutes", "1.5"]), now=1000.0)
    assert "--burn-in-deadline=1090" in with_time
    assert not any(a.startswith("--burn-in-deadline") for a in burn_in.acceptance_command(burn_in.parse_args(["2"])))


def test_arguments_and_the_command_it_runs():
    plan = burn_in.parse_args(["3", "features/top.feature", "-m", "R-TEL-120", "--max-minutes", "5", "--matrix", "PC"])

    assert (plan.runs, plan.features, plan.max_minutes) == (3, ["features/top.feature"], 5.0)
    assert plan.pytest_args == ["-m", "R-TEL-120", "--matrix", "PC"]
    command = burn_in.acceptance_command(plan)
    assert command[:4] == ["bash", "scripts/acceptance.sh", "-p", "reporting.burn_in"]
    assert "--count=3" in command and "--burn-in-feature=features/top.feature" in command
    assert {"--junitxml=reports/burn-in/junit.xml", "--report-dir=reports/burn-in"} <= set(command)
    assert command[-4:] == ["-m", "R-TEL-120", "--matrix", "PC"]  # last, so they can override
    assert burn_in.parse_args([]).runs == burn_in.DEFAULT_RUNS


def test_the_plugin_keeps_only_the_scenarios_of_the_feature_files_given():
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "features", "-p", "reporting.burn_in", "--count=2", "--co", "-q"]
        + ["--burn-in-feature=features/top.feature", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    scenarios = (ROOT / "features/top.feature").read_text(encoding="utf-8").count("シナリオ:")
    items = [line for line in collected.stdout.splitlines() if line.startswith("features/")]
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert len(items) == scenarios * 2 * 2  # iPhone and Android, two runs each
    assert {i.rsplit("[", 1)[1] for i in items} == {"iPhone-1-2]", "iPhone-2-2]", "Android-1-2]", "Android-2-2]"}


GIT_LOG = """
features/top.feature
steps/login.py

features/top.feature
features/gone.feature
steps/common.py
features/conftest.py
pages/login.py
"""


def test_changed_paths_from_git_log_once_each_in_order():
    assert burn_in.changed_paths(GIT_LOG) == [
        "features/top.feature",
        "steps/login.py",
        "features/gone.feature",
        "steps/common.py",
        "features/conftest.py",
        "pages/login.py",
    ]


def test_changed_features_take_step_modules_users_but_leave_shared_modules_to_the_full_run():
    features = {f"features/{n}.feature" for n in ("top", "login", "login_id", "home", "journeys", "mailbox")}
    users = {
        "steps/login.py": {"features/login.feature", "features/journeys.feature"},
        "pages/login.py": {"features/login.feature", "features/home.feature"},
        "steps/common.py": features,
    }

    selected, notes = burn_in.select_features(burn_in.changed_paths(GIT_LOG), users.get, features, shared_limit=2)

    assert selected == ["features/top.feature", "features/journeys.feature", "features/login.feature"] + [
        "features/home.feature"
    ]
    assert notes == [
        "features/gone.feature: no longer there",
        "steps/common.py: used by 6 of 6 feature files, left to the full run",
        "features/conftest.py: not mapped to feature files",
    ]
    assert burn_in.select_features([], users.get, features, 2) == ([], [])


def test_step_usage_maps_step_and_page_modules_to_the_features_that_use_them():
    usage = burn_in.StepUsage(ROOT)

    top_steps = usage("steps/top.py")
    assert "features/top.feature" in top_steps
    assert "features/mailbox.feature" not in top_steps
    assert usage("pages/top.py") >= top_steps  # pages/top.py is used through steps/top.py
    assert len(usage("steps/common.py")) > len(usage.steps) // 3  # shared
    assert usage("steps/__init__.py") is None and usage("steps/gone.py") is None


def test_zero_runs_is_refused():
    with pytest.raises(SystemExit):
        burn_in.parse_args(["0"])


def test_past_the_deadline_pytest_xdist_workers_stop_too(tmp_path):
    """scripts/acceptance.sh runs on every core, so a burn-in does too: each worker stops after the run it is in."""
    (tmp_path / "test_many.py").write_text("".join(f"def test_{n}(): pass\n" for n in range(12)))
    junit_xml = tmp_path / "junit.xml"

    ended = subprocess.run(
        [sys.executable, "-m", "pytest", str(tmp_path), "-p", "reporting.burn_in", "-p", "no:cacheprovider", "-n", "2"]
        + ["--burn-in-deadline=1", f"--junitxml={junit_xml}", "-q", "--rootdir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert ended.returncode == 2, ended.stdout + ended.stderr
    assert "the time given with --max-minutes is up" in ended.stdout + ended.stderr
    assert 1 <= len(list(ET.parse(junit_xml).iter("testcase"))) <= 2  # a run on each worker at most
