"""Phone numbers as the phone network reads them: digits only, and the 184/186 prefixes of Japanese networks.

A number may be typed with hyphens or spaces (0120-860-310, 090 1234 5678),
in full-width digits too (a person's keyboard may give them); the network
compares digits only. Dialling 184 in front withholds the caller's number for
that call (非通知), 186 in front shows it (番号通知), whatever the phone's
setting, as on Japanese networks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

WITHHOLD_PREFIX = "184"  # 非通知 for this call
SHOW_PREFIX = "186"  # 番号通知 for this call

MAX_TYPED = 30  # characters a number may take as typed, separators included; more is not a phone number
LINE_LENGTHS = (10, 11)  # a Japanese line: 0 + area code + number (10), or a mobile 070/080/090 (11)
CALLED_LENGTHS = range(3, 16)  # what a dialler lets through: short numbers (117) up to E.164's 15 digits

TYPED = re.compile(r"[0-9]+(?:[- ][0-9]+)*")

# The dialler's messages, on its own screen (role="alert"); the control API answers them as its 400 errors.
CALLER_EMPTY = "この電話の番号を入力してください。"
CALLER_CHARS = "この電話の番号は数字とハイフン（-）で入力してください。"
CALLER_LENGTH = "この電話の番号は0から始まる10桁または11桁の数字で入力してください。"
CALLED_EMPTY = "発信先の電話番号を入力してください。"
CALLED_CHARS = "発信先の電話番号は数字とハイフン（-）で入力してください。"
CALLED_LENGTH = "発信先の電話番号の桁数が正しくありません。"
CALLER_ID_CHOICE = "番号通知か非通知を選んでください。"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with what was dialled: the field it belongs to and the dialler's message."""

    field: str
    message: str
    link = None  # the form macros' alert() offers a link where a problem has one; the dialler's never do


class DialRefused(ValueError):
    """What was dialled is no phone number; nothing is recorded."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__(" ".join(p.message for p in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Dial:
    """A call to place: from which line, to which number (digits), and whether the caller's number goes with it."""

    caller: str
    called: str
    caller_id_shown: bool


def digits(number: str | None) -> str:
    """The digits of a number, as the network compares them: 0120-860-310 → 0120860310."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", number or "") if "0" <= ch <= "9")


def _typed(text, field: str, empty: str, chars: str, length: str) -> tuple[str, Problem | None]:
    """The digits of a typed number, or the problem with it."""
    typed = unicodedata.normalize("NFKC", text if isinstance(text, str) else "").strip()
    if not typed:
        return "", Problem(field, empty)
    if len(typed) > MAX_TYPED:
        return "", Problem(field, length)
    if not TYPED.fullmatch(typed):
        return "", Problem(field, chars)
    return typed.replace("-", "").replace(" ", ""), None


def read_caller(text) -> tuple[str, Problem | None]:
    """This phone's own number (a line of 10 or 11 digits from 0), or the problem with it."""
    number, problem = _typed(text, "caller", CALLER_EMPTY, CALLER_CHARS, CALLER_LENGTH)
    if problem is None and not (number.startswith("0") and len(number) in LINE_LENGTHS):
        problem = Problem("caller", CALLER_LENGTH)
    return number, problem


def read_called(text, caller_id_shown: bool) -> tuple[str, bool, Problem | None]:
    """The number dialled without its 184/186 prefix, whether the caller's number goes with it, or the problem."""
    number, problem = _typed(text, "to", CALLED_EMPTY, CALLED_CHARS, CALLED_LENGTH)
    if problem is None and len(number) > len(WITHHOLD_PREFIX):
        if number.startswith(WITHHOLD_PREFIX):
            number, caller_id_shown = number[len(WITHHOLD_PREFIX) :], False
        elif number.startswith(SHOW_PREFIX):
            number, caller_id_shown = number[len(SHOW_PREFIX) :], True
    if problem is None and len(number) not in CALLED_LENGTHS:
        problem = Problem("to", CALLED_LENGTH)
    return number, caller_id_shown, problem


def read_dial(caller, called, caller_id_shown: bool = True) -> Dial:
    """What a dialler's entries mean as a call; DialRefused with every problem found when they are no numbers."""
    line, caller_problem = read_caller(caller)
    number, shown, called_problem = read_called(called, bool(caller_id_shown))
    problems = [p for p in (caller_problem, called_problem) if p]
    if problems:
        raise DialRefused(*problems)
    return Dial(caller=line, called=number, caller_id_shown=shown)
