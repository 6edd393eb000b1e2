"""Step screenshots stay small: the visible screen only, within the per-screenshot budget, each distinct screen once."""

from __future__ import annotations

import pytest

from pages.devices import DEVICES
from reporting import shots
from tests.settings import served_bank

# Screens anyone may open, among the busiest the suite shows (the bank's top page makes the largest screenshots).
SCREENS = ("/netbank/", "/netbank/login", "/netbank/first-login", "/netbank/apply", "/netbank/branches", "/")


def image_size(browser, path) -> tuple[int, int]:
    """(width, height) of an image file, as a browser opening it from disk reads it."""
    page = browser.new_page()
    page.goto(path.as_uri())
    size = page.evaluate("() => [document.images[0].naturalWidth, document.images[0].naturalHeight]")
    page.close()
    return tuple(size)


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    with served_bank(tmp_path_factory.mktemp("size") / "w.sqlite") as url:
        yield url


@pytest.fixture
def captured(monkeypatch) -> list:
    """The pages shots.save asked the browser to capture, in order (a reused screenshot asks nothing)."""
    pages = []
    capture = shots.capture
    monkeypatch.setattr(shots, "capture", lambda page, *a: pages.append(page) or capture(page, *a))
    return pages


@pytest.mark.parametrize("device", list(DEVICES))
def test_a_step_screenshot_is_the_visible_screen_within_the_budget(bank, browser, playwright, device, tmp_path):
    context = browser.new_context(**DEVICES[device].context_args(playwright), base_url=bank)
    page = context.new_page()
    viewport = page.viewport_size
    try:
        for screen in SCREENS:
            page.goto(screen)
            path = shots.save(page, tmp_path)
            assert path.stat().st_size <= shots.BUDGET, f"{device} {screen}: {path.stat().st_size} bytes"
            assert path.suffix == ".webp"
            size = image_size(browser, path)
            assert size == (viewport["width"], viewport["height"]), (
                f"{screen}: the viewport at CSS pixels, not the page"
            )
    finally:
        context.close()


def test_a_screen_seen_again_is_stored_once(browser, tmp_path):
    page = browser.new_page(viewport={"width": 393, "height": 659})
    page.set_content("<h1>ログインID取得</h1>")
    first, again = shots.save(page, tmp_path), shots.save(page, tmp_path)
    page.set_content("<h1>ログインID取得完了</h1>")
    other = shots.save(page, tmp_path)
    page.close()
    assert first == again != other
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({first.name, other.name})


def test_a_page_with_nothing_open_yet_is_shot_once_for_every_new_page_of_its_size(browser, tmp_path, captured):
    pages = [browser.new_page(viewport={"width": 393, "height": 659}) for _ in range(3)]
    pages.append(browser.new_page(viewport={"width": 1280, "height": 720}))
    blanks = [shots.save(page, tmp_path) for page in pages]
    pages[0].set_content("<h1>お客様情報入力</h1>")
    opened = shots.save(pages[0], tmp_path)
    for page in pages:
        page.close()
    assert blanks[0] == blanks[1] == blanks[2] != blanks[3] != opened
    # the first of each size, then the page opened
    assert [page.url for page in captured] == ["about:blank", "about:blank", "about:blank"]
    assert pixel(browser, blanks[0], 200, 300) == [255, 255, 255]


def test_a_screen_another_page_showed_is_not_captured_again_whatever_its_hidden_fields(browser, tmp_path, captured):
    form = (  # what differs from page to page and draws nothing: a token, a challenge, the phone's identity
        '<meta name="csrf-token" content="{0}"><script type="application/json">{{"challenge": "{0}"}}</script>'
        '<form data-device="{0}"><input type="hidden" name="csrf_token" value="{0}">'
        '<label>店番 <input id="branch" value=""></label></form>'
    )
    pages = [browser.new_page(viewport={"width": 393, "height": 659}) for _ in range(3)]
    for page, token in zip(pages, ("IjkyN2E0.axc0Pg", "ImYyYWU2.axc0Pw", "IjA1ZTc3.axc0Qa"), strict=True):
        page.set_content(form.format(token))
    pages[2].fill("#branch", "0a1")
    first, second, typed = (shots.save(page, tmp_path) for page in pages)
    for page in pages:
        page.close()
    assert first == second != typed
    assert captured == [pages[0], pages[2]]


