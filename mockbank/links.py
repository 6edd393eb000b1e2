"""Where the parties of this process reach each other, and the address customers are sent to.

Never a request's Host header: a client could name any host there and have the
bank send its keys, the 利用開始パスワード or a call to it (server-side request
forgery). The server that runs the world records its own address at start
(SELF_URL: mockbank.server.BackgroundServer, `mockbank serve`) and the address
people open (PUBLIC_URL); without a server (Flask's test client) they are
http://localhost, the test client's own host.
"""

from __future__ import annotations

from flask import current_app

DEFAULT = "http://localhost"


def own_url() -> str:
    """This process's own address, for one party calling another in it over HTTP."""
    return (current_app.config.get("SELF_URL") or DEFAULT).rstrip("/")


def public_url() -> str:
    """The address a customer's phone opens (links in mail)."""
    return (current_app.config.get("PUBLIC_URL") or own_url()).rstrip("/")


def verify_for(url: str):
    """What requests should verify an HTTPS call with: the mock's own CA for its own address, else the system's."""
    own_ca = current_app.config.get("SELF_CA")
    return own_ca if own_ca and url.startswith(own_url()) else True
