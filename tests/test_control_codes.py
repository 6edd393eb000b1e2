"""The control API's /codes: what a token shows on one phone, so that steps never compute a code themselves (R-OTP-60, R-APP-BIND)."""

from mockbank.issuer.binding import bound_totp

SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
AT = "2026-12-07T09:00:30+09:00"


def test_codes_are_the_tokens_codes_on_that_device_at_each_offset(control):
    body = control.post("/_control/codes", json={"seed": SEED, "device": "phone-a", "at": AT, "offsets": [0, 60, -60]})
    totp = bound_totp(SEED, "phone-a")
    assert body.status_code == 200
    assert body.json["codes"] == [totp.at(1796601630 + s) for s in (0, 60, -60)]


def test_another_device_shows_other_codes(control):
    one = control.post("/_control/codes", json={"seed": SEED, "device": "phone-a", "at": AT}).json["codes"]
    other = control.post("/_control/codes", json={"seed": SEED, "device": "phone-b", "at": AT}).json["codes"]
    assert one != other


def test_bad_requests_are_refused_with_what_was_wrong(control):
    for body in (
        {},
        {"seed": SEED, "device": "phone-a"},
        {"seed": "not base32!", "device": "phone-a", "at": AT},
        {"seed": SEED, "device": "phone-a", "at": "yesterday"},
        {"seed": SEED, "device": "phone-a", "at": AT, "offsets": []},
        {"seed": SEED, "device": "phone-a", "at": AT, "offsets": ["soon"]},
        {"seed": SEED, "device": "phone-a", "at": AT, "offsets": list(range(1001))},
    ):
        answer = control.post("/_control/codes", json=body)
        assert answer.status_code == 400, body
        assert answer.json["error"]
