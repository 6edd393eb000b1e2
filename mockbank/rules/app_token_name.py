"""Rules of the ワンタイムPW app's トークン表示名設定 (A-NAME, P16): a display name and 追加文言 of 20 characters at most."""

from __future__ import annotations

import unicodedata

from mockbank.rules.base import Problem
from mockbank.rules.common import TOKEN_KEY

NAME_LENGTH = 20
NAME_MISSING = Problem("R-APP-NAME", "トークン表示名を入力してください。", "name")
NAME_TOO_LONG = Problem("R-APP-NAME", f"トークン表示名は{NAME_LENGTH}文字以内で入力してください。", "name")
EXTRA_TOO_LONG = Problem("R-APP-NAME", f"追加文言は{NAME_LENGTH}文字以内で入力してください。", "extra")
NO_TOKEN = Problem("R-APP-NAME", "表示名を設定するトークンがありません。初期設定からやり直してください。")


def display_name(key: str, name: str, extra: str) -> list[Problem]:
    """トークン表示名設定 (P16): a display name of at most 20 characters, and an optional 追加文言 as long."""
    found = [] if TOKEN_KEY.fullmatch(key) else [NO_TOKEN]
    if not name.strip():
        found.append(NAME_MISSING)
    elif len(name) > NAME_LENGTH:
        found.append(NAME_TOO_LONG)
    elif not _shown_as_typed(name):
        found.append(Problem("R-APP-NAME", "トークン表示名に使用できない文字が含まれています。", "name"))
    if len(extra) > NAME_LENGTH:
        found.append(EXTRA_TOO_LONG)
    elif not _shown_as_typed(extra):
        found.append(Problem("R-APP-NAME", "追加文言に使用できない文字が含まれています。", "extra"))
    return found


def _shown_as_typed(text: str) -> bool:
    """Letters, digits, marks, punctuation, symbols and spaces (a full-width space too); no control characters."""
    return all(unicodedata.category(ch)[0] != "C" for ch in text)
