"""A phone's biometric as the bank sees it (S-BIO-SET, S-BIO-LOGIN, and the reissue that ends it): WebAuthn with
py_webauthn, the relying party being the host the customer opened, and the credentials the bank keeps.

The challenge of each ceremony is bound to the bank session and lives BIOMETRIC_CHALLENGE_SECONDS of world time.
The relying party ID is the request's host name (``localhost`` in the suite, ``<name>.local`` under
``serve --https``; never an IP address: R-BIO-DEVICE refuses one first), the expected origin its scheme, host and
port. User verification (the face or finger itself, not just a tap) is required both in the options and in the
verification.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from urllib.parse import urlsplit

from flask import current_app, request, session
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.cose import COSEAlgorithmIdentifier
from webauthn.helpers.structs import (
    AuthenticatorAttachment,
    AuthenticatorSelectionCriteria,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from mockbank import clock, journal, rules
from mockbank.bank.models import BiometricCredential, Customer
from mockbank.db import db

RP_NAME = "青森みちのく銀行 つないでネ！ット"
CHALLENGE = "bio_challenge"  # the ceremony's challenge (base64url), its kind and when it was given (world time)
ALGORITHMS = [COSEAlgorithmIdentifier.ECDSA_SHA_256]  # deterministic: the phone makes an ES256 key


def rp_id() -> str:
    """The relying party: the host name the customer opened the bank at, without scheme or port."""
    return urlsplit(request.host_url).hostname or ""


def origin() -> str:
    """What the browser puts in clientData.origin: scheme://host[:port], no trailing slash."""
    return request.host_url.rstrip("/")


def device_problem():
    """R-BIO-DEVICE for this request: a smartphone, on a host name."""
    return rules.biometric_device(request.headers.get("User-Agent", ""), rp_id())


def _timeout_ms() -> int:
    return int(current_app.config["BIOMETRIC_TIMEOUT_SECONDS"] * 1000)


def _remember(kind: str, challenge: bytes, **more) -> None:
    session[CHALLENGE] = {
        "kind": kind,
        "challenge": bytes_to_base64url(challenge),
        "at": clock.now().timestamp(),
        **more,
    }


def registration_options() -> str:
    """S-BIO-SET: options for navigator.credentials.create(), as JSON; the challenge and a new user handle kept.

    The prompt comes before the login ID and password (P18), so the phone stores a random user handle that is no
    customer's yet: the credential becomes the customer's only when 登録 proves who they are.
    """
    handle = secrets.token_bytes(16)
    options = generate_registration_options(
        rp_id=rp_id(),
        rp_name=RP_NAME,
        user_name="つないでネ！ット",
        user_id=handle,
        user_display_name="つないでネ！ット",
        timeout=_timeout_ms(),
        supported_pub_key_algs=ALGORITHMS,
        authenticator_selection=AuthenticatorSelectionCriteria(
            authenticator_attachment=AuthenticatorAttachment.PLATFORM,
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
    )
    _remember("register", options.challenge, user=bytes_to_base64url(handle))
    return options_to_json(options)


def authentication_options() -> str:
    """S-BIO-LOGIN: options for navigator.credentials.get(), as JSON: any credential the phone holds for this bank."""
    options = generate_authentication_options(
        rp_id=rp_id(), timeout=_timeout_ms(), user_verification=UserVerificationRequirement.REQUIRED
    )
    _remember("login", options.challenge)
    return options_to_json(options)


def take_challenge(kind: str) -> tuple[bytes, dict] | None:
    """The challenge this session was given for a ceremony of `kind`, used up; None if none or older than allowed."""
    given = session.pop(CHALLENGE, None)
    if not isinstance(given, dict) or given.get("kind") != kind:
        return None
    if clock.now().timestamp() - float(given.get("at", 0)) > current_app.config["BIOMETRIC_CHALLENGE_SECONDS"]:
        return None
    try:
        return base64url_to_bytes(given["challenge"]), given
    except (KeyError, ValueError, TypeError):
        return None


def now_naive() -> datetime:
    return clock.now().replace(tzinfo=None)


def find(credential_id: bytes) -> BiometricCredential | None:
    """The credential the bank keeps under this ID, revoked or not."""
    return db.session.scalar(db.select(BiometricCredential).where(BiometricCredential.credential_id == credential_id))


def active(customer: Customer) -> list[BiometricCredential]:
    """The customer's biometric credentials still in use."""
    return list(
        db.session.scalars(
            db.select(BiometricCredential).where(
                BiometricCredential.customer_id == customer.id, BiometricCredential.revoked.is_(False)
            )
        )
    )


def revoke_credentials(customer: Customer, why: str = "reissued") -> int:
    """End every biometric login of the customer (R-REISSUE-OLD: a reissued token ends the old phone's); the caller commits.

    Returns how many were in use. The journal records it when there were any.
    """
    held = active(customer)
    for credential in held:
        credential.revoked = True
        credential.revoked_why = why
    if held:
        journal.record("biometric_revoked", screen=None, customer=customer, count=len(held), why=why)
    return len(held)
