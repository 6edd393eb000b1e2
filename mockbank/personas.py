"""Personas: customers seeded from Faker (ja_JP), as the bank would hold them after the contract."""

from __future__ import annotations

import string
import uuid

from faker import Faker

from mockbank import applied, clock, rules
from mockbank.bank.models import (
    CONTRACT_ACTIVE,
    CONTRACT_ID_INITIALISED,
    CONTRACT_NEW,
    OTP_CALLING,
    OTP_ISSUED,
    STEP_DONE,
    STEP_FIRST_LOGIN,
    STEP_INFO,
    STEP_LOGIN_ID,
    STEP_OTP,
    STEP_PW,
    STEP_QA,
    STEPS,
    Account,
    Customer,
    OtpApplication,
    RegisteredPhone,
    SecretAnswer,
)
from mockbank.bank.questions import QUESTIONS
from mockbank.bank.services import risk_based_auth
from mockbank.branches import BRANCHES, branch_name
from mockbank.db import db
from mockbank.devices import WELL_FORMED
from mockbank.issuer import service as issuer
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


OVERRIDES = {
    "login_id",
    "login_password",
    "confirm_password",
    "branch_code",
    "account_number",
    "step",
    "otp_card",
    "otp",
    "device",
    "known_devices",
}
# What each override must look like: only states the bank itself could be in.
OVERRIDE_CHECKS = {
    "login_id": lambda v: isinstance(v, str) and rules.login_id_format(v) is None,
    "login_password": lambda v: isinstance(v, str) and rules.new_password(v, v, "", "") is None,
    "confirm_password": lambda v: isinstance(v, str) and rules.new_password(v, v, "", "") is None,
    "branch_code": lambda v: isinstance(v, str) and rules.branch_code(v) is None,
    "account_number": lambda v: isinstance(v, str) and rules.account_number(v) is None,
    "step": lambda v: isinstance(v, str) and v in STEPS,
    "otp_card": lambda v: isinstance(v, bool),
    "otp": lambda v: isinstance(v, str) and v in OTP_STATES,
    "device": lambda v: isinstance(v, str) and WELL_FORMED.fullmatch(v) is not None,
    "known_devices": lambda v: isinstance(v, list) and all(isinstance(d, str) and WELL_FORMED.fullmatch(d) for d in v),
}
# Where a new contract can be seeded to start (state over navigation), by the screen it stands before.
NEW_CONTRACT_STEPS = (STEP_LOGIN_ID, STEP_FIRST_LOGIN, STEP_QA, STEP_PW, STEP_INFO, STEP_OTP)
# Where a new contract's OTP application can be seeded (P12–P13), and the step it leaves the customer at:
# 申請済み・電話未認証 (S-TEL, the 120 s from now) or トークン発行済み・アプリ未設定 (onboarding done).
# Or 利用中 ("active"): the app set up on a phone (`device`, else one not in the scenario) — for a new contract
# done with onboarding, or a customer already using つないでネ！ット.
OTP_ACTIVE = "active"
OTP_STATES = {OTP_CALLING: STEP_OTP, OTP_ISSUED: STEP_DONE, OTP_ACTIVE: STEP_DONE}


class UnknownPersona(ValueError):
    """The asked-for persona kind or override is not one the bank knows."""


