"""Personas: customers seeded from Faker (ja_JP), as the bank would hold them after the contract."""
from __future__ import annotations

import string

from faker import Faker

from mockbank.branches import BRANCHES, branch_name
from mockbank.db import db
from mockbank.models import (
    CONTRACT_ACTIVE,
    CONTRACT_ID_INITIALISED,
    CONTRACT_NEW,
    STEP_DONE,
    STEP_FIRST_LOGIN,
    STEP_LOGIN_ID,
    Account,
    Customer,
    Phone,
)
from mockbank.passwords import hash_secret

# The kinds a scenario can start from, by their English key or the manual's Japanese.
KINDS = {
    CONTRACT_NEW: CONTRACT_NEW,
    "新規契約": CONTRACT_NEW,
    CONTRACT_ID_INITIALISED: CONTRACT_ID_INITIALISED,
    "ログインID初期化済み": CONTRACT_ID_INITIALISED,
    CONTRACT_ACTIVE: CONTRACT_ACTIVE,
    "既にご利用中": CONTRACT_ACTIVE,
}


OVERRIDES = {"login_id", "login_password", "confirm_password", "branch_code", "account_number"}


class UnknownPersona(ValueError):
    """The asked-for persona kind is not one the bank knows."""


def seed_persona(kind: str, seed: int | None = None, **overrides) -> dict:
    """Create a customer of `kind` and return everything the customer holds on paper.

    Overrides: login_id (for new or ID-initialised: taken, first login still to do),
    login_password, confirm_password, branch_code, account_number.
    """
    unknown = set(overrides) - OVERRIDES
    if unknown:
        raise UnknownPersona(f"unknown override(s) {sorted(unknown)}; known: {sorted(OVERRIDES)}")
    if kind not in KINDS:
        raise UnknownPersona(f"unknown persona kind {kind!r}; known: {', '.join(KINDS)}")
    contract = KINDS[kind]
    fake = Faker("ja_JP")
    fake.seed_instance(seed if seed is not None else _next_seed())
    login_pw = overrides.get("login_password") or _password(fake)
    confirm_pw = overrides.get("confirm_password") or _password(fake, avoid=login_pw)
    branch = overrides.get("branch_code") or fake.random_element(sorted(BRANCHES))
    (last, last_kana, _), (first, first_kana, _) = fake.last_name_pair(), fake.first_name_pair()
    login_id = overrides.get("login_id") or (_login_id(fake) if contract == CONTRACT_ACTIVE else None)
    customer = Customer(
        name=f"{last} {first}",
        name_kana=f"{last_kana} {first_kana}",
        contract=contract,
        step=_starting_step(contract, login_id),
        login_id=login_id,
        login_pw_hash=hash_secret(login_pw),
        confirm_pw_hash=hash_secret(confirm_pw),
    )
    number = overrides.get("account_number") or _free_account_number(fake, branch)
    customer.accounts = [
        Account(branch_code=branch, kind="普通", number=number, representative=True),
        Account(branch_code=branch, kind="貯蓄", number=_free_account_number(fake, branch, avoid=number)),
    ]
    customer.phones = [Phone(number=_mobile_number(fake)), Phone(number=_home_number(fake))]
    db.session.add(customer)
    db.session.commit()
    return describe(customer, login_pw, confirm_pw)


def describe(customer: Customer, login_pw: str, confirm_pw: str) -> dict:
    """The persona as steps see it: account, phones and the passwords the customer knows."""
    account = customer.representative_account
    persona = {
        "customer_id": customer.id,
        "kind": customer.contract,
        "name": customer.name,
        "name_kana": customer.name_kana,
        "branch": {"code": account.branch_code, "name": branch_name(account.branch_code)},
        "account_kind": account.kind,
        "account_number": account.number,
        "accounts": [
            {"branch_code": a.branch_code, "branch_name": branch_name(a.branch_code), "kind": a.kind, "number": a.number}
            for a in customer.accounts
        ],
        "phones": [p.number for p in customer.phones],
        "login_id": customer.login_id,
        "login_password": login_pw,
        "confirm_password": confirm_pw,
    }
    if customer.contract == CONTRACT_NEW:
        persona["temp_passwords"] = {"login": login_pw, "confirm": confirm_pw}
    return persona


def _starting_step(contract: str, login_id: str | None) -> str:
    """Active customers are done; others wait for a login ID, or (given one) for the first login."""
    if contract == CONTRACT_ACTIVE:
        return STEP_DONE
    return STEP_FIRST_LOGIN if login_id else STEP_LOGIN_ID


def _next_seed() -> int:
    """Personas differ within a run and repeat across runs: the seed follows the row count."""
    return 1000 + (db.session.scalar(db.select(db.func.count(Customer.id))) or 0)


def _password(fake: Faker, avoid: str = "") -> str:
    """8 half-width letters and digits, as printed on a 仮パスワード通知書."""
    while True:
        candidate = fake.password(length=8, special_chars=False, digits=True, upper_case=True, lower_case=True)
        if candidate != avoid:
            return candidate


def _login_id(fake: Faker) -> str:
    """A login ID a customer might choose: letters then digits, 8 characters."""
    while True:
        candidate = fake.lexify("?????", letters=string.ascii_lowercase) + fake.numerify("###")
        if not db.session.scalar(db.select(Customer.id).where(Customer.login_id == candidate)):
            return candidate


def _free_account_number(fake: Faker, branch: str, avoid: str = "") -> str:
    """A 7-digit 口座番号 not yet used at the branch."""
    while True:
        candidate = fake.numerify("#######")
        taken = db.session.scalar(
            db.select(Account.id).where(Account.branch_code == branch, Account.number == candidate)
        )
        if candidate != avoid and not taken:
            return candidate


def _mobile_number(fake: Faker) -> str:
    """A mobile number (070/080/090) in three parts."""
    return f"0{fake.random_element('789')}0-{fake.numerify('####')}-{fake.numerify('####')}"


def _home_number(fake: Faker) -> str:
    """A landline in 青森 (017) in three parts."""
    return f"017-7{fake.numerify('##')}-{fake.numerify('####')}"
