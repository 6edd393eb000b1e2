"""生体認証ログイン (S-BIO-LOGIN, P19): 「生体認証でログイン」 logs in without ID and password (R-BIO-LOGIN).

The bank verifies the phone's answer with py_webauthn against the credential it keeps: this session's challenge,
not expired (world time), origin, RP ID, user verified, the signature, and a signature count that grows. Then it
checks the answer is the credential's own customer's (user handle) and comes from the phone that registered it.
A count that does not grow means the key signs somewhere else too: the credential is revoked and the journal names
a cloned authenticator. Every refusal shows the same words; those of a known customer count toward R-LOCKOUT with
wrong passwords. A face or finger the phone does not recognise never reaches the bank (the phone limits those).
"""

from __future__ import annotations

from webauthn import verify_authentication_response
from webauthn.helpers import parse_authentication_credential_json
from webauthn.helpers.exceptions import WebAuthnException

from mockbank import applied, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused
from mockbank.bank.models import BiometricCredential, Customer
from mockbank.bank.services import biometric_credentials as rp
from mockbank.bank.services.credentials import complete_login
from mockbank.bank.services.token_reissue import token_in_use
from mockbank.db import db
from mockbank.devices import device_id

SCREEN = "S-BIO-LOGIN"
SIGN_COUNT = "sign count"  # py_webauthn's words when the count did not grow


def failed(reason: str, credential: BiometricCredential | None = None) -> Refused:
    """Journal why (the screen says only BIO_LOGIN_FAILED); a known customer's failure counts toward R-LOCKOUT."""
    customer = credential.customer if credential is not None else None
    journal.record(
        "biometric_failed",
        screen=SCREEN,
        rule="R-BIO-LOGIN",
        customer=customer,
        reason=reason[:200],
        device=device_id(),
    )
    if customer is not None:
        lockout.count_failure(customer, SCREEN, rules.BIO_LOGIN_FAILED)  # commits and raises
    db.session.commit()
    return Refused(rules.BIO_LOGIN_FAILED, customer=customer)


def log_in(form) -> Customer:
    """The phone's answer to 「生体認証でログイン」: the customer it logs in, or Refused."""
    problem = rp.device_problem()
    if problem:
        raise Refused(problem)
    applied.passed("R-BIO-DEVICE")
    if form.get("failure"):
        raise failed(f"phone:{form.get('failure')}")
    given = rp.take_challenge("login")
    if given is None:
        journal.record("biometric_failed", screen=SCREEN, rule="R-BIO-LOGIN", reason="challenge", device=device_id())
        db.session.commit()
        raise Refused(rules.BIO_LOGIN_EXPIRED)
    challenge, _kept = given
    try:
        parsed = parse_authentication_credential_json(form.get("credential", ""))
    except (WebAuthnException, ValueError, TypeError, KeyError) as error:
        raise failed(f"malformed:{error}") from error
    credential = rp.find(parsed.raw_id)
    if credential is None:
        raise failed("unknown credential")
    token_in_use(
        credential.customer, SCREEN
    )  # R-REISSUE-OLD: a token reissued to a new phone ends this one's biometric
    if credential.revoked:
        raise failed(f"revoked:{credential.revoked_why}", credential)
    handle = parsed.response.user_handle
    if handle is not None and handle != credential.user_handle:
        raise failed("another customer's", credential)
    try:
        verified = verify_authentication_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=rp.rp_id(),
            expected_origin=rp.origin(),
            credential_public_key=credential.public_key,
            credential_current_sign_count=credential.sign_count,
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError) as error:
        if SIGN_COUNT in str(error):
            credential.revoked, credential.revoked_why = True, "cloned"
            journal.record(
                "biometric_cloned",
                screen=SCREEN,
                rule="R-BIO-LOGIN",
                customer=credential.customer,
                device=device_id(),
                registered_on=credential.device,
                stored_count=credential.sign_count,
            )
            raise failed(f"cloned authenticator: {error}", credential) from error
        raise failed(f"verify:{error}", credential) from error
    # The key signed: the count moves on whoever holds it, so a copy used first betrays the original later.
    credential.sign_count = verified.new_sign_count
    credential.last_used_at = rp.now_naive()
    if credential.device and credential.device != device_id():
        raise failed("another phone", credential)
    customer = credential.customer
    if customer.locked:  # only a good biometric, like the right password, learns of the lock
        applied.passed("R-BIO-LOGIN")  # the biometric itself was good: the lock alone stops it
        db.session.commit()
        raise Refused(rules.LOCKED, customer=customer)
    applied.passed("R-BIO-LOGIN")
    return complete_login(customer, SCREEN)
