"""The journal after a whole onboarding: what happened and which rule refused what, never a secret."""

from __future__ import annotations

import json
import re

import pytest

from mockbank import create_app
from tests.forms import login_id_form, sid001
from tests.settings import bank_settings, stop_mail_capture


@pytest.fixture(scope="module")
def onboarded(tmp_path_factory):
    """A new contract walked through SID001 → S-ID → S-ID-DONE → 初回ログイン, stumbling once at each screen."""
    app = create_app(bank_settings(tmp_path_factory.mktemp("journal") / "t.sqlite"))
    client = app.test_client()
    persona = client.post("/_control/personas", json={"kind": "new"}).get_json()
    typo_pw = persona["login_password"][::-1]
    steps = [
        ("/netbank/customer-info", sid001(persona, login_pw=typo_pw), 200),
        ("/netbank/customer-info", sid001(persona), 302),
        ("/netbank/login-id", login_id_form(persona["confirm_password"]), 200),
        ("/netbank/login-id", login_id_form("abc123", "abc124"), 200),
        ("/netbank/login-id", login_id_form("abc123"), 302),
        ("/netbank/login-id/done", {}, 200),
        ("/netbank/login-id/done", {"ack": "on"}, 302),
        ("/netbank/first-login", {"login_id": "abc123", "login_pw": typo_pw}, 200),
        ("/netbank/first-login", {"login_id": "abc123", "login_pw": persona["login_password"]}, 302),
    ]
    for path, form, status in steps:
        assert client.post(path, data=form).status_code == status, (path, form)
    yield {**persona, "typo_pw": typo_pw, "journal": client.get("/_control/journal").get_json()}
    stop_mail_capture(app)


def test_the_journal_never_holds_a_password(onboarded):
    dumped = json.dumps(onboarded["journal"], ensure_ascii=False)
    for secret in (onboarded["login_password"], onboarded["confirm_password"], onboarded["typo_pw"]):
        assert secret not in dumped
    assert "scrypt" not in dumped


def test_the_journal_tells_the_whole_onboarding_in_order(onboarded):
    story = [(e["kind"], e["screen"], e["rule"]) for e in onboarded["journal"]]
    assert story == [
        ("control", None, None),
        ("refused", "SID001", "R-ACCT-MATCH"),
        ("screen", "SID001", None),
        ("refused", "S-ID", "R-DISTINCT"),
        ("refused", "S-ID", "R-ID-TWICE"),
        ("screen", "S-ID", None),
        ("refused", "S-ID-DONE", "R-ID-ACK"),
        ("screen", "S-ID-DONE", None),
        ("refused", "S-LOGIN1", "R-LOGIN-MATCH"),
        ("login", "S-LOGIN1", None),
    ]


def test_every_refused_entry_carries_a_rule_id_and_its_customer(onboarded):
    refused = [entry for entry in onboarded["journal"] if entry["kind"] == "refused"]
    assert len(refused) == 5
    assert {entry["customer_id"] for entry in refused} == {onboarded["customer_id"]}
    assert all(re.fullmatch(r"R-[A-Z]+(-[A-Z0-9]+)*", entry["rule"]) for entry in refused), refused


def test_a_shape_refusal_carries_its_rule_id_without_a_customer(client, journal):
    client.post("/netbank/customer-info", data={"branch": "ab", "account": "", "login_pw": "", "confirm_pw": "x"})
    refused = journal(kind="refused")
    assert [(e["rule"], e["detail"]["field"], e["customer_id"]) for e in refused] == [
        ("R-ACCT-BRANCH", "branch", None),
        ("R-ACCT-NO", "account", None),
        ("R-HANKAKU", "login_pw", None),
    ]


def test_a_refused_entry_names_the_field_but_not_what_was_typed(client, journal):
    client.post(
        "/netbank/customer-info",
        data={"branch": "001", "account": "1234567", "login_pw": "ｓｅｃｒｅｔ", "confirm_pw": "Secret99"},
    )
    [entry] = journal(kind="refused")
    assert entry["detail"] == {"field": "login_pw", "passed": ["R-ACCT-BRANCH", "R-ACCT-NO", "R-HANKAKU"]}
    assert "Secret99" not in json.dumps(entry) and "ｓｅｃｒｅｔ" not in json.dumps(entry, ensure_ascii=False)


def test_the_login_entry_records_the_step_reached(onboarded):
    [login] = [entry for entry in onboarded["journal"] if entry["kind"] == "login"]
    assert login["detail"]["step"] == "qa"
    assert {"R-LOGIN-MATCH", "R-ONE-SESSION"} <= set(login["detail"]["passed"])


def test_a_check_that_passes_is_journalled_as_passed_with_the_next_entry_and_only_once(client, seed, journal):
    """Evidence for the coverage map: the rules a submission passed ride on the journal entry it leads to."""
    persona = seed("new")
    client.post("/netbank/customer-info", data=sid001(persona))
    [screen] = journal(kind="screen")
    assert screen["detail"]["passed"] == ["R-ACCT-BRANCH", "R-ACCT-MATCH", "R-ACCT-NO", "R-HANKAKU"]
    client.post("/netbank/login-id", data=login_id_form("abc"))
    [refused] = journal(kind="refused")
    assert refused["rule"] == "R-ID-FMT" and "passed" not in refused["detail"]
