"""A pytest plugin for tests/test_failure_artifacts_browser.py: every scenario also claims @A-HELP, which it never shows,
so the run passes its steps and then fails the check of its tags (tags_proven)."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker("A-HELP")
