"""The parties of the mock world, and the session each keeps: a signed cookie of its own, named after the party.

The bank, the OTP issuer, the ワンタイムPW app, the phone and the mailbox all
answer from one Flask app, as separate services would from separate hosts. A
party's session is a cookie only it reads and writes (``session_bank``,
``session_mailbox`` …), signed with a salt of its own, so the bank's
``session.clear()`` at logout or 中止する never touches the app's or the
mailbox's state, and one party's cookie is worthless to another.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, has_request_context, request
from flask.sessions import SecureCookieSessionInterface

# How a fault the control API puts on a party meets it (mockbank/faults.py).
AT_THE_DOOR = "at_the_door"  # every HTTP request under its prefix waits (slow) or is answered 503 (down)
ITS_OWN = "its_own"  # the party reads its fault itself: the SMTP server answers 421, the phone network drops calls


@dataclass(frozen=True)
class Party:
    """One party of the mock world: where it answers, with which routes, where its tables are, how a fault meets it."""

    name: str
    prefix: str | None = None  # the URL prefix it answers under; None: no prefix of its own (the bank: all the rest)
    package: str | None = None  # the package whose blueprint `bp` holds its routes, mounted at its prefix
    models: str | None = None  # the module of its tables: a reset of the party empties them
    faults: str | None = None  # AT_THE_DOOR, ITS_OWN, or None: the control API cannot put it down
    api: bool = False  # answers JSON only, its errors too (a program calls it, never a person)


PARTIES = {
    party.name: party
    for party in (
        Party("bank", package="mockbank.bank", models="mockbank.bank.models"),
        # The bank's 0120 line for the caller-ID check (P13), among the bank's routes: down, it answers no call.
        Party("bankline", prefix="/netbank/api/phone-auth", faults=AT_THE_DOOR, api=True),
        Party(
            "issuer",
            prefix="/issuer",
            package="mockbank.issuer",
            models="mockbank.issuer.models",
            faults=AT_THE_DOOR,
            api=True,
        ),
        Party("app", prefix="/app", package="mockbank.app", faults=AT_THE_DOOR),
        # The phone's pages are the customer's handset, not the network: its dialler opens whatever the network's
        # state, and the call service meets the fault itself (mockbank/phone/service.py).
        Party("phone", prefix="/phone", package="mockbank.phone", models="mockbank.phone.models", faults=ITS_OWN),
        Party("mail", faults=ITS_OWN),  # the SMTP server the bank and the issuer send through
        Party("mailbox", prefix="/mailbox", package="mockbank.mail", models="mockbank.mail.models", faults=AT_THE_DOOR),
        Party("control", prefix="/_control", package="mockbank.control", api=True),  # mounted in test mode only
        Party("world", models="mockbank.journal"),  # the world's own record of what every party did
    )
}
DEFAULT_PARTY = "bank"  # anything no prefix claims (the bank's public top page, static files) is the bank's


def answers_json(path: str) -> bool:
    """Whether the party answering `path` is a JSON API (its errors are JSON too)."""
    return PARTIES[party_of(path)].api


def party_of(path: str) -> str:
    """Which party answers `path`."""
    for party in PARTIES.values():
        if party.prefix and (path == party.prefix or path.startswith(party.prefix + "/")):
            return party.name
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
