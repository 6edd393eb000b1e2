"""Where an acceptance run's time went, from the records it left (reports/results.json).

    .venv/bin/python -m benchmarks.where [reports/results.json]

Each scenario run's record holds how long pytest spent setting it up, running it and tearing it down, and,
within the run, how long the step screenshots and axe's checks took; the steps themselves (the phones' browser
work and the bank answering it) are the steps' own durations. The embedded bank's share, the time it spent
answering the runs' requests (control API included; absent under --base-url), is given beside. Under pytest-xdist
the parts are shares of the workers' time together (wall time × workers). What is outside every run — collecting
the scenarios, starting the workers — is that time less the runs'.
Writing the report comes after and is printed by the run itself ("written in … s").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def breakdown(results: dict) -> list[tuple[str, float]]:
    """(what, seconds) for the parts of a run, which add up to its wall time."""
    records = results["records"]
    total = {"setup": 0.0, "call": 0.0, "teardown": 0.0, "screenshots": 0.0, "axe": 0.0, "bank": 0.0}
    steps = 0.0
    for record in records:
        for part, seconds in (record.get("time") or {}).items():
            total[part] = total.get(part, 0.0) + seconds
        steps += sum(step.get("duration") or 0.0 for step in record["steps"])
    runs = total["setup"] + total["call"] + total["teardown"]
    wall = capacity(results)
    return [
        ("steps: the phones' browser and the bank answering it", steps),
        ("step screenshots", total["screenshots"]),
        ("axe checks", total["axe"]),
        ("between steps (pytest-bdd, hooks)", total["call"] - steps - total["screenshots"] - total["axe"]),
        ("setting up each run (a fresh world; the first also starts the bank and browser)", total["setup"]),
        ("tearing down each run (evidence, contexts closed)", total["teardown"]),
        ("outside the runs (collection, idle workers)", wall - runs),
    ]


def capacity(results: dict) -> float:
    """The time the run's processes had: its wall time, once for each pytest-xdist worker."""
    environment = results["environment"]
    return environment["duration"] * (environment.get("workers") or 1)


def bank_busy(results: dict) -> float | None:
    """How long the embedded bank spent answering the runs' requests (the control API's too), or None under --base-url."""
    times = [(r.get("time") or {}).get("bank") for r in results["records"]]
    return sum(t for t in times if t is not None) if any(t is not None for t in times) else None


def table(results: dict) -> str:
    rows = breakdown(results)
    wall = results["environment"]["duration"]
    count = len(results["records"])
    workers, had = results["environment"].get("workers") or 1, capacity(results)
    on = f", {workers} workers: {had:.0f} s of their time" if workers > 1 else ""
    lines = [f"{count} scenario runs, {wall:.0f} s wall ({60 * count / wall:.1f} runs a minute{on})" if wall else ""]
    for what, seconds in rows:
        lines.append(f"{seconds:8.1f} s  {100 * seconds / had if had else 0:5.1f} %  {what}")
    busy = bank_busy(results)
    if busy is not None:
        lines.append(f"of all that, the embedded bank spent {busy:.1f} s answering requests (control API included)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "reports/results.json")
    print(table(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
