"""The keyboard-only walker: it reaches controls by Tab alone and fails where the tab order never gets."""

from __future__ import annotations

import pytest

from pages.keyboard import Keyboard

FORM = """<!doctype html><html lang="ja"><body><main>
<label for="a">店番</label><input id="a"><button onclick="document.title='押した'">次へ</button>
<button tabindex="-1">届かない</button><label><input type="checkbox" id="c">確認しました。</label></main></body></html>"""


@pytest.fixture
def page(browser):
    """A bare browser page showing a small form."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(FORM)
    yield page
    context.close()


def test_tab_enter_and_space_type_press_and_tick(page):
    keys = Keyboard(page)
    keys.type_into(page.get_by_label("店番"), "123")
    keys.tick(page.get_by_label("確認しました。"))
    keys.press(page.get_by_role("button", name="次へ"))
    assert (page.get_by_label("店番").input_value(), page.get_by_label("確認しました。").is_checked()) == ("123", True)
    assert page.title() == "押した"


def test_a_control_out_of_the_tab_order_is_unreachable(page):
    with pytest.raises(AssertionError, match="never reached"):
        Keyboard(page).tab_to(page.get_by_role("button", name="届かない"))
