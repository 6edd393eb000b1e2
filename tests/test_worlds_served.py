"""Two suites at once against one mock served on gunicorn with two worker processes, each suite in a world of its own."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from mockbank.control.client import WorldClient
from mockbank.passwords import SUITE_HASH_METHOD

ROOT = Path(__file__).parent.parent
# Suite A sends the bank's mail to taro@example.jp; suite B sends none, and seeds a customer under a fixed login ID.
SUITES = {
    "suite-a": "文字化けせずに届く or メール通知パスワードのお知らせが届く",
    "suite-b": "別のお客さまが使っているログインidは登録できない or トップページからご利用案内へ進むと4つの入口がある",
}
POSTGRES = os.environ.get("MOCKBANK_TEST_POSTGRES_URL")  # serve on this PostgreSQL instead of a SQLite file
TEST_SETTINGS = {
    "MOCKBANK_PASSWORD_HASH_METHOD": SUITE_HASH_METHOD,  # as the embedded server of the harness
    "MOCKBANK_BIOMETRIC_TIMEOUT_SECONDS": "4",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """`mockbank serve --test-mode` on gunicorn with 2 workers, on a database of its own; its address and log."""
    port = _free_port()
    database = POSTGRES or f"sqlite:///{tmp_path / 'mockbank.sqlite'}"
    env = {**os.environ, **TEST_SETTINGS, "MOCKBANK_DATABASE_URL": database}
    command = [sys.executable, "-m", "mockbank.cli", "serve", "--test-mode", "--no-demo", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", "2"], cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    log, booted = [], threading.Event()

    def read() -> None:  # gunicorn's log, read as it comes so that it never fills the pipe
        for line in server.stderr:
            log.append(line)
            if sum("Booting worker" in seen for seen in log) >= 2:
                booted.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert booted.wait(timeout=90), "".join(log)
        yield f"http://localhost:{port}", log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_two_suites_pass_at_once_each_in_its_own_world_on_gunicorn(served, tmp_path):
    url, log = served
    root = WorldClient(url)
    run = uuid.uuid4().hex[:6]
    clients = {name: root.new_world(f"{name}-{run}") for name in SUITES}
    runs = {
        name: subprocess.Popen(
            [sys.executable, "-m", "pytest", "features", "-k", expression, "--base-url", url]
            + ["--world", clients[name].world]
            + ["--matrix", "iPhone", "--report-dir", str(tmp_path / name), "-q", "-p", "no:cacheprovider"],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name, expression in SUITES.items()
    }
    outputs = {name: run.communicate(timeout=240)[0] for name, run in runs.items()}
    for name, run in runs.items():
        assert run.returncode == 0, f"{name} failed:\n{outputs[name][-4000:]}"
        assert "passed" in outputs[name] and "failed" not in outputs[name], outputs[name][-800:]
    mail_a, mail_b = (clients[name].mails("taro@example.jp") for name in SUITES)
    assert [m["subject"] for m in mail_a] == ["【青森みちのく銀行】メールアドレス登録のお知らせ"]
    assert mail_b == []
    assert [e for e in clients["suite-b"].journal() if e["kind"] == "mail"] == []
    assert root.mails("taro@example.jp") == []  # and nothing reached the default world
    assert len({line.rsplit("pid: ", 1)[-1] for line in log if "Booting worker" in line}) >= 2
    for client in clients.values():
        client.drop_world()
