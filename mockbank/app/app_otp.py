"""A-OTP ワンタイムパスワード (P16–P17): the chosen token's code from the phone's clock; a copied app shows none."""

from __future__ import annotations

import hashlib

from flask import jsonify, render_template, request

from mockbank import journal
from mockbank.app import bp, instructions
from mockbank.app.device import app_device
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.db import db
from mockbank.journal import JournalEntry
from mockbank.rules import MAX_TOKENS


@bp.get("/")
def otp():
    """ワンタイムパスワード (A-OTP): the chosen token's code from the phone's clock, countdown, ログイン; 初期設定 if none."""
    return render_template("app/app_otp.html", instructions=instructions.take())


@bp.post("/copied")
def copied():
    """The app found its data was set up on another phone (R-APP-BIND): it shows no code; the journal says so.

    One entry per page's CSRF token and device: a report sent again, by the page or by anyone holding its
    token, is answered alike and not journalled again (the journal keeps a hash of the two, never the token).
    """
    given = request.get_json(silent=True)
    tokens = given.get("tokens") if isinstance(given, dict) else None
    held = tokens if type(tokens) is int and 0 <= tokens <= MAX_TOKENS else None
    device = app_device()
    page_token = request.headers.get("X-CSRFToken", "")[:512]  # the page's CSRF token, as app.js sends it
    report = hashlib.sha256(f"{page_token}:{device}".encode()).hexdigest()[:32]
    if not _reported(report):
        journal.record("app_copy_refused", screen="A-OTP", rule="R-APP-BIND", device=device, tokens=held, report=report)
        db.session.commit()
    return jsonify({"recorded": True})


def _reported(report: str) -> bool:
    """Whether this page's copy report from this device is in the journal already."""
    entries = db.session.scalars(db.select(JournalEntry).where(JournalEntry.kind == "app_copy_refused"))
    return any((entry.detail or {}).get("report") == report for entry in entries)


@bp.post("/token-state")
def token_state():
    """Does the token this phone holds still stand? The app asks otp-auth.net on start (R-REISSUE-OLD).

    {"service_id", "user_id", "check"} (the check value the app made at 初期設定) → {"state": "activated" | "revoked"
    | null}; null when the issuer cannot say (offline): the app then shows its code as it would without a network.
    """
    given = request.get_json(silent=True)
    given = given if isinstance(given, dict) else {}
    values = [given.get(name) for name in ("service_id", "user_id", "check")]
    if not all(isinstance(value, str) and 0 < len(value) <= 64 for value in values):
        return jsonify({"state": None}), 400
    try:
        answer = issuer_client(bank=False).app_state(values[0], values[1], app_device(), values[2])
    except (IssuerUnavailable, IssuerRefused):
        return jsonify({"state": None})
    return jsonify({"state": answer.get("state")})
