"""The world's journal: what happened, when (world time), and which rule refused what. Never secrets."""

from __future__ import annotations

from mockbank import applied, clock
from mockbank.db import db
from mockbank.models import JournalEntry


def record(kind: str, *, screen=None, rule=None, customer=None, **detail) -> None:
    """Add an entry, with the rules passed in this request so far (evidence); the caller commits."""
    if passed := applied.take():
        detail["passed"] = passed
    db.session.add(
        JournalEntry(
            at=clock.now().replace(tzinfo=None),
            kind=kind,
            screen=screen,
            rule=rule,
            customer_id=getattr(customer, "id", customer),
            detail=detail,
        )
    )


def refused(screen: str, problems, customer=None) -> None:
    """Journal each rule that refused a submission, then commit (nothing else is saved)."""
    db.session.rollback()
    for problem in problems:
        record("refused", screen=screen, rule=problem.rule, customer=customer, field=problem.field)
    db.session.commit()


def entries(kind: str | None = None, customer_id: int | None = None) -> list[dict]:
    """Entries in order, optionally of one kind or one customer."""
    query = db.select(JournalEntry).order_by(JournalEntry.id)
    if kind:
        query = query.where(JournalEntry.kind == kind)
    if customer_id is not None:
        query = query.where(JournalEntry.customer_id == customer_id)
    return [entry.as_dict() for entry in db.session.scalars(query)]
