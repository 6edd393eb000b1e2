"""A software authenticator for the tests below the browser: a phone's platform authenticator in a few lines.

It answers the bank's WebAuthn options as a phone would (attestation "none", ES256 with the `cryptography`
package), with knobs for what a real one may do wrong: no user verification, no presence, a bad signature, a
counter that does not grow, another origin or RP ID.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from dataclasses import dataclass, field

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url

from tests.conftest import TEST_DEVICE

UP, UV, AT = 0x01, 0x04, 0x40


@dataclass
class Key:
    """One credential the authenticator holds."""

    credential_id: bytes
    private: ec.EllipticCurvePrivateKey
    rp_id: str
    user_handle: bytes
    sign_count: int = 0

    def cose(self) -> bytes:
        numbers = self.private.public_key().public_numbers()
        return cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})


def credential_json(key: Key, response: dict) -> dict:
    """A PublicKeyCredential as the page sends it (toJSON()): the key's ID around the authenticator's `response`."""
    return {
        "id": bytes_to_base64url(key.credential_id),
        "rawId": bytes_to_base64url(key.credential_id),
        "type": "public-key",
        "response": response,
        "authenticatorAttachment": "platform",
        "clientExtensionResults": {},
    }


@dataclass
class SoftAuthenticator:
    """A phone's biometric: `verified` says whether the face or finger is recognised."""

    verified: bool = True
    present: bool = True
    keys: list[Key] = field(default_factory=list)

    def flags(self, extra: int = 0) -> bytes:
        return bytes([(UP if self.present else 0) | (UV if self.verified else 0) | extra])

    def create(self, options: dict, origin: str, *, rp_id: str | None = None) -> dict:
        """navigator.credentials.create(): a new ES256 key for options' RP and user; the registration JSON."""
        rp = rp_id or options["rp"]["id"]
        key = Key(
            os.urandom(16), ec.generate_private_key(ec.SECP256R1()), rp, base64url_to_bytes(options["user"]["id"])
        )
        self.keys.append(key)
        client = self._client("webauthn.create", options["challenge"], origin)
        attested = b"\0" * 16 + struct.pack(">H", len(key.credential_id)) + key.credential_id + key.cose()
        auth_data = hashlib.sha256(rp.encode()).digest() + self.flags(AT) + struct.pack(">I", 0) + attested
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return credential_json(
            key,
            {
                "clientDataJSON": bytes_to_base64url(client),
                "attestationObject": bytes_to_base64url(attestation),
                "transports": ["internal"],
            },
        )

    def get(
        self,
        options: dict,
        origin: str,
        *,
        key: Key | None = None,
        rp_id: str | None = None,
        bogus_signature: bool = False,
        user_handle: bytes | None = None,
        counter: int | None = None,
    ) -> dict:
        """navigator.credentials.get(): an assertion by `key` (the first held), its counter moved on by one."""
        key = key or self.keys[0]
        key.sign_count = key.sign_count + 1 if counter is None else counter
        rp = rp_id or options.get("rpId") or key.rp_id
        client = self._client("webauthn.get", options["challenge"], origin)
        auth_data = hashlib.sha256(rp.encode()).digest() + self.flags() + struct.pack(">I", key.sign_count)
        signature = key.private.sign(auth_data + hashlib.sha256(client).digest(), ec.ECDSA(hashes.SHA256()))
        if bogus_signature:
            signature = b"\x30\x06\x02\x01\x01\x02\x01\x01"
        return credential_json(
            key,
            {
                "clientDataJSON": bytes_to_base64url(client),
                "authenticatorData": bytes_to_base64url(auth_data),
                "signature": bytes_to_base64url(signature),
                "userHandle": bytes_to_base64url(user_handle if user_handle is not None else key.user_handle),
            },
        )

    @staticmethod
    def _client(kind: str, challenge: str, origin: str) -> bytes:
        return json.dumps({"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": False}).encode()


IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
PC = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
ORIGIN = "http://localhost"  # Flask's test client asks for http://localhost/
SET_URL, REGISTER_URL, LOGIN_URL = (
    "/netbank/biometric/setting",
    "/netbank/biometric/setting/register",
    "/netbank/biometric/login",
)


def options_on(page_html: str) -> dict:
    """The WebAuthn options the bank put in a biometric screen."""
    import re

    found = re.search(r'<script type="application/json" id="webauthn-options">(.*?)</script>', page_html, re.S)
    assert found, "the screen carries the options for the phone"
    return json.loads(found.group(1).replace("<\\/", "</"))


def phone_headers(device: str = TEST_DEVICE, agent: str = IPHONE) -> dict:
    return {"User-Agent": agent, "X-Mockbank-Device": device}


def register(client, phone: SoftAuthenticator, persona: dict, headers: dict | None = None):
    """S-BIO-SET from start to 登録 with the persona's ID and password; the last response."""
    headers = headers or phone_headers()
    options = options_on(client.get(SET_URL, headers=headers).get_data(as_text=True))
    answer = phone.create(options, ORIGIN)
    client.post(SET_URL, data={"credential": json.dumps(answer)}, headers=headers)
    return client.post(
        REGISTER_URL,
        data={"login_id": persona["login_id"], "login_pw": persona["login_password"]},
        headers=headers,
    )


def log_in(client, phone: SoftAuthenticator, headers: dict | None = None, **how):
    """S-BIO-LOGIN: 「生体認証でログイン」 with the phone's answer (`how`: SoftAuthenticator.get's knobs)."""
    headers = headers or phone_headers()
    options = options_on(client.get(LOGIN_URL, headers=headers).get_data(as_text=True))
    origin = how.pop("origin", ORIGIN)
    answer = phone.get(options, origin, **how)
    return client.post(LOGIN_URL, data={"credential": json.dumps(answer)}, headers=headers)
