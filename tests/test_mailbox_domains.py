"""迷惑メール拒否設定 (M-MAIL): the mailbox and the control API take a sender domain only when it is one."""

from __future__ import annotations

import pytest

from mockbank.mail.domains import (
    EMPTY,
    MALFORMED,
    NOT_HALF_WIDTH,
    TOO_LONG,
    DomainRefused,
    valid_domain,
)
from tests.forms import text


def long_domain(length: int) -> str:
    """A well-formed domain of exactly `length` characters: labels of 63, the rest, then .jp."""
    full = (length - len(".jp") - 1) // 64
    return ("a" * 63 + ".") * full + "b" * (length - len(".jp") - 64 * full) + ".jp"


BAD_DOMAINS = {
    "empty": ("", EMPTY),
    "spaces only": ("   ", EMPTY),
    "20,000 characters": ("a" * 19_997 + ".jp", TOO_LONG),
    "254 characters": (long_domain(254), TOO_LONG),
    "a NUL": ("am-bk\x00.co.jp", NOT_HALF_WIDTH),
    "a newline": ("am-bk.co.jp\n", NOT_HALF_WIDTH),
    "a tab": ("\tam-bk.co.jp", NOT_HALF_WIDTH),
    "a bell": ("am\x07bk.co.jp", NOT_HALF_WIDTH),
    "an emoji": ("🏦.co.jp", NOT_HALF_WIDTH),
    "full-width": ("ａｍ－ｂｋ．ｃｏ．ｊｐ", NOT_HALF_WIDTH),
    "kanji (IDN not encoded)": ("青森.jp", NOT_HALF_WIDTH),
    "Kelvin sign": ("\u212a.co.jp", NOT_HALF_WIDTH),
    "a space inside": ("am bk.co.jp", NOT_HALF_WIDTH),
    "an underscore": ("am_bk.co.jp", NOT_HALF_WIDTH),
    "an at sign": ("info@am-bk.co.jp", NOT_HALF_WIDTH),
    "markup": ("<script>.jp", NOT_HALF_WIDTH),
    "no dot": ("localhost", MALFORMED),
    "an empty label": ("am-bk..co.jp", MALFORMED),
    "a leading dot": (".am-bk.co.jp", MALFORMED),
    "a trailing dot": ("am-bk.co.jp.", MALFORMED),
    "a label of 64": ("a" * 64 + ".jp", MALFORMED),
    "a label starting with a hyphen": ("-am-bk.co.jp", MALFORMED),
    "a label ending with a hyphen": ("am-bk-.co.jp", MALFORMED),
    "an IP address": ("192.168.0.1", MALFORMED),
}
GOOD_DOMAINS = {
    "the bank's": ("am-bk.co.jp", "am-bk.co.jp"),
    "upper case": ("AM-BK.CO.JP", "am-bk.co.jp"),
    "spaces around": (" otp-auth.net ", "otp-auth.net"),
    "IDN in its ASCII form": ("xn--5rtw95l.jp", "xn--5rtw95l.jp"),
    "a label of 63": ("a" * 63 + ".jp", "a" * 63 + ".jp"),
    "253 characters": (long_domain(253), None),
    "digits in labels": ("mail2.example123.jp", "mail2.example123.jp"),
}


@pytest.mark.parametrize(("value", "message"), BAD_DOMAINS.values(), ids=BAD_DOMAINS.keys())
def test_valid_domain_refuses_what_is_not_a_domain_with_the_mailboxs_message(value, message):
    with pytest.raises(DomainRefused) as refused:
        valid_domain(value)
    assert refused.value.description == message


@pytest.mark.parametrize(("value", "kept"), GOOD_DOMAINS.values(), ids=GOOD_DOMAINS.keys())
def test_valid_domain_keeps_a_domain_lower_cased(value, kept):
    assert valid_domain(value) == (kept or value)


def rejected(control, address: str) -> list[str]:
    """The mailbox's 迷惑メール拒否設定 as the control API lists it (lifting a domain it never held)."""
    body = {"address": address, "domain": "never.example.jp", "rejected": False}
    return control.post("/_control/mailbox/reject", json=body).get_json()["rejected_domains"]


@pytest.mark.parametrize(("value", "message"), BAD_DOMAINS.values(), ids=BAD_DOMAINS.keys())
def test_the_settings_screen_refuses_a_bad_domain_on_the_same_screen_and_saves_nothing(client, control, value, message):
    response = client.post("/mailbox/taro@example.jp/settings", data={"domain": value, "action": "reject"})
    page = text(response)
    assert response.status_code == 200
    assert "迷惑メール拒否設定" in page and 'role="alert"' in page and message in page
    assert rejected(control, "taro@example.jp") == []


@pytest.mark.parametrize(("value", "message"), BAD_DOMAINS.values(), ids=BAD_DOMAINS.keys())
def test_the_control_api_refuses_a_bad_domain_with_a_json_error_and_saves_nothing(control, value, message):
    body = {"address": "taro@example.jp", "domain": value, "rejected": True}
    response = control.post("/_control/mailbox/reject", json=body)
    if value:  # an empty domain is refused by the control API's own check first
        assert (response.status_code, response.get_json()) == (400, {"error": message})
    else:
        assert response.status_code == 400 and "error" in response.get_json()
    assert rejected(control, "taro@example.jp") == []


@pytest.mark.parametrize("value", [5, ["am-bk.co.jp"], {"d": 1}], ids=["a number", "a list", "an object"])
def test_the_control_api_refuses_a_domain_that_is_not_text(control, value):
    response = control.post("/_control/mailbox/reject", json={"address": "taro@example.jp", "domain": value})
    assert (response.status_code, response.get_json()) == (400, {"error": EMPTY})


def test_the_settings_screen_keeps_a_good_domain_lower_cased(client, control):
    response = client.post("/mailbox/taro@example.jp/settings", data={"domain": " AM-BK.CO.JP ", "action": "reject"})
    assert response.location == "/mailbox/taro@example.jp/settings"
    assert rejected(control, "taro@example.jp") == ["am-bk.co.jp"]
