"""Kept only for imports not moved yet: each party's models live in its own package now.

The bank's in mockbank.bank.models (Phone is now RegisteredPhone), the mailbox's in mockbank.mail.models, the
journal's table in mockbank.journal. Resolved on first use, so that no import order can meet a half-loaded module.
"""

from __future__ import annotations

import importlib

MOVED = {
    "Mail": ("mockbank.mail.models", "Mail"),
    "RejectedDomain": ("mockbank.mail.models", "RejectedDomain"),
    "JournalEntry": ("mockbank.journal", "JournalEntry"),
    "Phone": ("mockbank.bank.models", "RegisteredPhone"),
}


def __getattr__(name: str):
    """`name` from its party's models (the bank's unless MOVED says otherwise)."""
    module, attribute = MOVED.get(name, ("mockbank.bank.models", name))
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(importlib.import_module(module), attribute)
