"""Benchmark of the mock world and the harness: how long the things every scenario does take.

    .venv/bin/python -m benchmarks.bench [--rounds 50]

Measures, against an embedded mock bank like the suite's: a world reset, seeding
a persona, an HTTP page, and — per device — a fresh browser context with one
screen opened and submitted. Prints a table and writes reports/benchmark.json.
A benchmark, not a test: it never fails on a number.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import requests
from playwright.sync_api import sync_playwright

from conftest import CHROMIUM_FLAGS, chromium_executable
from mockbank import create_app
from mockbank.control.client import WorldClient
from mockbank.passwords import SUITE_HASH_METHOD
from mockbank.server import BackgroundServer
from pages.customer_info import CustomerInfoPage
from pages.devices import DEVICES
from pages.phones import Phones


def timed(action, rounds: int) -> dict:
    """Median and 90th percentile of `action` over `rounds` runs, in milliseconds."""
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"median_ms": round(statistics.median(samples), 1), "p90_ms": round(samples[int(len(samples) * 0.9) - 1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    app = create_app(
        {
            "TEST_MODE": True,
            "PASSWORD_HASH_METHOD": SUITE_HASH_METHOD,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite",
        }
    )
    server = BackgroundServer(app).start()
    world = WorldClient(server.url)
    results = {
        "world reset": timed(world.reset, rounds),
        "seed a persona": timed(lambda: world.persona("new"), rounds),
        "GET お客様情報入力 over HTTP": timed(
            lambda: requests.get(server.url + "/netbank/customer-info", timeout=10), rounds
        ),
    }
    executable = chromium_executable()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            args=CHROMIUM_FLAGS, **({"executable_path": executable} if executable else {})
        )

        def new_context(**args):
            return browser.new_context(base_url=server.url, **args)

        for device in DEVICES.values():

            def scenario_like(device=device):
                phone = Phones(new_context, playwright, device).default  # as the harness makes a phone
                screen = CustomerInfoPage(phone.browser)
                screen.open()
                screen.submit("001", "1234567", "abc123", "def456")
                screen.page.get_by_role("alert").wait_for()
                phone.context.close()

            results[f"{device.name}: new phone, open SID001, submit, close"] = timed(scenario_like, max(5, rounds // 5))
        browser.close()
    server.stop()
    width = max(len(name) for name in results)
    for name, numbers in results.items():
        print(f"{name:<{width}}  median {numbers['median_ms']:>8.1f} ms   p90 {numbers['p90_ms']:>8.1f} ms")
    out = Path("reports") / "benchmark.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
