"""The bank's client for the OTP issuer: HTTP only, with a timeout, at the address ISSUER_URL names (DESIGN).

Unset, ISSUER_URL is the issuer answering in this same process, reached over
HTTP at the address the request came in on, as the bank would reach
otp-auth.net; set MOCKBANK_ISSUER_URL to run the issuer as its own process.
"""

from __future__ import annotations

import requests
from flask import current_app, request


class IssuerUnavailable(Exception):
    """The issuer did not answer in time, refused the connection, or answered with a server error."""


class IssuerClient:
    """Calls to otp-auth.net's JSON API."""

    def __init__(self, base_url: str, timeout: float, http: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = http or requests.Session()

    def health(self) -> dict:
        """Whether the issuer answers (GET /api/health)."""
        return self._call("GET", "/api/health")

    def _call(self, method: str, path: str, **kwargs) -> dict:
        try:
            response = self.http.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
        except requests.RequestException as error:
            raise IssuerUnavailable(f"{method} {path}: {type(error).__name__}") from error
        if response.status_code >= 500:
            raise IssuerUnavailable(f"{method} {path}: {response.status_code}")
        response.raise_for_status()
        return response.json()


def issuer_client() -> IssuerClient:
    """The client for the issuer this bank is configured to use."""
    base = current_app.config.get("ISSUER_URL") or request.host_url.rstrip("/") + "/issuer"
    return IssuerClient(base, float(current_app.config["ISSUER_TIMEOUT"]))
