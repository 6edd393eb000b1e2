"""JUnit XML of several shards as one suite, its test cases in the merged report's order."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

COUNTS = ("tests", "errors", "failures", "skipped")


def suites(path: Path) -> list[ET.Element]:
    """The <testsuite> elements of one pytest JUnit file (under <testsuites> or alone)."""
    root = ET.parse(path).getroot()
    return [root] if root.tag == "testsuite" else root.findall("testsuite")


def nodeid(case: ET.Element) -> str:
    """pytest's node ID of a test case: classname features.test_features, name test_x[iPhone]."""
    return case.get("classname", "").replace(".", "/") + ".py::" + case.get("name", "")


def merge(paths: list[Path], out: Path, records: list[dict]) -> bool:
    """One <testsuite> with every shard's test cases, counts and time summed; False when no shard left a file."""
    found = [suite for path in paths if path.is_file() for suite in suites(path)]
    if not found:
        return False
    merged = ET.Element("testsuite", {k: v for k, v in found[0].attrib.items() if k not in COUNTS})
    for count in COUNTS:
        merged.set(count, str(sum(int(suite.get(count, 0)) for suite in found)))
    merged.set("time", f"{sum(float(suite.get('time', 0)) for suite in found):.3f}")
    merged.set("timestamp", min(suite.get("timestamp", "") for suite in found))
    order = {record["nodeid"]: index for index, record in enumerate(records) if record.get("nodeid")}
    cases = [case for suite in found for case in suite.findall("testcase")]
    merged.extend(sorted(cases, key=lambda case: order.get(nodeid(case), len(order))))
    tree = ET.ElementTree(ET.Element("testsuites", name="pytest tests"))
    tree.getroot().append(merged)
    ET.indent(tree)
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return True
