"""The bank's client for the OTP issuer: HTTP only, with a timeout and the issuer's key, at ISSUER_URL (DESIGN).

Unset, ISSUER_URL is the issuer answering in this same process, reached over
HTTP at the address the request came in on, as the bank would reach
otp-auth.net; set MOCKBANK_ISSUER_URL to run the issuer as its own process
(and MOCKBANK_ISSUER_API_KEY to the same key on both sides).

No answer in time, no connection or a server error (5xx) is IssuerUnavailable:
the customer is told to try again later. A refusal (4xx) is IssuerRefused,
with the issuer's status, error text and reason code.
"""

from __future__ import annotations

from urllib.parse import quote

import requests
from flask import current_app

from mockbank import worlds
from mockbank.links import own_url, verify_for

KEY_HEADER = "X-Issuer-Key"


class IssuerUnavailable(Exception):
    """The issuer did not answer in time, refused the connection, or answered with a server error."""


class IssuerRefused(Exception):
    """The issuer answered and refused the call (4xx): `status`, its `error` text and `reason` code."""

    def __init__(self, status: int, error: str, reason: str | None = None, body: dict | None = None) -> None:
        super().__init__(f"{status}: {error}")
        self.status, self.error, self.reason, self.body = status, error, reason, body or {}


class IssuerClient:
    """Calls to otp-auth.net's JSON API."""

    def __init__(
        self,
        base_url: str,
        timeout: float,
        http: requests.Session | None = None,
        api_key: str | None = None,
        verify: bool | str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = http or requests.Session()
        self.api_key = api_key
        self.tls_verify = verify  # per call (the session may be shared): None leaves it to the session

    def health(self) -> dict:
        """Whether the issuer answers (GET /api/health)."""
        return self._call("GET", "/api/health")

    def create_token(
        self, bank_ref: str, application: str, mail: str, start_password: str, reissue: bool = False
    ) -> dict:
        """A PENDING token for the application (S-OTPAPP or S-REISSUE submitted): token, service_id, user_id, state.

        The same application again gets the same token (idempotent), so a retry after a timeout is safe. A
        `reissue` (P20) token, once set up, replaces the customer's other tokens (R-REISSUE-OLD).
        """
        body = {"bank_ref": bank_ref, "application": application, "mail": mail, "start_password": start_password}
        if reissue:
            body["reissue"] = True
        return self._call("POST", "/api/tokens", json=body)

    def app_state(self, service_id: str, user_id: str, device: str, check: str) -> dict:
        """The app's question (no key): does the token set up on `device` still stand? {"state"} (R-REISSUE-OLD)."""
        body = {"service_id": service_id, "user_id": user_id, "device": device, "check": check}
        return self._call("POST", "/api/tokens/state", json=body)

    def issue_token(self, token: str) -> dict:
        """pending → issued once the phone check passed; the issuer mails the IDs (mail_delivered says if it could)."""
        return self._call("POST", f"/api/tokens/{_segment(token)}/issue")

    def resend_mail(self, token: str) -> dict:
        """The token mail again (the first was refused or the mail server was down); mail_delivered says if it went."""
        return self._call("POST", f"/api/tokens/{_segment(token)}/mail")

    def revoke_token(self, token: str, reason: str | None = None) -> dict:
        """→ revoked for good (an application superseded or abandoned, a reissue)."""
        return self._call("POST", f"/api/tokens/{_segment(token)}/revoke", json={"reason": reason} if reason else {})

    def token(self, token: str) -> dict:
        """The token as the issuer holds it: state, mail, issued_at … (never its secret)."""
        return self._call("GET", f"/api/tokens/{_segment(token)}")

    def activate(self, service_id: str, user_id: str, start_password: str, device: str) -> dict:
        """The app's 初期設定 on `device`: token, secret (this once), algorithm, digits, interval."""
        body = {"service_id": service_id, "user_id": user_id, "start_password": start_password, "device": device}
        return self._call("POST", "/api/tokens/activate", json=body)

    def verify(self, token: str, code: str, device: str | None = None) -> dict:
        """Whether `code`, typed on `device` (if known), is good now: {"valid": bool, "reason"?, "locked"?}."""
        body = {"code": code, **({"device": device} if device else {})}
        return self._call("POST", f"/api/tokens/{_segment(token)}/verify", json=body)

    def _call(self, method: str, path: str, **kwargs) -> dict:
        headers = {**worlds.headers(), **({KEY_HEADER: self.api_key} if self.api_key else {})}
        if self.tls_verify is not None:
            kwargs.setdefault("verify", self.tls_verify)
        try:
            response = self.http.request(method, self.base_url + path, timeout=self.timeout, headers=headers, **kwargs)
        except requests.RequestException as error:
            raise IssuerUnavailable(f"{method} {path}: {type(error).__name__}") from error
        if response.status_code >= 500:
            raise IssuerUnavailable(f"{method} {path}: {response.status_code}")
        try:
            answer = response.json()
        except ValueError as error:  # not the issuer speaking (a proxy's page, a half answer)
            if response.status_code >= 400:
                raise IssuerRefused(response.status_code, response.text[:200]) from error
            raise IssuerUnavailable(f"{method} {path}: not JSON") from error
        if response.status_code >= 400:
            answer = answer if isinstance(answer, dict) else {}
            raise IssuerRefused(
                response.status_code, str(answer.get("error") or response.reason), answer.get("reason"), answer
            )
        return answer


def _segment(token: str) -> str:
    """A token reference as one path segment, whatever it holds."""
    return quote(str(token), safe="")


HTTP = "issuer_http"  # the app's one HTTP session to the issuer (app.extensions): its connections are kept


def issuer_client(*, bank: bool = True) -> IssuerClient:
    """The client for the issuer this bank is configured to use: with the issuer's key, or (the app's) without.

    Every client shares the app's one requests.Session, so calls reuse its pooled connections instead of
    opening a session (and a connection) each; the key goes per call, never into the shared session.
    """
    config = current_app.config
    base = config.get("ISSUER_URL") or own_url() + "/issuer"
    key = config.get("ISSUER_API_KEY") if bank else None
    http = current_app.extensions.get(HTTP)
    if http is None:
        http = current_app.extensions.setdefault(HTTP, requests.Session())
    return IssuerClient(base, float(config["ISSUER_TIMEOUT"]), http=http, api_key=key, verify=verify_for(base))
