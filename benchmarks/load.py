"""The mock under load: concurrent customers each walking お客様情報入力 → ログインID取得 over HTTP.

    .venv/bin/python -m benchmarks.load [--customers 20] [--rounds 3] [--base-url http://localhost:8000]

Without --base-url it measures, in interleaved rounds, an embedded server configured like the suite's
(conftest.py: cheap scrypt) and `python -m mockbank serve --test-mode` (the production hash), each in a
process of its own so that the customers' threads here share no interpreter lock with it. One customer
walks first, alone and untimed (a mock in use has its templates compiled). Every customer
is a persona of its own from the control API, seeded before the walk; all start together. Requests are
split by what they cost the bank: screens that hash no password (the forms, shown) and the two submits
that check passwords (SID001's 次へ checks both passwords; ID登録実行 checks the ID against both, R-DISTINCT).
Prints p50, p95, max and 5xx per kind, checks every customer registered its login ID (control API), and
writes reports/load.json. A benchmark, not a test: it never fails on a number.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests

from mockbank.control.client import WorldClient
from mockbank.passwords import SUITE_HASH_METHOD

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf(html: str) -> str:
    """The CSRF token of the form on a page."""
    found = TOKEN.search(html)
    if not found:
        raise ValueError("no CSRF token on the page")
    return found.group(1)


class Walk:
    """One customer's walk: SID001 shown, submitted; S-ID shown, submitted; S-ID-DONE shown. Every request timed."""

    def __init__(self, base_url: str, persona: dict) -> None:
        self.base = base_url
        self.persona = persona
        self.login_id = "load" + secrets.token_hex(3) + "7"  # 6–12 letters and digits, unlike any other's
        self.http = requests.Session()
        self.samples: list[tuple[str, float, int]] = []  # (kind, ms, status)
        self.error: str | None = None

    def _timed(self, kind: str, method: str, path: str, **kwargs) -> requests.Response:
        started = time.perf_counter()
        response = self.http.request(method, self.base + path, timeout=60, allow_redirects=False, **kwargs)
        self.samples.append((kind, (time.perf_counter() - started) * 1000, response.status_code))
        return response

    def run(self) -> None:
        """Walk, noting the first thing that went wrong instead of raising."""
        try:
            self._walk()
        except Exception as error:  # a walk that breaks is counted, not fatal to the others
            self.error = f"{type(error).__name__}: {error}"

    def _walk(self) -> None:
        p = self.persona
        shown = self._timed("shown", "GET", "/netbank/customer-info")
        form = {
            "csrf_token": csrf(shown.text),
            "branch": p["branch"]["code"],
            "kind": "普通",
            "account": p["account_number"],
            "login_pw": p["login_password"],
            "confirm_pw": p["confirm_password"],
            "action": "next",
        }
        moved = self._timed("checks passwords", "POST", "/netbank/customer-info", data=form)
        if moved.status_code != 302:
            raise RuntimeError(f"SID001 answered {moved.status_code}, not a redirect to ログインID取得")
        shown = self._timed("shown", "GET", moved.headers["Location"])
        form = {"csrf_token": csrf(shown.text), "login_id": self.login_id, "login_id_again": self.login_id}
        moved = self._timed("checks passwords", "POST", "/netbank/login-id", data=form)
        if moved.status_code != 302:
            raise RuntimeError(f"S-ID answered {moved.status_code}, not a redirect to ログインID取得完了")
        self._timed("shown", "GET", moved.headers["Location"])


def load(base_url: str, customers: int) -> dict:
    """Seed `customers` personas, walk them all at once, and summarise the latencies and who registered."""
    world = WorldClient(base_url)
    Walk(base_url, world.persona("new")).run()  # one customer first: the templates compiled, as on a mock in use
    walks = [Walk(base_url, world.persona("new")) for _ in range(customers)]
    start = threading.Barrier(customers)

    def go(walk: Walk) -> None:
        start.wait()
        walk.run()

    threads = [threading.Thread(target=go, args=(walk,)) for walk in walks]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    registered = sum(world.customer(w.persona["customer_id"])["login_id"] == w.login_id for w in walks)
    samples = [s for w in walks for s in w.samples]
    return {
        "customers": customers,
        "registered": registered,
        "errors": [w.error for w in walks if w.error],
        "wall_s": round(wall, 2),
        **{kind: summary([ms for k, ms, _ in samples if k == kind]) for kind in ("shown", "checks passwords")},
        "5xx": sum(status >= 500 for _, _, status in samples),
    }


