"""Step screenshots: the visible screen only, as a small JPEG, each distinct screen stored once per run.

A run takes a screenshot after every step, but most steps leave the screen as
it was and every scenario of a feature starts from the same screens, so a file
is named by its content: a screen seen a hundred times is stored once.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

QUALITY = 50  # JPEG quality: Japanese text still reads when the screenshot is opened at full size
BUDGET = 48_000  # bytes one screenshot may take (the desktop viewport, 1280×720, is the largest)


def save(page, folder: Path) -> Path:
    """Screenshot what the page shows now (the viewport, at CSS pixels) into folder, named by its content."""
    data = page.screenshot(type="jpeg", quality=QUALITY, scale="css", timeout=3000, animations="disabled")
    path = folder / f"{hashlib.sha1(data).hexdigest()[:16]}.jpg"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, path)  # pytest-xdist workers may store the same screen at once
    return path
