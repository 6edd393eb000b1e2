"""The phone network: places a call, and delivers a call to the bank's 0120 line to the bank, over HTTP.

A call to PHONE_AUTH_NUMBER (the bank's 電話番号認証 line, P13) is delivered
to its owner the bank: POST {BANK_URL}/netbank/api/phone-auth/calls with the
header X-Phone-Network-Key and {"call", "caller" (digits, or null when
withheld), "called", "at" (world time)}. The bank answers whether the call
proved anything; the network does not care and the phone cannot know: the
caller hears the line ring 2–3 times and hang up, with no announcement.

How a call ends (Call.outcome):

- delivered: the bank took it (any 2xx answer): 2 or 3 rings, then the line
  hangs up (「2〜3コール後、自動で電話が切れ」).
- line_unreachable: the bank did not answer in PHONE_BANK_TIMEOUT seconds,
  refused the connection, or answered other than 2xx: no ringing tone, the
  call drops (「呼出音がならない場合は、再度お電話ください」); delivered false.
- no_such_number: any other number; no line answers there in this world.
- network_down: the phone party is down (POST /_control/faults {"party":
  "phone", "down": true}): the call does not connect and nothing reaches the
  bank; the phone says ただいま電話がつながりにくくなっております.

A phone party that is slow ({"party": "phone", "slow": s}) connects calls s
seconds late, in real time: the bank hears of the call that much later, and
the call's time is the world's time once it connects. The dialler's pages
open at once whatever the network's state (faults.py leaves the phone's pages
to this service).

Every call, refused input apart, is recorded (table phone_call) and journaled
("call") when it ends, as a network writes its call detail record.
"""

from __future__ import annotations

import time

import requests
from flask import current_app

from mockbank import clock, journal, worlds
from mockbank.db import db
from mockbank.faults import faults
from mockbank.links import own_url, verify_for
from mockbank.phone.models import DELIVERED, LINE_UNREACHABLE, NETWORK_DOWN, NO_SUCH_NUMBER, Call
from mockbank.phone.numbers import digits, read_dial

PARTY = "phone"
KEY_HEADER = "X-Phone-Network-Key"  # proves to the bank that a delivered call comes from the phone network
BANK_CALLS_PATH = "/netbank/api/phone-auth/calls"  # where the bank's 0120 line takes its calls
OWNER = "bank"  # who owns PHONE_AUTH_NUMBER: the party calls to it are delivered to

# What the phone shows after 発信中…, by Call.outcome ({rings}: how many times it rang).
ENDINGS = {
    DELIVERED: "呼出音が{rings}回鳴ったあと、電話が切れました。",
    LINE_UNREACHABLE: "呼出音が鳴らないまま、電話が切れました。再度お電話ください。",
    NO_SUCH_NUMBER: "この番号にはつながりませんでした。番号をお確かめのうえ、おかけ直しください。",
    NETWORK_DOWN: "ただいま電話がつながりにくくなっております。しばらくたってからおかけ直しください。",
}


def ending(call: Call) -> str:
    """How the call ended, in the phone's words."""
    return ENDINGS[call.outcome].format(rings=call.rings)


class BankLine:
    """The network's end of the bank's 0120 line: hands each call to the bank's API, with a timeout."""

    def __init__(self, base_url: str, key: str, timeout: float, http: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.key = key
        self.timeout = timeout
        self.http = http or requests.Session()

    def deliver(self, call: Call) -> bool:
        """Whether the bank took the call (answered 2xx); unreachable, slow or refusing, it did not."""
        body = {
            "call": call.id,
            "caller": call.presented_caller,
            "called": call.called,
            "at": call.placed_at,
        }
        try:
            response = self.http.post(
                self.base_url + BANK_CALLS_PATH,
                json=body,
                headers={**worlds.headers(), KEY_HEADER: self.key},
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.RequestException as error:
            current_app.logger.warning("phone: call %s not delivered to the bank: %s", call.id, type(error).__name__)
            return False
        if not 200 <= response.status_code < 300:
            current_app.logger.warning("phone: call %s not taken by the bank: %s", call.id, response.status_code)
            return False
        return True


def bank_line() -> BankLine:
    """The bank's line at BANK_URL, or the bank in this process at its own address (never a request's Host)."""
    config = current_app.config
    base = config.get("BANK_URL") or own_url()
    line = BankLine(base, config["PHONE_NETWORK_KEY"], float(config["PHONE_BANK_TIMEOUT"]))
    line.http.verify = verify_for(base)
    return line


def place_call(caller: str, called: str, caller_id_shown: bool = True) -> Call:
    """Dial `called` from the line `caller`, number shown or withheld (a 184/186 prefix on `called` decides).

    Numbers may carry hyphens; they compare by digits. Malformed numbers raise
    numbers.DialRefused and nothing is recorded. Otherwise the call is
    recorded, delivered to the bank when it is to PHONE_AUTH_NUMBER and the
    network is up, journaled, committed, and returned.
    """
    dial = read_dial(caller, called, caller_id_shown)
    fault = faults().of(PARTY) or {}
    _connect_slowly(fault.get("delay", 0.0))
    to_bank = dial.called == digits(current_app.config["PHONE_AUTH_NUMBER"])
    call = Call(
        caller=dial.caller,
        caller_id_shown=dial.caller_id_shown,
        called=dial.called,
        at=clock.now().replace(tzinfo=None),
        outcome=NETWORK_DOWN if fault.get("down") else LINE_UNREACHABLE if to_bank else NO_SUCH_NUMBER,
    )
    line = bank_line() if call.outcome == LINE_UNREACHABLE else None  # where the bank answers, before anything is kept
    db.session.add(call)
    # Committed before the bank hears of it: the bank takes the call in a request of its own, which must find
    # the database free (SQLite would keep it waiting for this one) and may look the call up.
    db.session.commit()
    if line is not None and line.deliver(call):
        call.connected, call.rings = True, 2 + call.id % 2
        call.delivered_to, call.outcome = OWNER, DELIVERED
    journal.record(
        "call",
        call=call.id,
        caller=call.presented_caller,
        line=call.caller,
        caller_id_shown=call.caller_id_shown,
        called=call.called,
        rings=call.rings,
        connected=call.connected,
        delivered=call.delivered,
        outcome=call.outcome,
    )
    db.session.commit()
    return call


def _connect_slowly(delay: float) -> None:
    """A slow network connects late, in real time (the dialler's page itself opens at once)."""
    if delay:
        time.sleep(delay)
