"""Personas seeded through the control API: what the customer holds on paper, and what the bank keeps."""

from __future__ import annotations

import re

import pytest

from mockbank import create_app, rules
from mockbank.bank.models import Customer
from mockbank.branches import BRANCHES
from mockbank.db import db
from tests.settings import bank_settings, stop_mail_capture

KINDS = [
    ("new", "new"),
    ("id_initialised", "id_initialised"),
    ("active", "active"),
    ("新規契約", "new"),
    ("ログインID初期化済み", "id_initialised"),
    ("既にご利用中", "active"),
]
PHONE = re.compile(r"0\d{1,3}-\d{2,4}-\d{4}")
PASSWORD = re.compile(r"[A-Za-z0-9]{8}")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """One persona of each kind (by English key and by Japanese name), seeded once for the shape tests."""
    app = create_app(bank_settings(tmp_path_factory.mktemp("personas") / "t.sqlite"))
    control = app.test_client()
    personas = {}
    for kind, _ in KINDS:
        response = control.post("/_control/personas", json={"kind": kind})
        assert response.status_code == 201, response.get_data(as_text=True)
        personas[kind] = response.get_json()
    yield personas
    stop_mail_capture(app)


@pytest.mark.parametrize(("kind", "contract"), KINDS)
def test_each_kind_gives_a_customer_of_that_contract(seeded, kind, contract):
    assert seeded[kind]["kind"] == contract


@pytest.mark.parametrize("kind", [kind for kind, _ in KINDS])
def test_each_kind_has_a_seven_digit_account_at_a_known_branch(seeded, kind):
    persona = seeded[kind]
    assert re.fullmatch(r"[0-9]{7}", persona["account_number"])
    assert re.fullmatch(r"[0-9]{3}", persona["branch"]["code"])
    assert persona["branch"]["name"] == BRANCHES[persona["branch"]["code"]]


@pytest.mark.parametrize("kind", [kind for kind, _ in KINDS])
def test_each_kind_has_an_ordinary_representative_account_and_a_savings_account(seeded, kind):
    persona = seeded[kind]
    ordinary, savings = persona["accounts"]
    assert persona["account_kind"] == "普通"
    assert ordinary["kind"] == "普通" and ordinary["number"] == persona["account_number"]
    assert savings["kind"] == "貯蓄" and re.fullmatch(r"[0-9]{7}", savings["number"])
    assert savings["number"] != ordinary["number"]
    assert ordinary["branch_code"] == savings["branch_code"] == persona["branch"]["code"]


@pytest.mark.parametrize("kind", [kind for kind, _ in KINDS])
def test_each_kind_has_two_phones_in_three_hyphenated_parts(seeded, kind):
    phones = seeded[kind]["phones"]
    assert len(phones) == 2
    assert all(PHONE.fullmatch(phone) for phone in phones), phones


@pytest.mark.parametrize("kind", [kind for kind, _ in KINDS])
def test_each_kind_has_two_different_passwords_of_eight_letters_and_digits(seeded, kind):
    persona = seeded[kind]
    for password in (persona["login_password"], persona["confirm_password"]):
        assert PASSWORD.fullmatch(password)
        assert any(c.isdigit() for c in password) and any(c.isalpha() for c in password)
    assert persona["login_password"] != persona["confirm_password"]


@pytest.mark.parametrize(("kind", "contract"), KINDS)
def test_only_a_new_contract_has_temporary_passwords(seeded, kind, contract):
    persona = seeded[kind]
    if contract == "new":
        assert persona["temp_passwords"] == {"login": persona["login_password"], "confirm": persona["confirm_password"]}
    else:
        assert "temp_passwords" not in persona


@pytest.mark.parametrize(("kind", "contract"), KINDS)
def test_only_an_active_customer_has_a_login_id_and_it_follows_the_login_id_rule(seeded, kind, contract):
    login_id = seeded[kind]["login_id"]
    if contract == "active":
        assert login_id and rules.login_id_format(login_id) is None
    else:
        assert login_id is None


def test_each_kind_starts_at_its_onboarding_step_without_failures(seed, customer_state):
    for kind, step in [("new", "login_id"), ("id_initialised", "login_id"), ("active", "done")]:
        state = customer_state(seed(kind)["customer_id"])
        assert (state["contract"], state["step"], state["failed_attempts"], state["locked"]) == (kind, step, 0, False)


