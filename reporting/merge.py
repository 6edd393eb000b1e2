"""One report from the shards' folders: `python -m reporting.merge reports/shards/* --out reports`.

Each shard (`--shard K/N`) leaves a whole report folder of its own: results.json
with its records, shard.json, its screenshots, its failure folders and its JUnit
XML. The merge checks the shards are all of one split, brings their screenshots
and failure traces into the output folder, and writes one report, coverage map,
cucumber JSON, JUnit XML and history line, as one unsharded run would.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shlex
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

from mockbank.clock import JST
from reporting import history, junit, publish, records, shards
from reporting.environment import local_time

ROOT = Path(__file__).parent.parent
INCOMING = ".incoming"  # failure files on their way to failures/<new ID>/


def merge(folders: list[Path], out: Path, root: Path = ROOT, history_dir: Path | None = None) -> dict:
    """Write the merged report into out; answer the records, the run, and what was wrong with the shards."""
    manifests = [shards.read_manifest(folder) for folder in folders]
    problems = shards.check([m for m in manifests if m])
    problems += [
        f"{folder}: not a shard's report folder (no shard.json)"
        for folder, m in zip(folders, manifests, strict=True)
        if not m
    ]
    found = [_results(folder, manifest, problems) for folder, manifest in zip(folders, manifests, strict=True)]
    envs = [{**loaded["environment"], "runs": len(loaded["records"])} for loaded in found if loaded]
    # The same shards merged again are the same run: one history line, one screenshot folder.
    ids = sorted(e.get("run_id", "?") for e in envs) or ["none"]
    run_id = f"{ids[0]}-merged-{hashlib.sha1('+'.join(ids).encode()).hexdigest()[:8]}"
    out.mkdir(parents=True, exist_ok=True)
    merged = [
        _bring(record, folder, out, run_id, index)
        for index, (folder, loaded) in enumerate(zip(folders, found, strict=True))
        for record in (loaded["records"] if loaded else [])
    ]
    merged.sort(key=records.sort_key)
    env = _environment(envs, merged) | {"run_id": run_id}
    if len({e.get("commit") for e in envs}) > 1:
        problems.append(
            "shards ran different commits: " + ", ".join(sorted({(e.get("commit") or "?")[:10] for e in envs}))
        )
    first = datetime.fromisoformat(env["started"])
    run = history.run_summary(run_id, f"{first:%Y-%m-%d %H:%M:%S}", env["duration"], merged)
    runs = history.append((history_dir or out / "history") / "history.jsonl", run)
    publish.write(out, root, merged, run, runs, env)
    junit.merge([folder / "acceptance-junit.xml" for folder in folders], out / "acceptance-junit.xml", merged)
    _tidy(out, run_id)
    return {"records": merged, "run": run, "problems": problems}


def _results(folder: Path, manifest: dict | None, problems: list[str]) -> dict | None:
    """A shard folder's results.json, or None (a problem when its shard had runs to do)."""
    path = folder / "results.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    if manifest and manifest["selected"]:
        problems.append(f"{folder}: shard {manifest['shard']}/{manifest['of']} left no results")
    return None


def _bring(record: dict, folder: Path, out: Path, run_id: str, index: int) -> dict:
    """A shard's record with its screenshots and failure files copied into out, paths relative to out."""
    for step in record["steps"]:
        for shot in step["screenshots"]:
            shot["path"] = _copy(folder / shot["path"], out / "shots" / run_id, out)
    incoming = out / "failures" / INCOMING / str(index)
    moved = {}
    for kind, paths in record.get("artifacts", {}).items():
        paths = [paths] if isinstance(paths, str) else paths
        moved[kind] = [_copy(folder / path, incoming / Path(path).parent.name, out) for path in paths]
    record["artifacts"] = moved
    record.pop("failure_id", None)  # numbered again in the merged report's order
    record.pop("failure_files", None)
    return record


def _copy(source: Path, folder: Path, out: Path) -> str:
    """Copy a file into folder (once: screenshots are named by content); its path relative to out."""
    target = folder / source.name
    if source.is_file() and not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    return os.path.relpath(target, out).replace(os.sep, "/")


def _environment(envs: list[dict], merged: list[dict]) -> dict:
    """The shards' environment as one run's: first start to last end, every browser, each shard's share."""
    base = {k: v for k, v in envs[0].items() if k != "runs"} if envs else {}
    spans = [(datetime.fromisoformat(e["started"]), e["duration"]) for e in envs]
    start = min((s for s, _ in spans), default=datetime.now(JST))
    end = max((s + timedelta(seconds=d) for s, d in spans), default=start)
    base.update(
        {
            "browser": sorted({b for e in envs for b in e.get("browser", [])}),
            "matrix": sorted({d for e in envs for d in e.get("matrix", [])}, key=records.device_rank),
            "devices": records.devices_in(merged),
            "started": start.isoformat(timespec="seconds"),
            "started_text": local_time(start),
            "duration": round((end - start).total_seconds(), 1),
            "changed": any(e.get("changed") for e in envs),
            "argv": list(sys.argv),
            "command": shlex.join(sys.argv),
            "cwd": os.getcwd(),
            "shard": None,
            "shards": [{"shard": e.get("shard"), "runs": e["runs"], "duration": e["duration"]} for e in envs],
        }
    )
    return base


def _tidy(out: Path, run_id: str) -> None:
    """Keep only this merge's screenshots, and no failure files left on their way."""
    shutil.rmtree(out / "failures" / INCOMING, ignore_errors=True)
    for old in (out / "shots").glob("*"):
        if old.name != run_id:
            shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Merge; exit 0 when every run passed, 1 when one failed, 2 when the shards do not make a whole run."""
    parser = argparse.ArgumentParser(prog="python -m reporting.merge", description=__doc__.splitlines()[0])
    parser.add_argument("shards", nargs="+", type=Path, help="the shards' report folders (reports/shards/*)")
    parser.add_argument("--out", type=Path, default=Path("reports"), help="where the merged report goes")
    parser.add_argument("--history-dir", type=Path, default=None, help="the history to extend (<out>/history)")
    args = parser.parse_args(argv)
    folders = [folder for folder in args.shards if folder.is_dir()]
    done = merge(folders, args.out.absolute(), history_dir=args.history_dir)
    counts = records.outcome_counts(done["records"])
    print(
        f"merged {len(folders)} shard folder(s): {len(done['records'])} runs "
        f"({counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped) "
        f"-> {(args.out / 'index.html').absolute().as_uri()}"
    )
    for problem in done["problems"]:
        print(f"merge: {problem}", file=sys.stderr)
    return 2 if done["problems"] else 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
