"""Personas seeded at an onboarding step (state over navigation), and the overrides the control API refuses."""

from __future__ import annotations

import pytest
from werkzeug.security import check_password_hash

from mockbank import create_app, rules
from mockbank.bank.models import Customer
from mockbank.bank.questions import QUESTIONS
from mockbank.db import db
from tests.conftest import TEST_DEVICE
from tests.settings import bank_settings, stop_mail_capture

STEPS = ("qa", "pw", "info")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """One bank for the file: the personas below are only read."""
    app = create_app(bank_settings(tmp_path_factory.mktemp("personas_steps") / "t.sqlite"))
    yield app
    stop_mail_capture(app)


@pytest.fixture(scope="module")
def at(app):
    """A new-contract persona seeded at each step, and one more at info holding a ワンタイムパスカード."""
    control = app.test_client()
    bodies = {step: {"kind": "new", "step": step, "known_devices": [TEST_DEVICE]} for step in STEPS}
    bodies["info with a card"] = {"kind": "new", "step": "info", "otp_card": True, "known_devices": [TEST_DEVICE]}
    personas = {}
    for name, body in bodies.items():
        response = control.post("/_control/personas", json=body)
        assert response.status_code == 201, response.get_data(as_text=True)
        personas[name] = response.get_json()
    return personas


@pytest.mark.parametrize("step", STEPS)
def test_a_new_persona_past_the_first_login_has_a_login_id_and_stands_at_its_step(at, customer_state, step):
    persona = at[step]
    assert rules.login_id_format(persona["login_id"]) is None
    state = customer_state(persona["customer_id"])
    assert (persona["step"], state["step"], state["login_id"], state["contract"]) == (
        step,
        step,
        persona["login_id"],
        "new",
    )
    assert (state["mail"], state["tel"], state["mail_password_active"], state["locked"]) == (None, None, False, False)


def test_a_persona_at_qa_has_no_secret_questions_yet(at, customer_state):
    assert at["qa"]["secret_qa"] == []
    assert customer_state(at["qa"]["customer_id"])["secret_questions"] == []


@pytest.mark.parametrize("step", ["pw", "info"])
def test_a_persona_past_qa_has_three_secret_questions_with_answers_the_bank_would_take(at, customer_state, step):
    secret_qa = at[step]["secret_qa"]
    questions = [pair["question"] for pair in secret_qa]
    answers = [pair["answer"] for pair in secret_qa]
    assert len(secret_qa) == 3
    assert rules.secret_qa(questions, answers, set(QUESTIONS)) == []
    assert customer_state(at[step]["customer_id"])["secret_questions"] == questions


def test_the_answers_a_persona_reports_are_the_ones_the_bank_holds(app, at):
    for step in ("pw", "info"):
        persona = at[step]
        with app.app_context():
            customer = db.session.get(Customer, persona["customer_id"])
            stored = [(row.question, row.answer_hash) for row in customer.secret_answers]
        for (question, answer_hash), pair in zip(stored, persona["secret_qa"], strict=True):
            assert question == pair["question"]
            assert pair["answer"] not in answer_hash
            assert check_password_hash(answer_hash, pair["answer"])


@pytest.mark.parametrize(("step", "has_temp"), [("qa", True), ("pw", True), ("info", False)])
def test_only_a_persona_before_the_password_change_reports_temp_passwords(at, step, has_temp):
    persona = at[step]
    if has_temp:
        assert persona["temp_passwords"] == {"login": persona["login_password"], "confirm": persona["confirm_password"]}
    else:
        assert "temp_passwords" not in persona


def test_the_passwords_a_persona_reports_log_it_in_at_its_step(app, at):
    screens = {"qa": "/netbank/secret-qa", "pw": "/netbank/password", "info": "/netbank/customer-registration"}
    for step, screen in screens.items():
        persona = at[step]
        form = {"login_id": persona["login_id"], "login_pw": persona["login_password"]}
        assert app.test_client().post("/netbank/login", data=form).location == screen, step


def test_a_card_holder_is_reported_and_held_as_one(at, customer_state):
    assert (at["info with a card"]["otp_card"], at["info"]["otp_card"]) == (True, False)
    assert customer_state(at["info with a card"]["customer_id"])["otp_card"] is True
    assert customer_state(at["info"]["customer_id"])["otp_card"] is False


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "new", "step": "done"},
        {"kind": "new", "step": "finished"},
        {"kind": "new", "step": "QA"},
        {"kind": "active", "step": "qa"},
        {"kind": "id_initialised", "step": "pw"},
        {"kind": "id_initialised", "step": "first_login"},
    ],
    ids=[
        "new at done",
        "an unknown step",
        "a step in upper case",
        "active at qa",
        "id_initialised at pw",
        "id_initialised at first_login without a login id",
    ],
)
def test_refuses_a_step_the_persona_cannot_start_at(control, body):
    response = control.post("/_control/personas", json=body)
    assert response.status_code == 400
    assert repr(body["step"]) in response.get_json()["error"]


@pytest.mark.parametrize(
    ("override", "value"),
    [
        ("account_number", "12"),
        ("account_number", 1234567),
        ("branch_code", "1"),
        ("branch_code", "ABC"),
        ("login_id", "abc"),
        ("login_id", "abcdefgh"),
        ("login_password", "short"),
        ("confirm_password", "ｐａｓｓ１２３４"),
        ("otp_card", "yes"),
        ("otp_card", 1),
        ("step", 5),
        ("seed", "x"),
        ("seed", True),
        ("seed", 1.5),
    ],
    ids=[
        "account number of 2 digits",
        "account number as a number",
        "branch of 1 digit",
        "branch of letters",
        "login id too short",
        "login id of letters only",
        "password too short",
        "full-width password",
        "otp_card as text",
        "otp_card as a number",
        "step as a number",
        "seed as text",
        "seed as a boolean",
        "seed as a fraction",
    ],
)
def test_refuses_a_bad_override_with_400_naming_it(control, override, value):
    response = control.post("/_control/personas", json={"kind": "new", override: value})
    assert response.status_code == 400
    assert override in response.get_json()["error"]


def test_a_refused_persona_leaves_no_customer_behind(app, control):
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count(Customer.id)))
    for body in ({"kind": "new", "step": "done"}, {"kind": "new", "otp_card": "yes"}, {"kind": "new", "seed": "x"}):
        assert control.post("/_control/personas", json=body).status_code == 400
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Customer.id))) == before


def test_refuses_an_empty_step(control):
    assert control.post("/_control/personas", json={"kind": "new", "step": ""}).status_code == 400
