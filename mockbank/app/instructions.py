"""What a screen of the app hands to the phone's storage: the next page carries it, and app.js applies it.

The app's logic runs here; what the app holds is on the phone. A change made by a
screen (a token added, named, selected) rides in the app's own session to the next
page the app shows, which writes it into the phone's storage and forgets it.
"""

from __future__ import annotations

from flask import session

KEY = "app_instructions"


def hand_over(**instruction) -> None:
    """Keep `instruction` ({"name": …} or {"select": …}) for the next page the app shows."""
    session[KEY] = [*session.get(KEY, []), instruction]


def take() -> list[dict]:
    """The instructions for this page, forgetting them."""
    return session.pop(KEY, [])
