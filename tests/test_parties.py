"""Each party keeps its own session (DESIGN): the bank's session.clear() never wipes another party's state."""

from __future__ import annotations

from flask import session

from mockbank.db import db, tables_of
from mockbank.faults import FAULTY
from mockbank.parties import PARTIES, party_of


def add_probe(app, prefix: str) -> None:
    """Routes under a party's prefix that put, read and clear that party's session."""

    def put():
        session["mark"] = prefix
        return "ok"

    def read():
        return session.get("mark", "none")

    def clear():
        session.clear()
        return "cleared"

    for name, view in (("put", put), ("read", read), ("clear", clear)):
        app.add_url_rule(f"{prefix}/_probe/{name}", f"probe{prefix.replace('/', '_')}_{name}", view)


def test_each_url_belongs_to_one_party():
    assert [
        party_of(p)
        for p in (
            "/",
            "/netbank/login",
            "/mailbox/",
            "/mailbox/a@b.jp/",
            "/issuer/api/tokens",
            "/app/",
            "/phone/dial",
            "/_control/reset",
            "/mailboxes",
            "/netbank/api/phone-auth/calls",
        )
    ] == ["bank", "bank", "mailbox", "mailbox", "issuer", "app", "phone", "control", "bank", "bankline"]


def test_the_banks_clear_leaves_the_mailbox_and_the_apps_sessions_alone(app, client):
    for prefix in ("/netbank", "/mailbox", "/app"):
        add_probe(app, prefix)
    for prefix in ("/netbank", "/mailbox", "/app"):
        client.get(f"{prefix}/_probe/put")
    assert client.get("/netbank/_probe/clear").text == "cleared"
    assert client.get("/netbank/_probe/read").text == "none"
    assert client.get("/mailbox/_probe/read").text == "/mailbox"
    assert client.get("/app/_probe/read").text == "/app"


def test_one_partys_cookie_is_worthless_to_another(app, client):
    add_probe(app, "/netbank")
    add_probe(app, "/mailbox")
    client.get("/netbank/_probe/put")
    client.set_cookie("session_mailbox", client.get_cookie("session_bank").value)
    assert client.get("/mailbox/_probe/read").text == "none"


# The one list of parties (parties.PARTIES): each party's tables, its faults and its URL prefix


def test_every_table_is_kept_by_exactly_one_party(app):
    with app.app_context():
        kept = {name: tables_of(name) for name, party in PARTIES.items() if party.models}
    assert kept == {
        "bank": {
            "customer",
            "account",
            "registered_phone",
            "secret_answer",
            "otp_application",
            "known_device",
            "rba_question",
            "biometric_credential",
            "token_reissue",
        },
        "issuer": {"issuer_token"},
        "phone": {"phone_call"},
        "mailbox": {"mail", "rejected_domain"},
        "world": {"journal_entry"},
    }
    # world_state, the world's clock and faults, is no party's: a reset of the whole world empties it too.
    assert sorted(set().union(*kept.values(), {"world_state"})) == sorted(db.metadata.tables)


def test_the_parties_a_fault_can_be_put_on_come_from_the_list(control):
    assert FAULTY == ("bankline", "issuer", "app", "phone", "mail", "mailbox")
    for name in ("bank", "control", "world"):
        response = control.post("/_control/faults", json={"party": name, "down": True})
        assert response.status_code == 400 and "no party takes faults" in response.get_json()["error"]


def test_each_partys_prefix_is_where_its_routes_answer(app):
    rules = [rule.rule for rule in app.url_map.iter_rules()]
    for party in PARTIES.values():
        if party.prefix:
            assert any(rule.startswith(party.prefix + "/") for rule in rules), party.name
            assert {party_of(rule) for rule in rules if rule.startswith(party.prefix + "/")} == {party.name}


def test_a_json_api_answers_its_errors_in_json_and_every_other_party_with_a_page(client):
    for path in ("/_control/nothing", "/issuer/api/nothing", "/netbank/api/phone-auth/nothing"):
        response = client.get(path)
        assert (response.status_code, response.is_json) == (404, True), path
    for path in ("/netbank/nothing", "/mailbox/a/b/c/d", "/app/nothing", "/phone/nothing"):
        response = client.get(path)
        assert (response.status_code, response.is_json) == (404, False), path
        assert "ページが見つかりません" in response.text


def test_with_the_csrf_check_on_only_the_json_apis_take_a_post_without_a_pages_token(make_app):
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    assert client.post("/_control/reset").status_code == 200
    assert client.post("/issuer/api/tokens", json={}).status_code == 401, "the issuer's key, not a page's token"
    assert client.post("/netbank/api/phone-auth/calls", json={}).status_code == 401, "the network's key"
    assert client.post("/netbank/login", data={}).status_code == 400
    assert client.post("/mailbox/a@example.jp/settings", data={}).status_code == 400
