"""The bank's form screens through form_view (P5–P11), and what the journal shows of each rule they apply."""

from __future__ import annotations

import pytest

from mockbank import rules
from tests.forms import login_id_form, sid001, text
from tests.setup_forms import log_in, pw_form, qa_form


@pytest.fixture
def applicant(client, seed):
    """A new contract past SID001, its browser at ログインID取得."""
    persona = seed("new")
    assert client.post("/netbank/customer-info", data=sid001(persona)).location == "/netbank/login-id"
    return persona


def test_a_refused_form_comes_back_with_the_bank_s_message_and_what_was_typed(client, applicant):
    page = text(client.post("/netbank/login-id", data=login_id_form("abc12")))
    assert rules.login_id_format("abc12").message in page
    assert 'value="abc12"' in page
    assert 'data-screen="S-ID"' in page


def test_a_refused_form_is_journalled_with_its_screen_rule_and_customer(client, applicant, journal):
    client.post("/netbank/login-id", data=login_id_form("abc123", "abc124"))
    [entry] = journal(kind="refused")
    assert (entry["screen"], entry["rule"], entry["customer_id"]) == ("S-ID", "R-ID-TWICE", applicant["customer_id"])


def test_a_refusal_before_the_bank_knows_the_customer_is_journalled_without_one(client, seed, journal):
    seed("new")
    client.post(
        "/netbank/customer-info", data={"branch": "01", "account": "0012345", "login_pw": "a", "confirm_pw": "b"}
    )
    assert {(e["screen"], e["customer_id"]) for e in journal(kind="refused")} == {("SID001", None)}


@pytest.mark.parametrize(
    ("step", "path", "form", "screen"),
    [
        ("qa", "/netbank/secret-qa", qa_form(action="cancel"), "S-QA"),
        ("pw", "/netbank/password", pw_form(action="cancel"), "S-PW"),
    ],
)
def test_cancel_is_journalled_as_r_cancel(app, seed, journal, step, path, form, screen):
    persona = seed("new", step=step)
    assert log_in(app, persona).post(path, data=form).location == "/netbank/"
    [entry] = journal(kind="cancel", customer_id=persona["customer_id"])
    assert (entry["screen"], entry["rule"]) == (screen, "R-CANCEL")


def test_a_customer_kept_from_skipping_ahead_is_journalled_as_r_pw_change(app, seed, journal):
    persona = seed("new", step="qa")
    browser = log_in(app, persona)
    assert browser.get("/netbank/customer-registration").location == "/netbank/secret-qa"
    refused = journal(kind="refused", customer_id=persona["customer_id"])
    assert [(e["screen"], e["rule"]) for e in refused] == [("S-INFO", "R-PW-CHANGE")]


def test_going_back_to_an_earlier_step_is_not_a_skip(app, seed, journal):
    persona = seed("new", step="info")
    assert log_in(app, persona).get("/netbank/secret-qa").location == "/netbank/customer-registration"
    assert journal(kind="refused", customer_id=persona["customer_id"]) == []


def test_the_acknowledgement_on_s_id_done_is_journalled_as_passed(client, applicant, journal):
    client.post("/netbank/login-id", data=login_id_form("abc123"))
    assert client.post("/netbank/login-id/done", data={"ack": "on"}).location == "/netbank/first-login"
    [entry] = journal(kind="screen", customer_id=applicant["customer_id"])[-1:]
    assert (entry["screen"], entry["detail"]["passed"]) == ("S-ID-DONE", ["R-ID-ACK"])


def test_the_lost_login_id_page_is_journalled_as_r_id_lost(client, journal):
    assert "書面によるご契約の解約・新規のお申込みが必要となります" in text(client.get("/netbank/login-id/lost"))
    [entry] = journal(kind="notice")
    assert (entry["screen"], entry["detail"]["passed"]) == ("S-ID-LOST", ["R-ID-LOST"])