def summary(samples: list[float]) -> dict:
    """p50, p95 and max of latencies in milliseconds."""
    if not samples:
        return {"n": 0}
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return {
        "n": len(ordered),
        "p50": round(statistics.median(ordered), 1),
        "p95": round(p95, 1),
        "max": round(ordered[-1], 1),
    }


def _embedded(database: str, ready) -> None:
    """In a process of its own: the suite's embedded server (conftest.py's settings), until killed."""
    from mockbank import create_app
    from mockbank.server import BackgroundServer

    app = create_app(
        {
            "TEST_MODE": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            "PASSWORD_HASH_METHOD": SUITE_HASH_METHOD,
        }
    )
    server = BackgroundServer(app).start()
    ready.put(server.url)
    threading.Event().wait()


@contextmanager
def embedded():
    """An embedded server like the suite's, in a child process; yields its URL."""
    context = multiprocessing.get_context("spawn")
    ready = context.Queue()
    process = context.Process(target=_embedded, args=(f"{tempfile.mkdtemp()}/load.sqlite", ready), daemon=True)
    process.start()
    try:
        yield ready.get(timeout=60)
    finally:
        process.kill()
        process.join()


@contextmanager
def served():
    """`python -m mockbank serve --test-mode` on a free port with a database of its own; yields its URL."""
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "MOCKBANK_DATABASE_URL": f"sqlite:///{tempfile.mkdtemp()}/serve.sqlite"}
    serve = ["serve", "--test-mode", "--no-demo", "--port", str(port)]
    command = [sys.executable, "-c", f"from mockbank.cli import main; main({serve!r})"]  # as the `mockbank` script
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://localhost:{port}"
    try:
        for _ in range(300):
            if process.poll() is not None:
                raise RuntimeError(f"mockbank serve ended with {process.returncode}")
            try:
                requests.get(url + "/_control/clock", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)  # waiting for another process to start listening, not for the world
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def merged(rounds: list[dict]) -> dict:
    """The rounds of one target together: median of each figure, totals of 5xx, registered and customers."""
    out = {
        "rounds": len(rounds),
        "customers": sum(r["customers"] for r in rounds),
        "registered": sum(r["registered"] for r in rounds),
        "5xx": sum(r["5xx"] for r in rounds),
        "errors": [e for r in rounds for e in r["errors"]],
    }
    for kind in ("shown", "checks passwords"):
        measured = [r[kind] for r in rounds if r[kind]["n"]]
        out[kind] = {k: statistics.median(m[k] for m in measured) for k in ("p50", "p95", "max") if measured}
        out[kind]["n"] = sum(r[kind]["n"] for r in rounds)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="rounds per target, interleaved")
    parser.add_argument("--base-url", help="a mock already running in test mode: measure it alone")
    args = parser.parse_args()
    targets = (
        {args.base_url: lambda: _given(args.base_url)}
        if args.base_url
        else {"embedded (suite's hash)": embedded, "serve (production hash)": served}
    )
    results: dict[str, list[dict]] = {name: [] for name in targets}
    for _ in range(args.rounds):
        for name, start in targets.items():
            with start() as url:
                results[name].append(load(url, args.customers))
    table = {name: merged(rounds) for name, rounds in results.items()}
    print_table(table)
    out = ROOT / "reports" / "load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"summary": table, "rounds": results}, ensure_ascii=False, indent=1), encoding="utf-8")


@contextmanager
def _given(url: str):
    yield url.rstrip("/")


def print_table(table: dict) -> None:
    """One line per target and kind of screen: p50, p95, max; then 5xx and who registered."""
    width = max(len(name) for name in table)
    print(f"{'target':<{width}}  {'requests':<17} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, row in table.items():
        for kind in ("shown", "checks passwords"):
            n = row[kind]
            label = "no password hash" if kind == "shown" else "checks passwords"
            print(
                f"{name:<{width}}  {label:<17} {n['n']:>4} {n.get('p50', 0):>8.1f} {n.get('p95', 0):>8.1f} "
                f"{n.get('max', 0):>8.1f}"
            )
        print(
            f"{name:<{width}}  5xx: {row['5xx']}, registered: {row['registered']}/{row['customers']} "
            f"over {row['rounds']} round(s){', errors: ' + '; '.join(row['errors'][:3]) if row['errors'] else ''}"
        )


if __name__ == "__main__":
    main()