def seed_persona(kind: str, seed: int | None = None, **overrides) -> dict:
    """Create a customer of `kind` and return everything the customer holds on paper.

    Overrides: login_id (for new or ID-initialised: taken, first login still to do);
    step (new contracts: login_id, first_login, qa, pw, info or otp — the screen they stand before; from otp on
    with mail, phone and limits registered as after お客さま情報登録);
    otp (new contracts: "calling" — applied, S-TEL showing from now, a pending token at the issuer — or
    "issued" — the token issued and its mail sent, the app not yet set up, onboarding done);
    otp_card (holds a ワンタイムパスカード); login_password, confirm_password, branch_code, account_number;
    known_devices (R-RBA: identities of devices the customer has logged in from, so a login from them asks no
    secret question; a scenario passes its phones' identities).
    """
    contract, step = _check(kind, overrides)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise UnknownPersona(f"seed must be a whole number, not {seed!r}")
    fake = Faker("ja_JP")
    fake.seed_instance(seed if seed is not None else _next_seed())
    login_pw = overrides.get("login_password") or _password(fake)
    confirm_pw = overrides.get("confirm_password") or _password(fake, avoid=login_pw)
    branch = overrides.get("branch_code") or fake.random_element(sorted(BRANCHES))
    (last, last_kana, _), (first, first_kana, _) = fake.last_name_pair(), fake.first_name_pair()
    needs_id = contract == CONTRACT_ACTIVE or STEPS.index(step) > STEPS.index(STEP_LOGIN_ID)
    customer = Customer(
        name=f"{last} {first}",
        name_kana=f"{last_kana} {first_kana}",
        contract=contract,
        step=step,
        login_id=overrides.get("login_id") or (_login_id(fake) if needs_id else None),
        login_pw_hash=hash_secret(login_pw),
        confirm_pw_hash=hash_secret(confirm_pw),
        otp_card=bool(overrides.get("otp_card")),
    )
    number = overrides.get("account_number") or _free_account_number(fake, branch)
    customer.accounts = [
        Account(
            branch_code=branch,
            kind="普通",
            number=number,
            representative=True,
            balance=fake.random_int(1_000, 3_000_000),
        ),
        Account(
            branch_code=branch,
            kind="貯蓄",
            number=_free_account_number(fake, branch, avoid=number),
            balance=fake.random_int(0, 10_000_000),
        ),
    ]
    customer.phones = [RegisteredPhone(number=_mobile_number(fake)), RegisteredPhone(number=_home_number(fake))]
    answered = contract != CONTRACT_NEW or STEPS.index(step) > STEPS.index(STEP_QA)
    answers = _secret_qa(fake) if answered else []
    customer.secret_answers = [SecretAnswer(question=q, answer_hash=hash_secret(a)) for q, a in answers]
    if contract != CONTRACT_NEW or STEPS.index(step) >= STEPS.index(STEP_OTP):
        _registered(customer, fake)
    db.session.add(customer)
    db.session.commit()
    otp = _otp_application(customer, fake, overrides["otp"], overrides.get("device")) if overrides.get("otp") else None
    # The phone the app was set up on is one the customer logs in from, too.
    _know_devices(customer, [*(overrides.get("known_devices") or []), *filter(None, [overrides.get("device")])])
    return describe(customer, login_pw, confirm_pw, answers, otp)


def _know_devices(customer: Customer, devices: list[str]) -> None:
    """R-RBA: the devices the customer has logged in from before the scenario (a login from them asks nothing)."""
    for device in devices:
        risk_based_auth.remember_device(customer, device)
    db.session.commit()


def _check(kind: str, overrides: dict) -> tuple[str, str]:
    """The contract and starting step, or UnknownPersona for a kind or override the bank does not know."""
    unknown = set(overrides) - OVERRIDES
    if unknown:
        raise UnknownPersona(f"unknown override(s) {sorted(unknown)}; known: {sorted(OVERRIDES)}")
    for name, check in OVERRIDE_CHECKS.items():
        if overrides.get(name) is not None and not check(overrides[name]):
            raise UnknownPersona(f"override {name}={overrides[name]!r} is not one the bank could hold")
    if kind not in KINDS:
        raise UnknownPersona(f"unknown persona kind {kind!r}; known: {', '.join(KINDS)}")
    contract = KINDS[kind]
    otp = overrides.get("otp")
    if overrides.get("device") and otp != OTP_ACTIVE:
        raise UnknownPersona(f"device is the phone the app was set up on: it goes with otp={OTP_ACTIVE!r}")
    if otp == OTP_ACTIVE and contract == CONTRACT_ACTIVE and overrides.get("step") in (None, STEP_DONE):
        return contract, STEP_DONE
    if otp:
        if contract != CONTRACT_NEW or overrides.get("step") not in (None, STEP_OTP, OTP_STATES[otp]):
            raise UnknownPersona(f"otp={otp!r} is for a new contract at step {STEP_OTP!r}")
        return contract, OTP_STATES[otp]
    step = overrides.get("step") or _starting_step(contract, overrides.get("login_id"))
    allowed = NEW_CONTRACT_STEPS if contract == CONTRACT_NEW else (_starting_step(contract, overrides.get("login_id")),)
    if step not in allowed:
        raise UnknownPersona(f"a {contract} persona cannot start at step {step!r}; allowed: {', '.join(allowed)}")
    return contract, step


