"""The mailbox's records: the mail delivered to each mailbox, and each mailbox's 迷惑メール拒否設定."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from mockbank.db import db


class Mail(db.Model):
    """A mail delivered to a mailbox by the capturing SMTP server."""

    json_names = {"mailbox": "to", "sender": "from"}

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    mailbox: Mapped[str] = mapped_column(String(254), index=True)
    sender: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str]


class RejectedDomain(db.Model):
    """迷惑メール拒否設定: a mailbox refuses mail from this sender domain."""

    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(254), index=True)
    domain: Mapped[str] = mapped_column(String(254))

    __table_args__ = (db.UniqueConstraint("mailbox", "domain"),)
