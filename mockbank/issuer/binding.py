"""R-APP-BIND (P15): a token's codes come from its seed joined with the identity of the phone it was set up on.

The issuer hands the seed to the app once, at 初期設定 (R-APP-SETUP), and keeps which device took it. The
app never stores the key its codes come from: it joins the seed with the identity its phone reports each
time it shows a code. Copied to another phone, the seed meets another identity and yields codes of another
key, which the issuer refuses; the app, finding its check value no longer matches, shows none (anti-copy).
The seed is 20 random bytes (RFC 4226 §4) and the identity 16 random bytes the phone never puts in the
storage a copy carries, so neither half alone makes a code. HMAC keeps keys of up to 64 bytes as they are
(RFC 2104), so the joined 52-byte key is used whole; the app computes the same with otpauth's HOTP.
"""

from __future__ import annotations

import base64

import pyotp

STEP_SECONDS = 60  # R-OTP-60: the code changes every 60 s (P15)
DIGITS = 6


def bound_key(seed: str, device: str) -> bytes:
    """The TOTP key of a token on one device: the seed's bytes, then the device identity's ASCII."""
    return pyotp.TOTP(seed).byte_secret() + device.encode("ascii")


def bound_totp(seed: str, device: str) -> pyotp.TOTP:
    """The token's 60-second, 6-digit TOTP (RFC 6238, HMAC-SHA1) as it runs on `device`."""
    return pyotp.TOTP(base64.b32encode(bound_key(seed, device)).decode("ascii"), digits=DIGITS, interval=STEP_SECONDS)


def check_value(seed: str, device: str) -> str:
    """What the app keeps to tell, on start, whether it runs on the phone it was set up on: HOTP counter 0."""
    return bound_totp(seed, device).generate_otp(0)