def _registered(customer: Customer, fake: Faker) -> None:
    """What an existing customer registered (a new one at お客さま情報登録): mail, phone, limits; メール通知パスワード runs."""
    customer.mail = fake.free_email()
    customer.tel = customer.phones[1].number
    customer.mail_password_active = True
    for account, limit in zip(customer.accounts, (100, 50), strict=False):
        account.transfer_limit = limit


def _secret_qa(fake: Faker) -> list[tuple[str, str]]:
    """Three registered secret questions with full-width answers of at most 10 characters."""
    last = fake.last_name()
    return [
        (QUESTIONS[0], f"{last}小学校"),
        (QUESTIONS[1], f"{fake.last_name()}中学校"),
        (QUESTIONS[2], fake.city()[:10]),
    ]


def _otp_application(customer: Customer, fake: Faker, state: str, device: str | None = None) -> dict:
    """The customer's OTP application to the registered mail from their first phone, its token at the issuer.

    The issuer's own service functions stand in for the bank's calls over HTTP (the
    persona is the world as it would be); an issued token's mail goes out as it did.
    An active one is set up on `device` (or a phone not in the scenario) long since: no
    mail goes out now, and the seed the app holds is returned for the harness to put on
    that phone (test mode only: the control API).
    """
    start_password = fake.numerify("######")
    phone = customer.phones[0]
    key = uuid.uuid4().hex
    token = issuer.create_pending(str(customer.id), key, customer.mail, start_password)
    now = clock.now().replace(tzinfo=None)
    application = OtpApplication(
        customer_id=customer.id,
        key=key,
        mail=customer.mail,
        phone_id=phone.id,
        state=OTP_CALLING,
        token=token.token,
        service_id=token.service_id,
        user_id=token.user_id,
        created_at=now,
        shown_at=now,
    )
    seed = None
    if state in (OTP_ISSUED, OTP_ACTIVE):
        token, delivered = issuer.issue(token.token, notify=state == OTP_ISSUED)
        application.state, application.verified_at, application.issued_at = OTP_ISSUED, now, now
        application.mail_delivered = delivered if state == OTP_ISSUED else True
    if state == OTP_ACTIVE:
        device = device or uuid.uuid4().hex
        with applied.quiet():  # set up long ago: no rule is applied in the scenario
            token, seed = issuer.activate(token.service_id, token.user_id, start_password, device)
    db.session.add(application)
    db.session.commit()
    if seed:
        return {
            "service_id": application.service_id,
            "user_id": application.user_id,
            "state": OTP_ACTIVE,
            "device": device,
            "seed": seed,
            "mail": application.mail,
            "start_password": start_password,
        }
    return {
        "mail": application.mail,
        "start_password": start_password,
        "phone_last4": rules.last4(phone.number),
        "service_id": application.service_id,
        "user_id": application.user_id,
        "state": application.state,
    }


def describe(
    customer: Customer, login_pw: str, confirm_pw: str, answers: list[tuple[str, str]] = (), otp: dict | None = None
) -> dict:
    """The persona as steps see it: account, phones, the passwords the customer knows, their OTP application."""
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
            {
                "branch_code": a.branch_code,
                "branch_name": branch_name(a.branch_code),
                "kind": a.kind,
                "number": a.number,
                "balance": a.balance,
            }
            for a in customer.accounts
        ],
        "phones": [p.number for p in customer.phones],
        "login_id": customer.login_id,
        "login_password": login_pw,
        "confirm_password": confirm_pw,
        "step": customer.step,
        "otp_card": customer.otp_card,
        "mail": customer.mail,
        "secret_qa": [{"question": q, "answer": a} for q, a in answers],
    }
    if otp:
        persona["otp"] = otp
    if customer.contract == CONTRACT_NEW and customer.step in (STEP_LOGIN_ID, STEP_FIRST_LOGIN, STEP_QA, STEP_PW):
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
