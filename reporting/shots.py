"""Step screenshots: the visible screen only, as a small WebP, each distinct screen stored once per run.

A run takes a screenshot after every step, but most steps leave the screen as
it was and every scenario of a feature starts from the same screens, so a file
is named by its content: a screen seen a hundred times is stored once. Playwright
screenshots only as PNG or JPEG; the browser itself re-encodes a new screen as
WebP, which keeps Japanese text sharp in about two thirds of a JPEG's bytes.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

QUALITY = 0.5  # WebP quality, 0–1: small Japanese text still reads when the screenshot is opened at full size
BUDGET = 40_000  # bytes one screenshot may take: the largest, on the desktop viewport (1280×720), measured 33 kB
ENCODE = """async ([png, quality]) => {
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext("2d", { alpha: false }).drawImage(bitmap, 0, 0);
  const blob = await canvas.convertToBlob({ type: "image/webp", quality });
  const encoded = new Uint8Array(await blob.arrayBuffer());
  let text = "";
  for (let i = 0; i < encoded.length; i += 8192) text += String.fromCharCode(...encoded.subarray(i, i + 8192));
  return [blob.type, btoa(text)];
}"""
SUFFIX = {"image/webp": ".webp", "image/png": ".png"}
_encoders: dict = {}  # browser → the page of its own that encodes screenshots


def save(page, folder: Path) -> Path:
    """Screenshot what the page shows now (the viewport, at CSS pixels) into folder, named by its content."""
    png = page.screenshot(type="png", scale="css", timeout=3000, animations="disabled")
    name = hashlib.sha1(png).hexdigest()[:16]
    for suffix in SUFFIX.values():
        if (folder / f"{name}{suffix}").exists():
            return folder / f"{name}{suffix}"
    kind, data = encode(page.context.browser, png)
    path = folder / f"{name}{SUFFIX[kind]}"
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)  # pytest-xdist workers may store the same screen at once
    return path


def encode(browser, png: bytes) -> tuple[str, bytes]:
    """A PNG as WebP, encoded in a blank page of the browser's own, outside every test's context; else as it is."""
    if browser is None:
        return "image/png", png
    encoder = _encoders.get(browser)
    if encoder is None or encoder.is_closed():
        encoder = _encoders[browser] = browser.new_page()
    kind, data = encoder.evaluate(ENCODE, [base64.b64encode(png).decode(), QUALITY])
    return (kind, base64.b64decode(data)) if kind in SUFFIX else ("image/png", png)
