"""WorldClient: the suite's only door into the mock world, over the control API (DESIGN)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import requests

from mockbank.worlds import HEADER


class WorldClient:
    """Make worlds; in one world, reset it, seed personas, move its clock and read its journal, over HTTP."""

    def __init__(self, base_url: str, session: requests.Session | None = None, world: str | None = None) -> None:
        self.root = base_url.rstrip("/")
        self.base_url = self.root + "/_control"
        self.http = session or requests.Session()
        self.world = world  # None: the default world
        self.headers = {HEADER: world} if world else {}  # sent with every call; a phone of this world sends them too
        self.http.headers.update(self.headers)
        self.clock_watchers: list[Callable[[dict], None]] = []  # told the clock's state whenever a step moves it

    def new_world(self, name: str | None = None) -> WorldClient:
        """Make a world (named, or given a name) and return a client in it."""
        made = self._call("POST", "/worlds", json={"name": name} if name else {})
        return WorldClient(self.root, world=made["name"])

    def worlds(self) -> list[dict]:
        """Every world: name, created_at, seen_at (the default first)."""
        return self._call("GET", "/worlds")

    def drop_world(self, name: str | None = None) -> dict:
        """Drop a world (this client's own unless named) and everything in it."""
        return self._call("DELETE", f"/worlds/{name or self.world}")

    def _moved(self, state: dict) -> dict:
        """Tell whoever follows the world clock (the phones' own clocks) where it stands now."""
        for watcher in self.clock_watchers:
            watcher(state)
        return state

    def _call(self, method: str, path: str, **kwargs):
        response = self.http.request(method, self.base_url + path, timeout=30, **kwargs)
        if response.status_code >= 400:
            raise RuntimeError(f"control API {method} {path}: {response.status_code} {response.text}")
        return response.json()

    def reset(self, party: str | None = None) -> dict:
        """Empty the world (or one party's state: "bank", "mailbox"); returns how many milliseconds it took."""
        return self._call("POST", "/reset", json={"party": party} if party else {})

    def fault(self, party: str, down: bool = False, slow: float = 0.0) -> dict:
        """Put a party (issuer, mail, phone, app, mailbox) down or slow; with neither, heal it."""
        return self._call("POST", "/faults", json={"party": party, "down": down, "slow": slow})

    def persona(self, kind: str, **overrides) -> dict:
        """Seed a persona of `kind` (new, id_initialised, active) and return its data."""
        return self._call("POST", "/personas", json={"kind": kind, **overrides})

    def customer(self, customer_id: int) -> dict:
        """What the bank holds about a customer now (no secrets)."""
        return self._call("GET", f"/customers/{customer_id}")

    def unlock(self, customer_id: int) -> dict:
        """R-LOCKOUT, out of band: unlock the customer's login (as the branch would)."""
        return self._call("POST", f"/customers/{customer_id}/unlock")

    def know_device(self, customer_id: int, device: str) -> dict:
        """R-RBA: the customer has logged in from `device` (a phone's identity) before."""
        return self._call("POST", f"/customers/{customer_id}/devices", json={"device": device})

    def password_matches(self, customer_id: int, which: str, password: str) -> bool:
        """Whether `password` is the customer's current login ("login") or confirm ("confirm") password."""
        body = {"which": which, "password": password}
        return self._call("POST", f"/customers/{customer_id}/password-check", json=body)["matches"]

    def answer_matches(self, customer_id: int, question: str, answer: str) -> bool:
        """Whether `answer` is the registered answer to `question`, exactly as typed (R-QA-EXACT)."""
        body = {"question": question, "answer": answer}
        return self._call("POST", f"/customers/{customer_id}/answer-check", json=body)["matches"]

    def clock(self) -> dict:
        """The world clock's state: now, frozen, skews."""
        return self._call("GET", "/clock")

    def freeze(self, at: datetime | str | None = None) -> dict:
        """Freeze the world clock at `at` (or now)."""
        return self._moved(self._call("POST", "/clock", json={"freeze": _iso(at) if at else True}))

    def advance(self, seconds: float) -> dict:
        """Move the world clock forward by `seconds`."""
        return self._moved(self._call("POST", "/clock", json={"advance": seconds}))

    def set_time(self, at: datetime | str) -> dict:
        """Jump the world clock to `at`."""
        return self._moved(self._call("POST", "/clock", json={"set": _iso(at)}))

    def skew(self, device: str, seconds: float) -> dict:
        """Give one device's clock a skew from the world's."""
        return self._moved(self._call("POST", "/clock", json={"skew": {"device": device, "seconds": seconds}}))

    def call(self, caller: str, to: str | None = None, withheld: bool = False) -> dict:
        """Place a phone call as the phone network would (to the bank's 0120 line unless `to`); returns the call."""
        body = {"from": caller, "withheld": withheld, **({"to": to} if to else {})}
        return self._call("POST", "/calls", json=body)

    def session_cookie(self, customer_id: int, role: str) -> dict:
        """A signed session cookie {name, value} putting a browser at `role` (applicant, login_id_done, customer)."""
        return self._call("POST", "/sessions", json={"customer_id": customer_id, "role": role})

    def mails(self, to: str) -> list[dict]:
        """Mail delivered to the mailbox `to`, newest first."""
        return self._call("GET", "/mail", params={"to": to})

    def reject_mail(self, address: str, domain: str, rejected: bool = True) -> dict:
        """Set the mailbox's 迷惑メール拒否設定 for one sender domain."""
        return self._call("POST", "/mailbox/reject", json={"address": address, "domain": domain, "rejected": rejected})

    def journal(self, kind: str | None = None, customer_id: int | None = None) -> list[dict]:
        """Journal entries, optionally of one kind or one customer."""
        params = {k: v for k, v in {"kind": kind, "customer_id": customer_id}.items() if v is not None}
        return self._call("GET", "/journal", params=params)

    def codes(self, seed: str, device: str, at: datetime | str, offsets: list[float] = (0,)) -> list[str]:
        """The codes the token of `seed` shows on `device` at `at` plus each offset (seconds), in order."""
        body = {"seed": seed, "device": device, "at": _iso(at), "offsets": list(offsets)}
        return self._call("POST", "/codes", json=body)["codes"]


def _iso(moment: datetime | str) -> str:
    return moment if isinstance(moment, str) else moment.isoformat()
