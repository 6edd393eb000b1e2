"""Templates compiled once per process instead of once per app.

Jinja compiles each template to Python code the first time an app renders it, and keeps it in that app's
environment only. A server builds its app once; the tests build a bank per test, and compiling the templates
anew was a fifth of the CPU of the tests below the browser. Jinja's own bytecode cache keeps the compiled code
for every app of the process, keyed by the template's name and file and checked against its source, so a
template edited on disk is compiled again.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class ProcessBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in this process's memory (tests/test_template_code.py)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # kept only if the source's checksum matches

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.code.clear()


PROCESS_CACHE = ProcessBytecodeCache()


def shared_templates(app: Any) -> None:
    """Make `app`'s templates use the code another app of this process compiled for them (create_app)."""
    app.jinja_options = {**app.jinja_options, "bytecode_cache": PROCESS_CACHE}