def test_a_data_attribute_a_style_sheet_selects_by_is_part_of_the_screen(browser, tmp_path):
    pages = [browser.new_page(viewport={"width": 393, "height": 659}) for _ in range(2)]
    for page, state in zip(pages, ("open", "shut"), strict=True):
        page.set_content(f'<style>[data-state=open] {{ background: #c00 }}</style><p data-state="{state}">次へ</p>')
    opened, shut = (shots.save(page, tmp_path) for page in pages)
    for page in pages:
        page.close()
    assert opened != shut


def test_without_reuse_every_screenshot_is_captured_afresh(browser, tmp_path, captured):
    page = browser.new_page(viewport={"width": 393, "height": 659})
    page.set_content("<h1>ログインID取得</h1>")
    paths = [shots.save(page, tmp_path, reuse=False) for _ in range(2)]
    page.close()
    assert len(captured) == 2 and paths[0] == paths[1]


def test_a_phone_is_still_the_same_phone_after_its_screenshot(bank, browser, playwright, tmp_path, monkeypatch):
    monkeypatch.setattr(shots, "encode", lambda *a: pytest.fail("Chromium's own WebP, not Playwright's PNG re-encoded"))
    context = browser.new_context(**DEVICES["iPhone"].context_args(playwright), base_url=bank)
    page = context.new_page()
    page.goto("/netbank/customer-info")
    emulated = "() => [devicePixelRatio, screen.width, screen.height, innerWidth, innerHeight]"
    before = page.evaluate(emulated)
    page.evaluate("document.querySelector('input:not([type=hidden])').value = '0a1'")  # a new screen: captured
    shots.save(page, tmp_path)
    after = page.evaluate(emulated)
    context.close()
    assert before[0] == 3 and after == before


def test_a_focus_ring_the_keyboard_shows_is_a_screen_of_its_own(browser, tmp_path):
    clicked, tabbed = (browser.new_page(viewport={"width": 393, "height": 659}) for _ in range(2))
    for page in (clicked, tabbed):
        page.set_content('<button id="next" style="margin:40px">次へ</button>')
    clicked.click("#next")  # focused, no ring
    tabbed.keyboard.press("Tab")  # focused, with its ring
    for page in (clicked, tabbed):
        page.mouse.move(1, 1)  # the pointer over the same element on both
    by_mouse, by_key = shots.save(clicked, tmp_path), shots.save(tabbed, tmp_path)
    clicked.close()
    tabbed.close()
    assert by_mouse != by_key


def pixel(browser, path, x: int, y: int) -> list[int]:
    """The RGB of one pixel of an image file, as a browser decodes it."""
    page = browser.new_page()
    page.goto(path.as_uri())
    rgb = page.evaluate(
        """([x, y]) => { const i = document.images[0], c = new OffscreenCanvas(i.naturalWidth, i.naturalHeight);
        const g = c.getContext("2d"); g.drawImage(i, 0, 0); return Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)); }""",
        [x, y],
    )
    page.close()
    return rgb


def test_a_scrolled_screen_is_shot_where_it_is_scrolled_to_and_a_typed_value_makes_a_new_screenshot(browser, tmp_path):
    page = browser.new_page(viewport={"width": 393, "height": 659})
    page.set_content(
        '<body style="margin:0"><div style="height:659px;background:#f00"></div>'
        '<div style="height:659px;background:#00f"><input id="f"></div></body>'
    )
    top = shots.save(page, tmp_path)
    page.evaluate("window.scrollTo(0, 659)")
    scrolled = shots.save(page, tmp_path)
    page.fill("#f", "aomori2025")
    typed = shots.save(page, tmp_path)
    page.close()
    assert pixel(browser, top, 200, 300)[0] > 200 and pixel(browser, scrolled, 200, 300)[2] > 200
    assert len({top, scrolled, typed}) == 3


def test_the_history_keeps_only_the_runs_the_report_shows(tmp_path):
    """A full run's history line is about 75 kB: kept runs are bounded by what the trend shows, not 200 nights."""
    from reporting import history
    from reporting.html import trend_bars

    path = tmp_path / "history.jsonl"
    for number in range(history.KEEP + 5):
        runs = history.append(path, history.run_summary(str(number), "t", 1.0, []))
    assert len(runs) == len(path.read_text().splitlines()) == history.KEEP == len(trend_bars(runs))