def test_keeps_the_leading_zeros_of_an_account_number_given(seed):
    persona = seed("new", account_number="0012345")
    assert persona["account_number"] == "0012345"
    assert persona["accounts"][0]["number"] == "0012345"


def test_overrides_the_branch_and_the_passwords(seed):
    persona = seed("new", branch_code="201", login_password="Temp1234", confirm_password="Conf5678")
    assert persona["branch"] == {"code": "201", "name": "八戸支店"}
    assert (persona["login_password"], persona["confirm_password"]) == ("Temp1234", "Conf5678")
    assert persona["temp_passwords"] == {"login": "Temp1234", "confirm": "Conf5678"}


def test_a_login_id_given_leaves_only_the_first_login_to_do(seed, customer_state):
    for kind, login_id in [("new", "abc123"), ("id_initialised", "xyz789")]:
        persona = seed(kind, login_id=login_id)
        assert persona["login_id"] == login_id
        assert customer_state(persona["customer_id"])["step"] == "first_login"


def test_an_active_customer_takes_the_login_id_given(seed, customer_state):
    state = customer_state(seed("active", login_id="mine2025")["customer_id"])
    assert (state["login_id"], state["step"]) == ("mine2025", "done")


def test_refuses_an_unknown_or_missing_kind(control):
    bodies = ({"kind": "vip"}, {"kind": "ご利用中"}, {}, {"kind": ""})
    answers = [control.post("/_control/personas", json=body) for body in bodies]
    assert [r.status_code for r in answers] == [400] * 4
    assert all(r.get_json()["error"] for r in answers)


def test_refuses_a_malformed_persona_request_with_400_not_500(control):
    bodies = {
        "a list": [1],
        "a string": "new",
        "kind a list": {"kind": ["new"]},
        "seed a list": {"kind": "new", "seed": [1]},
    }
    statuses = {name: control.post("/_control/personas", json=body).status_code for name, body in bodies.items()}
    assert statuses == dict.fromkeys(bodies, 400)


def test_refuses_an_unknown_override_and_names_it(control):
    response = control.post("/_control/personas", json={"kind": "new", "pin": "1234"})
    assert response.status_code == 400
    assert "pin" in response.get_json()["error"]


def test_refuses_an_account_number_already_taken_at_the_branch_and_keeps_nothing(app, seed, control):
    seed("new", branch_code="001", account_number="0012345")
    again = {"kind": "new", "branch_code": "001", "account_number": "0012345"}
    response = control.post("/_control/personas", json=again)
    assert response.status_code == 409
    assert response.get_json()["error"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Customer.id))) == 1


def test_refuses_a_login_id_already_taken(seed, control):
    taken = seed("active")["login_id"]
    response = control.post("/_control/personas", json={"kind": "active", "login_id": taken})
    assert response.status_code == 409


def test_the_same_seed_gives_the_same_name(seed):
    first, second = seed("new", seed=42), seed("active", seed=42)
    assert (first["name"], first["name_kana"]) == (second["name"], second["name_kana"])
    assert first["customer_id"] != second["customer_id"]


def test_different_seeds_give_different_names(seed):
    assert seed("new", seed=1)["name"] != seed("new", seed=2)["name"]


def test_a_reset_world_seeds_the_same_persona_again(seed, control):
    before = seed("new")
    control.post("/_control/reset")
    after = seed("new")
    assert (after["name"], after["login_password"]) == (before["name"], before["login_password"])


def test_never_stores_a_password_in_clear(app, seed):
    personas = [seed(kind) for kind in ("new", "id_initialised", "active")]
    with app.app_context():
        for persona in personas:
            customer = db.session.get(Customer, persona["customer_id"])
            secrets = (persona["login_password"], persona["confirm_password"])
            for stored in (customer.login_pw_hash, customer.confirm_pw_hash):
                assert stored.startswith("scrypt:")
                assert not [secret for secret in secrets if secret in stored]


def test_salts_each_hash_so_equal_passwords_hash_differently(app, seed):
    first = seed("new", login_password="Same1234")
    second = seed("new", login_password="Same1234")
    with app.app_context():
        hashes = {db.session.get(Customer, p["customer_id"]).login_pw_hash for p in (first, second)}
    assert len(hashes) == 2
