"""迷惑メール拒否設定: the sender domains a mailbox takes, as a phone carrier's junk-mail settings do.

A domain is typed in 半角: ASCII letters, digits, hyphens and dots, labels of 1–63
characters that neither start nor end with a hyphen, at least two labels, at most
253 characters, and a top-level label that is not all digits (so no IP address).
It is kept lower-cased, as mail compares domains. Internationalised domains are
typed in their ASCII form (xn--…); Unicode is refused rather than encoded, so that
what the mailbox lists is what the customer typed.
"""

from __future__ import annotations

import re

from werkzeug.exceptions import BadRequest

MAX_LENGTH = 253
HALF_WIDTH = re.compile(r"[A-Za-z0-9.-]+")
LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")

EMPTY = "拒否するドメインを入力してください。"
TOO_LONG = f"ドメインは{MAX_LENGTH}文字以内で入力してください。"
NOT_HALF_WIDTH = "ドメインは半角英数字、ハイフン（-）、ドット（.）で入力してください。"
MALFORMED = "ドメインの形式に誤りがあります。「am-bk.co.jp」のように入力してください。"


class DomainRefused(BadRequest):
    """A domain the setting does not take: the mailbox shows `description`; the control API answers it as JSON (400)."""


def valid_domain(value) -> str:
    """The domain as kept (lower-cased, surrounding spaces dropped), or DomainRefused with the mailbox's message."""
    domain = value.strip(" ") if isinstance(value, str) else ""
    if not domain:
        raise DomainRefused(EMPTY)
    if len(domain) > MAX_LENGTH:
        raise DomainRefused(TOO_LONG)
    if not HALF_WIDTH.fullmatch(domain):  # before lower(): "K" (Kelvin sign) lower-cases to an ASCII "k"
        raise DomainRefused(NOT_HALF_WIDTH)
    labels = domain.lower().split(".")
    if len(labels) < 2 or not all(LABEL.fullmatch(label) for label in labels) or labels[-1].isdigit():
        raise DomainRefused(MALFORMED)
    return ".".join(labels)
