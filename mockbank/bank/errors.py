"""The bank's domain error: a submission refused by one or more rules."""

from __future__ import annotations

from mockbank.rules import Problem


class Refused(Exception):
    """Raised by a service when rules refuse a submission; the view shows the messages."""

    def __init__(self, *problems: Problem, customer=None) -> None:
        super().__init__(", ".join(p.rule for p in problems))
        self.problems = list(problems)
        self.customer = customer


def refuse_if(*problems: Problem | None, customer=None) -> None:
    """Raise Refused with whichever of `problems` are real."""
    found = [p for p in problems if p]
    if found:
        raise Refused(*found, customer=customer)
