"""Step screenshots: the visible screen only, as a small WebP, each distinct screen stored once per run.

A run takes a screenshot after every step, but most steps leave the screen as
it was and every scenario of a feature starts from the same screens. So a page
whose state (address, scroll, focus, typed values, markup) has not changed
since its last screenshot reuses it without asking the browser (a page with
nothing open yet, as every run starts, reuses the first such page's), and a file is
named by its content: a screen seen a hundred times is stored once. Chromium
encodes the WebP itself (CDP Page.captureScreenshot) at CSS pixels in one round
trip; elsewhere Playwright's PNG is re-encoded as WebP in a page of the browser.
"""

from __future__ import annotations

import base64
import hashlib
import os
import weakref
from pathlib import Path

QUALITY = 0.5  # WebP quality, 0–1: small Japanese text still reads when the screenshot is opened at full size
BUDGET = 40_000  # bytes one screenshot may take: the largest, on the desktop viewport (1280×720), measured 33 kB
# Which screen a page shows (<body data-screen>) and in which state: "error" when a message with role="alert" is
# visible, else "view"; null while it has none or is leaving (reporting/accessibility.py checks each once with axe).
SHOWN = """() => {
  const screen = document.body && document.body.dataset.screen;
  if (!screen || document.documentElement.dataset.leaving !== undefined) return null;
  const error = [...document.querySelectorAll('[role="alert"]')].some((e) => e.getClientRects().length && e.textContent.trim());
  return [screen, error ? "error" : "view"];
}"""
# What a screen shows, in one round trip: its address, scroll, focus, the values typed into it and a hash of its
# markup. Two moments with the same state draw the same pixels (animations aside, which the bank's pages have none
# of), so the step after a step that changed nothing reuses the screenshot instead of taking it again. And SHOWN,
# so that the accessibility check after the same step need not ask the page again.
STATE = """() => {
  const d = document.documentElement, fields = document.querySelectorAll("input, select, textarea");
  let text = d ? d.outerHTML : "";
  for (const f of fields) text += "\u0000" + f.value + (f.checked ? "\u0001" : "");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  const all = d ? Array.prototype.indexOf.call(document.getElementsByTagName("*"), document.activeElement) : -1;
  const key = [location.href, innerWidth, innerHeight, all, text.length, h >>> 0].join(" ");
  return [scrollX, scrollY, key, (SHOWN)()];
}""".replace("SHOWN", SHOWN)
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
# Chromium's capture can wait for ever when the page commits a navigation meanwhile (a form sent by a key press, a
# page that moves by itself): after this long, Playwright's own screenshot, which waits for the new page, takes it.
CAPTURE_MS = 3000
_encoders: dict = {}  # browser → the page of its own that encodes screenshots
_last: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # page → (its state, the screenshot of it)
_sessions: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # page → its CDP session for screenshots
_blank: dict = {}  # (folder, state) → the screenshot of a page with nothing open yet, that state's on every page
_shown: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # page → SHOWN as its last screenshot found it
UNSEEN = object()  # shown_at_last_save: the page was not screenshotted since it was last asked


def save(page, folder: Path) -> Path:
    """Screenshot what the page shows now (the viewport, at CSS pixels) into folder, named by its content."""
    x, y, seen, shown = page.evaluate(STATE)
    _shown[page] = shown
    state = (x, y, seen)
    last = _last.get(page)
    if last and last[0] == state and last[1].parent == folder and last[1].exists():
        return last[1]  # nothing on the screen changed since the last screenshot
    blank = (folder, state) if page.url == "about:blank" else None
    if blank in _blank and _blank[blank].exists():  # every run's first steps, before its phone opens a page
        _last[page] = (state, _blank[blank])
        return _blank[blank]
    kind, data = capture(page, x, y)
    name = hashlib.sha1(data).hexdigest()[:16]
    path = folder / f"{name}{SUFFIX[kind]}"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, path)  # pytest-xdist workers may store the same screen at once
    _last[page] = (state, path)
    if blank:
        _blank[blank] = path
    return path


def capture(page, x: float = 0, y: float = 0) -> tuple[str, bytes]:
    """The viewport (scrolled to x, y) at CSS pixels as WebP, straight from Chromium (CDP); else a re-encoded PNG."""
    size = page.viewport_size
    try:
        cdp = _sessions.get(page)
        if cdp is None:
            cdp = _sessions[page] = page.context.new_cdp_session(page)
        clip = {"x": x, "y": y, "width": size["width"], "height": size["height"], "scale": 1}
        params = {"format": "webp", "quality": round(QUALITY * 100), "clip": clip}
        shot = cdp.send("Page.captureScreenshot", params, timeout=CAPTURE_MS)
        return "image/webp", base64.b64decode(shot["data"])
    except Exception:  # not Chromium, no viewport, or caught by a navigation: Playwright's PNG, re-encoded as WebP
        _sessions.pop(page, None)  # a capture that timed out may still hold its session: the next takes a new one
        png = page.screenshot(type="png", scale="css", timeout=3000, animations="disabled")
        return encode(page.context.browser, png)


def encode(browser, png: bytes) -> tuple[str, bytes]:
    """A PNG as WebP, encoded in a blank page of the browser's own, outside every test's context; else as it is."""
    if browser is None:
        return "image/png", png
    encoder = _encoders.get(browser)
    if encoder is None or encoder.is_closed():
        encoder = _encoders[browser] = browser.new_page()
    kind, data = encoder.evaluate(ENCODE, [base64.b64encode(png).decode(), QUALITY])
    return (kind, base64.b64decode(data)) if kind in SUFFIX else ("image/png", png)


def shown_at_last_save(page):
    """What SHOWN found on `page` when save() last read it, once (then UNSEEN until save() reads it again)."""
    return _shown.pop(page, UNSEEN)
