"""The world's journal (its table, journal_entry): what happened, when (world time), which rule refused what. Never secrets."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from mockbank import applied, clock
from mockbank.db import db


class JournalEntry(db.Model):
    """One thing that happened in the world: a screen submitted, a rule refused, a login…"""

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(20))
    screen: Mapped[str | None] = mapped_column(String(20))
    rule: Mapped[str | None] = mapped_column(String(20))
    customer_id: Mapped[int | None]
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


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
