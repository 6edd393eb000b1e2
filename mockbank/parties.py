"""Each party of the mock world keeps its own session: a signed cookie of its own, named after the party.

The bank, the OTP issuer, the ワンタイムPW app, the phone and the mailbox all
answer from one Flask app, as separate services would from separate hosts. A
party's session is a cookie only it reads and writes (``session_bank``,
``session_mailbox`` …), signed with a salt of its own, so the bank's
``session.clear()`` at logout or 中止する never touches the app's or the
mailbox's state, and one party's cookie is worthless to another.
"""

from __future__ import annotations

from flask import Flask, has_request_context, request
from flask.sessions import SecureCookieSessionInterface

# URL prefix → party. Anything else (the bank's public top page, static files) is the bank's too.
PARTIES = {
    "/mailbox": "mailbox",
    "/issuer": "issuer",
    "/app": "app",
    "/phone": "phone",
    "/netbank/api/phone-auth": "bankline",  # the bank's 0120 line for the caller-ID check (P13): faults of its own
    "/_control": "control",
}
DEFAULT_PARTY = "bank"


def party_of(path: str) -> str:
    """Which party answers `path`."""
    for prefix, party in PARTIES.items():
        if path == prefix or path.startswith(prefix + "/"):
            return party
    return DEFAULT_PARTY


class PartySessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, one cookie and one signing salt per party."""

    def party(self) -> str:
        """The party answering the request being served."""
        return party_of(request.path) if has_request_context() else DEFAULT_PARTY

    def get_cookie_name(self, app: Flask) -> str:
        return cookie_name(app, self.party())

    def get_signing_serializer(self, app: Flask, party: str | None = None):
        serializer = super().get_signing_serializer(app)
        if serializer is not None:
            serializer.salt = f"{self.salt}:{party or self.party()}"
        return serializer


def cookie_name(app: Flask, party: str) -> str:
    """The name of `party`'s session cookie."""
    return f"{app.config['SESSION_COOKIE_NAME']}_{party}"


def signed_session(app: Flask, party: str, contents: dict) -> dict:
    """A cookie {name, value} holding `contents` as `party`'s session (the control API's state over navigation)."""
    serializer = app.session_interface.get_signing_serializer(app, party)
    return {"name": cookie_name(app, party), "value": serializer.dumps(contents)}
