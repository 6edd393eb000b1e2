"""Each party keeps its own session (DESIGN): the bank's session.clear() never wipes another party's state."""

from __future__ import annotations

from flask import session

from mockbank.parties import party_of


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
