"""The customer's keyboard (a PC's): Tab to move the focus, Enter to follow or press, Space to tick; no pointer."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

# How many Tab presses may lie between one control and the next one the customer wants; beyond, it is unreachable.
MOST_TABS = 60
FOCUSED = "(element) => element === document.activeElement"


class Keyboard:
    """Moves through a screen as a keyboard-only customer does: Tab from where the focus is, in the page's order."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def tab_to(self, target: Locator) -> None:
        """Press Tab until `target` has the focus; fail if the page's tab order never reaches it."""
        target.wait_for()
        for _ in range(MOST_TABS):
            self.page.keyboard.press("Tab")
            if target.evaluate(FOCUSED):
                return
        raise AssertionError(f"{MOST_TABS} presses of Tab never reached {target}")

    def type_into(self, target: Locator, text: str) -> None:
        """Tab to an entry field and type into it."""
        self.tab_to(target)
        self.page.keyboard.type(text)

    def press(self, target: Locator) -> None:
        """Tab to a link or button and press Enter; wait, as a click does, for the page it opens to start loading."""
        self.tab_to(target)
        target.press("Enter")  # on the control the focus is on (tab_to made sure), so no focus moves without a Tab

    def tick(self, target: Locator) -> None:
        """Tab to a checkbox and press Space."""
        self.tab_to(target)
        self.page.keyboard.press("Space")


def by_keys(screen, press: str, tick: tuple[str, ...] = (), **typed: str) -> None:
    """On a shown screen, type into its fields (page-object attribute names), tick its boxes, press one control."""
    screen.expect_shown()
    keys = Keyboard(screen.page)
    for name, text in typed.items():
        keys.type_into(getattr(screen, name), text)
    for name in tick:
        keys.tick(getattr(screen, name))
    keys.press(getattr(screen, press))
