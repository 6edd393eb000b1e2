"""Step screenshots: the visible screen only, as a small WebP, each distinct screen stored once per run.

A run takes a screenshot after every step, but most steps leave the screen as
it was and the scenarios of a run show the same screens again and again (a full
run took 3,222 step screenshots of 503 different pictures). So a page whose
state (address, device, scroll, focus, field values, markup but for what
draws nothing) is one a page of the run was shot in before reuses that
screenshot without asking the browser, and a file is named by its content: a
screen seen a hundred times is captured once and stored once. Chromium
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
# What a screen shows, in one round trip: its address, the device (viewport, pixel ratio, user agent), scroll,
# focus (and whether its ring shows), the values in its fields and a hash of its markup without what draws nothing
# and differs from page to page: scripts (a WebAuthn challenge), meta elements and hidden fields (CSRF tokens), value
# attributes (a field draws its value, hashed apart) and data-* attributes unless a style sheet selects by one (the
# phone's identity). Two moments with the same state draw the same pixels (the bank's pages have no animation,
# image, canvas or frame, and their one style sheet has no :hover), so a step that shows a state seen before in the
# run reuses its screenshot instead of taking it again. And SHOWN, so that the accessibility check after the same
# step need not ask the page again.
STATE = """() => {
  const d = document.documentElement, fields = document.querySelectorAll("input, select, textarea");
  let text = "";
  if (d) {
    const copy = d.cloneNode(true);
    for (const e of copy.querySelectorAll("script, meta")) e.remove();
    for (const input of copy.querySelectorAll("input")) input.removeAttribute("value");
    const rules = (sheet) => { try { return [...sheet.cssRules].map((r) => r.cssText); } catch { return ["[data-"]; } };
    if (![...document.styleSheets].some((sheet) => rules(sheet).some((r) => r.includes("[data-")))) {
      for (const e of copy.querySelectorAll("*")) {
        for (const name of e.getAttributeNames()) if (name.startsWith("data-")) e.removeAttribute(name);
      }
    }
    text = copy.outerHTML;
  }
  for (const f of fields) if (f.type !== "hidden") text += "\u0000" + f.value + (f.checked ? "\u0001" : "");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  const all = d ? document.getElementsByTagName("*") : [], at = (e) => Array.prototype.indexOf.call(all, e);
  const focus = document.activeElement, ring = !!focus && focus.matches(":focus-visible");
  const device = [innerWidth, innerHeight, devicePixelRatio, navigator.userAgent];
  const key = [location.href, ...device, at(focus), ring, text.length, h >>> 0].join(" ");
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
_sessions: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # page → its CDP session for screenshots
_seen: dict = {}  # (folder, browser, state) → the screenshot of the first page found in that state
_device_pixels: weakref.WeakSet = weakref.WeakSet()  # contexts whose CDP captures come at device pixels
_shown: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # page → SHOWN as its last screenshot found it
UNSEEN = object()  # shown_at_last_save: the page was not screenshotted since it was last asked


def save(page, folder: Path, reuse: bool = True) -> Path:
    """Screenshot what the page shows now (the viewport, at CSS pixels) into folder, named by its content.

    With `reuse`, a state a page of the run was shot in before takes that screenshot; else it is captured again."""
    x, y, seen, shown = page.evaluate(STATE)
    _shown[page] = shown
    browser = page.context.browser
    state = (folder, browser.browser_type.name if browser else None, x, y, seen)
    known = _seen.get(state)
    if reuse and known and known.exists():
        return known  # this page, or another of the run, showed the same screen before
    kind, data = capture(page)
    name = hashlib.sha1(data).hexdigest()[:16]
    path = folder / f"{name}{SUFFIX[kind]}"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, path)  # pytest-xdist workers may store the same screen at once
    _seen[state] = path
    return path


def capture(page) -> tuple[str, bytes]:
    """The visible screen at CSS pixels as WebP, straight from Chromium (CDP); else Playwright's PNG, re-encoded.

    No clip is asked for: Chromium answers a clipped capture by emulating another screen for it and leaves the page
    at a device pixel ratio of 1 and a desktop's screen until it navigates (a phone no longer a phone). Unclipped,
    the headless shell gives the viewport as scrolled, at CSS pixels; a Chromium that draws at device pixels (one
    with a window) gets Playwright's screenshot, which puts the emulation back."""
    size = page.viewport_size
    try:
        if size is None or page.context in _device_pixels:
            raise LookupError("not at CSS pixels")
        cdp = _sessions.get(page)
        if cdp is None:
            cdp = _sessions[page] = page.context.new_cdp_session(page)
        shot = cdp.send(
            "Page.captureScreenshot", {"format": "webp", "quality": round(QUALITY * 100)}, timeout=CAPTURE_MS
        )
        data = base64.b64decode(shot["data"])
        if webp_size(data) == (size["width"], size["height"]):
            return "image/webp", data
        _device_pixels.add(page.context)
    except Exception:  # not Chromium, no viewport, or caught by a navigation
        _sessions.pop(page, None)  # a capture that timed out may still hold its session: the next takes a new one
    png = page.screenshot(type="png", scale="css", timeout=3000, animations="disabled")
    return encode(page.context.browser, png)


def webp_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a WebP image from its header (lossy, lossless or extended), else None."""
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return None
    chunk = data[12:16]
    if chunk == b"VP8X":
        return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
    if chunk == b"VP8 ":
        return int.from_bytes(data[26:28], "little") & 0x3FFF, int.from_bytes(data[28:30], "little") & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


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
