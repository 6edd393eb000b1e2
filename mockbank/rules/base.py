"""What every rule is made of: the Problem it returns, the help desk it names, and the manual's character classes.

Half-width (半角) means ASCII: letters A–Z a–z and digits 0–9. Anything
else — full-width letters or digits, kana, kanji, spaces, symbols — is not
半角英数字 (R-HANKAKU). Case matters everywhere (P5, P9).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "HANKAKU_ALNUM",
    "HANKAKU_DIGITS",
    "HELP_DESK",
    "ISSUER_DOWN",
    "ISSUER_REFUSED",
    "Problem",
    "hankaku_alnum",
    "hankaku_digits",
    "mixed",
    "typed_in",
    "zenkaku",
]

HANKAKU_ALNUM = re.compile(r"[A-Za-z0-9]+")
HANKAKU_DIGITS = re.compile(r"[0-9]+")
HELP_DESK = "ネットバンキング共同受付センター（フリーダイヤル 0120-892548）"
# Not a rule of the manual but a fault of the world (catalogue.FAULTS): otp-auth.net did not answer (down, slow
# beyond ISSUER_TIMEOUT, a server error). Every Problem for it names it by this constant; no feature tags it.
ISSUER_DOWN = "ISSUER-DOWN"
ISSUER_REFUSED = (
    "ISSUER-REFUSED"  # a fault too: otp-auth.net would not issue the token (it expired or was revoked there)
)


@dataclass(frozen=True)
class Problem:
    """A refused input: the rule's ID, the field it concerns, the bank's message and where it sends the customer."""

    rule: str
    message: str
    field: str | None = None
    link: tuple[str, str] | None = None  # (endpoint, label) of the screen the message points the customer to


def hankaku_alnum(value: str) -> bool:
    """Only ASCII letters and digits (半角英数字)."""
    return bool(HANKAKU_ALNUM.fullmatch(value))


def hankaku_digits(value: str) -> bool:
    """Only ASCII digits (半角数字)."""
    return bool(HANKAKU_DIGITS.fullmatch(value))


def typed_in(
    value: str, label: str, field: str, rule: str, *, digits: bool = False, wrong_rule: str | None = None
) -> Problem | None:
    """An entry typed at all (else `rule`), in 半角英数字 or, with `digits`, 半角数字 (else `wrong_rule`, or `rule`)."""
    if not value:
        return Problem(rule, f"{label}を入力してください。", field)
    kind, ok = ("半角数字", hankaku_digits) if digits else ("半角英数字", hankaku_alnum)
    if not ok(value):
        return Problem(wrong_rule or rule, f"{label}は{kind}で入力してください。", field)
    return None


def mixed(value: str) -> bool:
    """Both a letter and a digit (英数字混在)."""
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


def zenkaku(value: str) -> bool:
    """Only full-width (全角) characters: each is a double-byte character of Shift_JIS (cp932).

    That is how Japanese banking systems tell 全角 from 半角: ASCII and half-width
    katakana are single-byte and refused; characters outside Shift_JIS (emoji)
    cannot be registered at all. The ideographic space is refused too: an answer
    must not hinge on an invisible character.
    """
    for char in value:
        if char == "\u3000":
            return False
        try:
            if len(char.encode("cp932")) != 2:
                return False
        except UnicodeEncodeError:
            return False
    return True
