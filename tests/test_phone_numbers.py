"""Phone numbers as the network reads them: digits only, 184/186 prefixes, and what the dialler refuses."""

from __future__ import annotations

import pytest

from mockbank.phone.numbers import CALLED_LENGTH, CALLER_LENGTH, Dial, DialRefused, digits, read_dial


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("0120-860-310", "0120860310"), ("０１２０－８６０－３１０", "0120860310"), ("", ""), (None, ""), ("a1b2", "12")],
)
def test_numbers_compare_by_digits_only(typed, expected):
    assert digits(typed) == expected


@pytest.mark.parametrize(
    ("called", "shown", "expected"),
    [
        ("0120-860-310", True, Dial("09012345678", "0120860310", True)),
        ("0120-860-310", False, Dial("09012345678", "0120860310", False)),
        ("184-0120-860-310", True, Dial("09012345678", "0120860310", False)),
        ("186-0120-860-310", False, Dial("09012345678", "0120860310", True)),
        ("184", True, Dial("09012345678", "184", True)),  # a short number of its own, not a prefix
        ("117", False, Dial("09012345678", "117", False)),
    ],
)
def test_184_withholds_and_186_shows_the_number_for_one_call(called, shown, expected):
    assert read_dial("090-1234-5678", called, shown) == expected


@pytest.mark.parametrize("line", ["03-1234-5678", "0177771234", "080 1234 5678", "070-1234-5678"])
def test_a_line_is_ten_or_eleven_digits_from_zero(line):
    assert read_dial(line, "117").caller == digits(line)


@pytest.mark.parametrize(
    ("line", "called", "messages"),
    [
        ("012345678", "117", [CALLER_LENGTH]),
        ("012345678901", "117", [CALLER_LENGTH]),
        ("1234567890", "117", [CALLER_LENGTH]),
        ("090-1234-5678", "1234567890123456", [CALLED_LENGTH]),
        ("090-1234-5678", "186-12", [CALLED_LENGTH]),
        ("0", "1", [CALLER_LENGTH, CALLED_LENGTH]),
    ],
)
def test_numbers_of_no_phone_are_refused_with_every_problem(line, called, messages):
    with pytest.raises(DialRefused) as refused:
        read_dial(line, called)
    assert [p.message for p in refused.value.problems] == messages
    assert [p.field for p in refused.value.problems] == ["caller" if m == CALLER_LENGTH else "to" for m in messages]
