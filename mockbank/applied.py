"""The rules the bank applied and passed while serving a request: the journal's evidence of what was accepted.

A refusal is journalled with its rule; a check that passes leaves no trace of
its own. So each rule function notes here the rules it passed, and the next
journal entry of the request carries them (`detail.passed`). The coverage map
counts a rule as proven by a scenario only with such evidence (DESIGN).
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import wraps

from flask import g, has_app_context


def passed(*rules: str) -> None:
    """Note that the bank applied `rules` and the input passed them."""
    if has_app_context() and not g.get("rules_quiet"):
        g.setdefault("rules_passed", set()).update(rules)


@contextmanager
def quiet():
    """The world set up as it would be (a persona), not a rule applied in the scenario: no evidence is noted."""
    g.rules_quiet = True
    try:
        yield
    finally:
        g.rules_quiet = False


def take() -> list[str]:
    """The rules passed since the last journal entry, forgetting them."""
    if not has_app_context():
        return []
    return sorted(g.pop("rules_passed", set()))


def checks(*rules: str):
    """A rule function applying `rules`: when it finds no problem, they are noted as passed."""

    def decorate(rule_function):
        @wraps(rule_function)
        def wrapped(*args, **kwargs):
            problems = rule_function(*args, **kwargs)
            if not problems:
                passed(*rules)
            return problems

        return wrapped

    return decorate
