"""Rules of 生体認証利用設定 (S-BIO-SET, P18) and what both biometric screens share: which phones offer it (R-BIO-DEVICE)
and how they name it, and the setting itself (R-BIO-SET: the phone's biometric first, then login ID and password)."""

from __future__ import annotations

import ipaddress

from mockbank.rules.base import Problem

__all__ = [
    "BIO_NOT_ON_DEVICE",
    "BIO_NOT_ON_IP",
    "BIO_SET_FAILED",
    "BIO_SET_EXPIRED",
    "BIO_SET_NOT_READY",
    "BIO_SET_UNKNOWN_DEVICE",
    "biometric_names",
    "biometric_device",
]

# R-BIO-DEVICE (P16, P18): 生体認証 is for smartphones with biometrics only (※生体認証機能があるスマートフォンをご利用の場合のみ).
BIO_NOT_ON_DEVICE = Problem(
    "R-BIO-DEVICE", "生体認証は、生体認証機能があるスマートフォンをご利用の場合のみご利用いただけます。"
)
# R-BIO-DEVICE: WebAuthn refuses an IP address as the relying party; the bank says so rather than fail obscurely.
BIO_NOT_ON_IP = Problem(
    "R-BIO-DEVICE",
    "生体認証は、IPアドレスで開いた画面ではご利用いただけません。ホスト名で開き直してください。",
)
# R-BIO-SET (P18): the phone's biometric did not complete (not recognised, cancelled, or the bank could not verify it).
BIO_SET_FAILED = Problem(
    "R-BIO-SET", "生体認証が完了しなかったため、生体認証の登録はできませんでした。もう一度お試しください。"
)
# R-BIO-SET: the prompt, or the ID and password after it, came later than the bank waits (world time).
BIO_SET_EXPIRED = Problem(
    "R-BIO-SET", "一定時間が経過したため、生体認証の登録はできませんでした。はじめから操作してください。"
)
# R-BIO-SET: only a customer who has finished 初回利用登録 (uses つないでネ！ット) registers a biometric.
BIO_SET_NOT_READY = Problem(
    "R-BIO-SET", "初回利用登録がお済みでないため、生体認証の登録はできません。先に初回利用登録を行ってください。"
)
# R-BIO-SET with R-RBA: a biometric logs in without the app's code, so only a phone the customer already logs in from
# (known to the bank) may take one; a stranger holding the ID and password alone registers nothing.
BIO_SET_UNKNOWN_DEVICE = Problem(
    "R-BIO-SET",
    "この端末では生体認証の登録はできません。この端末でつないでネ！ットにログインしてから、もう一度お試しください。",
)

# What the phone's biometric is called on it (P18, P19: iPhone says Touch ID / Face ID), by its browser's User-Agent.
NAMES = (("iPhone", "Touch ID／Face ID"), ("iPad", "Touch ID／Face ID"), ("Android", "指紋認証／顔認証"))
MOBILE = ("Mobile", "iPhone", "Android", "iPad")


def biometric_names(user_agent: str) -> str | None:
    """How the screens name the phone's biometric (Touch ID／Face ID on iPhone, 指紋認証／顔認証 on Android); None on a PC."""
    for marker, names in NAMES:
        if marker in user_agent:
            return names
    return "生体認証" if any(marker in user_agent for marker in MOBILE) else None


def biometric_device(user_agent: str, host: str | None) -> Problem | None:
    """R-BIO-DEVICE: a smartphone's browser (not a PC's), on a host name (WebAuthn refuses an IP address)."""
    if biometric_names(user_agent) is None:
        return BIO_NOT_ON_DEVICE
    try:
        ipaddress.ip_address((host or "").strip("[]"))
    except ValueError:
        return None if host else BIO_NOT_ON_IP
    return BIO_NOT_ON_IP
