"""The demo customers `serve` prints: made once, when the bank is new (or by `mockbank demo`), never at each start.

Their passwords are kept only as hashes in the bank, so what each holds on
paper (as the persona JSON gives it) is kept beside the database, in
instance/demo-customers.json, and printed again at every later start.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import exists, select

from mockbank.bank.models import Account, Customer
from mockbank.db import db
from mockbank.personas import seed_persona

DEMO_KINDS = (("新規契約", "new"), ("ログインID初期化済み", "id_initialised"), ("既にご利用中", "active"))
DEMO_FILE = "demo-customers.json"


def demo_customers(instance: Path) -> list[tuple[str, dict]]:
    """The demo customers: made now if the bank has no customer yet, else those made before that it still holds."""
    if not db.session.scalar(select(exists().where(Customer.id.isnot(None)))):
        return make_demo_customers(instance)
    paper = instance / DEMO_FILE
    kept = json.loads(paper.read_text(encoding="utf-8")) if paper.exists() else []
    return [(label, persona) for label, persona in kept if _still_held(persona)]


def make_demo_customers(instance: Path) -> list[tuple[str, dict]]:
    """Seed one customer of each kind and keep what each holds on paper."""
    made = [(label, seed_persona(kind)) for label, kind in DEMO_KINDS]
    paper = instance / DEMO_FILE
    paper.write_text(json.dumps(made, ensure_ascii=False, indent=1), encoding="utf-8")
    paper.chmod(0o600)
    return made


def _still_held(persona: dict) -> bool:
    """Whether the bank still holds the persona's account (the database may have been emptied or changed)."""
    account = (Account.number == persona["account_number"], Account.branch_code == persona["branch"]["code"])
    return bool(db.session.scalar(select(exists().where(*account))))
