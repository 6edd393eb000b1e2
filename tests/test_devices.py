"""The device a request comes from (mockbank/devices.py): only a well-formed identity counts."""

from __future__ import annotations

import pytest

from mockbank.devices import DEVICE_HEADER, device_id


@pytest.mark.parametrize(
    ("sent", "seen"),
    [
        ("0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef"),
        ("", None),
        ("0123456789ABCDEF0123456789ABCDEF", None),
        ("x" * 32, None),
        ("0123", None),
        ("<script>", None),
    ],
)
def test_only_a_well_formed_device_identity_is_taken(app, sent, seen):
    with app.test_request_context(headers={DEVICE_HEADER: sent} if sent else {}):
        assert device_id() == seen


def test_the_login_journal_says_from_which_device(client, seed, journal):
    persona = seed("active", known_devices=["ab" * 16])  # a device the customer uses (R-RBA)
    client.post(
        "/netbank/login",
        data={"login_id": persona["login_id"], "login_pw": persona["login_password"]},
        headers={DEVICE_HEADER: "ab" * 16, "User-Agent": "Mozilla/5.0 (iPhone) Mobile"},  # a PC waits for R-MAILPW
    )
    [login] = journal(kind="login")
    assert login["detail"]["device"] == "ab" * 16
