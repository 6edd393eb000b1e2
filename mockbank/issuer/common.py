"""What the issuer's modules share (P13, P15): the refusal, its constants and the validation and time helpers."""

from __future__ import annotations

import re
from datetime import datetime

from email_validator import EmailNotValidError, validate_email

from mockbank import clock
from mockbank.clock import JST

SERVICE_ID = "10"  # つないでネ！ット's service at otp-auth.net, as P13 shows it

START_PASSWORD = re.compile(r"[0-9]{4,8}")  # R-START-PW: 4–8 digits, ASCII only
MAX_REF = 64
MAX_DEVICE = 128


class IssuerError(Exception):
    """A call the issuer refuses: `status` (HTTP), `reason` (for clients), `error` (the text), `extra` fields."""

    def __init__(self, status: int, reason: str, error: str, **extra) -> None:
        super().__init__(error)
        self.status, self.reason, self.error, self.extra = status, reason, error, extra

    def as_dict(self) -> dict:
        """The JSON the API answers with."""
        return {"error": self.error, "reason": self.reason, **self.extra}


def bad_request(error: str) -> IssuerError:
    """A malformed call: nothing is counted or saved."""
    return IssuerError(400, "bad_request", error)


# --- helpers ------------------------------------------------------------------------------------------------------


def _text(value, name: str, max_length: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise bad_request(f"{name} is required (a non-empty string)")
    if len(value) > max_length:
        raise bad_request(f"{name} must be at most {max_length} characters")
    return value


def _mail(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise bad_request("mail is required (a mail address)")
    try:
        validate_email(value, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as error:
        raise bad_request(f"mail is not a mail address: {error}") from error
    return value


DEVICE = re.compile(rf"[\x21-\x7e]{{1,{MAX_DEVICE}}}")  # a phone's identity: printable ASCII, no spaces


def _device(value) -> str:
    if not isinstance(value, str) or not DEVICE.fullmatch(value):
        raise bad_request(f"device is required (printable ASCII without spaces, at most {MAX_DEVICE} characters)")
    return value


def _customer(bank_ref: str) -> int | None:
    """The bank's customer ID where the bank's reference is one (digits), for the journal; else None."""
    return int(bank_ref) if bank_ref.isascii() and bank_ref.isdigit() and len(bank_ref) <= 18 else None


def _now() -> datetime:
    """World time, naive JST, as the issuer's table and the journal keep it."""
    return clock.now().replace(tzinfo=None)


def _iso(moment: datetime | None) -> str | None:
    return moment.replace(tzinfo=JST).isoformat() if moment else None
