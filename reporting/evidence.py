"""Evidence that a scenario checks what its tags claim: screens its phones displayed, rules the bank's journal applied.

A tag is a claim (DESIGN). A screen tag (@S-ID) is proven by a run of the
scenario when one of its phones displayed that screen; a rule tag (@R-ID-FMT)
when the bank's journal shows the rule applied in that run (a refusal naming
it, or a passed check listing it); a page tag (@P6) when something of that
page was shown or applied; a journey tag (@J-NEW) when the scenario showed a
screen of that journey. Device tags (@PC) claim nothing.
"""

from __future__ import annotations

import pytest

from mockbank.catalogue import JOURNEY_SCREENS, JOURNEYS, PAGES, RULE_PAGES, RULES, SCREEN_PAGES, SCREENS

PHONES = pytest.StashKey[object]()  # a scenario run's phones (features/conftest.py)
RECORD = pytest.StashKey[dict]()  # a scenario run's record, as reporting/plugin.py builds it


def rules_applied(journal: list[dict]) -> set[str]:
    """Rule IDs the journal shows applied: refused (`rule`) or passed (`detail.passed`)."""
    applied = {entry["rule"] for entry in journal if entry.get("rule")}
    for entry in journal:
        applied.update((entry.get("detail") or {}).get("passed", []))
    return applied


def gather(phones, journal: list[dict]) -> dict:
    """What one run of a scenario showed and applied."""
    screens = sorted({screen for phone in (phones.all() if phones else []) for screen in phone.screens})
    return {"screens": screens, "rules": sorted(rules_applied(journal))}


def proven_tags(evidence: dict) -> set[str]:
    """Every catalogue tag this evidence proves."""
    screens, rules = set(evidence["screens"]), set(evidence["rules"])
    pages = {page for s in screens for page in SCREEN_PAGES.get(s, ())}
    pages |= {page for r in rules for page in RULE_PAGES.get(r, ())}
    journeys = {j for j, journey_screens in JOURNEY_SCREENS.items() if screens & set(journey_screens)}
    return screens | rules | pages | journeys


def unproven(tags, evidence: dict) -> list[str]:
    """The scenario's catalogue tags this evidence does not prove."""
    claims = [t for t in tags if t in SCREENS or t in RULES or t in PAGES or t in JOURNEYS]
    proven = proven_tags(evidence)
    return sorted(t for t in claims if t not in proven)
