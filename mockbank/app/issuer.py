"""The app's one call to otp-auth.net (P15): 初期設定, over HTTP from the phone, with no key of the bank's."""

from __future__ import annotations

from flask import current_app

from mockbank.bank.issuer_client import IssuerClient
from mockbank.links import own_url, verify_for


def otp_auth() -> IssuerClient:
    """A client for the issuer the bank uses (MOCKBANK_ISSUER_URL, else this process's), without the bank's key."""
    base = current_app.config.get("ISSUER_URL") or own_url() + "/issuer"
    client = IssuerClient(base, float(current_app.config["ISSUER_TIMEOUT"]), api_key=None)
    client.http.verify = verify_for(base)
    return client
