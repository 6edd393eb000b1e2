"""トークン再発行 at the issuer (otp-auth.net, P20): a reissued token's mail, and the old tokens it revokes once set up."""

from __future__ import annotations

from mockbank.issuer.binding import check_value
from tests import test_issuer
from tests.test_issuer import MAIL, OTHER_PHONE, PHONE, application, code, mails

issuer = test_issuer.issuer  # the fixture: the issuer's API called with its key, as in test_issuer

REISSUE_SUBJECT, FIRST_SUBJECT = "青森みちのく銀行トークン発行のご案内", "青森みちのく銀行トークン発行ご案内"


def token_of(issuer, name: str, device: str | None, bank_ref: str = "17", reissue: bool = False) -> dict:
    """A token of application `name` issued (and set up on `device`, if any): its answers, secret included."""
    body = application(application=name, bank_ref=bank_ref, **({"reissue": True} if reissue else {}))
    created = issuer("POST", "/tokens", body)
    assert created.status_code == 201, created.get_json()
    token = created.get_json()
    assert issuer("POST", f"/tokens/{token['token']}/issue").status_code == 200
    if device is None:
        return token
    setup = {"service_id": "10", "user_id": token["user_id"], "start_password": "246810", "device": device}
    activated = issuer("POST", "/tokens/activate", setup)
    assert activated.status_code == 200, activated.get_json()
    return {**token, "secret": activated.get_json()["secret"]}


def state(issuer, token: dict) -> str:
    return issuer("GET", f"/tokens/{token['token']}").get_json()["state"]


def test_a_reissued_token_is_mailed_with_p20s_subject_and_a_first_one_with_p12s(issuer, control):
    token_of(issuer, "first", None)
    token_of(issuer, "again", None, reissue=True)
    assert sorted(m["subject"] for m in mails(control, MAIL)) == sorted([FIRST_SUBJECT, REISSUE_SUBJECT])


def test_reissue_must_be_true_or_false(issuer):
    response = issuer("POST", "/tokens", application(reissue="yes"))
    assert response.status_code == 400 and response.get_json()["reason"] == "bad_request"


def test_until_the_reissued_token_is_set_up_the_old_one_stands(issuer, frozen):
    old = token_of(issuer, "old", PHONE)
    new = token_of(issuer, "new", None, reissue=True)
    assert (state(issuer, old), state(issuer, new)) == ("activated", "issued")
    answer = issuer("POST", f"/tokens/{old['token']}/verify", {"code": code(old["secret"], frozen()), "device": PHONE})
    assert answer.get_json() == {"valid": True}


def test_setting_up_the_reissued_token_revokes_every_other_token_of_the_customer_and_no_one_elses(
    issuer, frozen, journal
):
    old = token_of(issuer, "old", PHONE)
    stale = token_of(issuer, "stale", None)  # issued, never set up
    someone_else = token_of(issuer, "other", OTHER_PHONE, bank_ref="18")
    new = token_of(issuer, "new", OTHER_PHONE, reissue=True)
    assert [state(issuer, t) for t in (old, stale, someone_else, new)] == [
        "revoked",
        "revoked",
        "activated",
        "activated",
    ]
    revoked = [e for e in journal(kind="token_revoked") if e["detail"].get("reason") == "reissued"]
    assert {e["detail"]["token"] for e in revoked} == {old["token"], stale["token"]}
    assert {e["rule"] for e in revoked} == {"R-REISSUE-OLD"} and revoked[0]["detail"]["replaced_by"] == new["token"]
    activated = journal(kind="token_activated")[-1]
    assert "R-REISSUE" in activated["detail"]["passed"]


def test_a_first_token_set_up_revokes_nothing(issuer, frozen):
    first = token_of(issuer, "first", PHONE)
    second = token_of(issuer, "second", OTHER_PHONE)  # not a reissue: e.g. another contract's
    assert (state(issuer, first), state(issuer, second)) == ("activated", "activated")


def test_the_old_phones_code_is_refused_against_the_new_token_as_the_old_phones(issuer, frozen, journal):
    old = token_of(issuer, "old", PHONE)
    new = token_of(issuer, "new", OTHER_PHONE, reissue=True)
    answer = issuer("POST", f"/tokens/{new['token']}/verify", {"code": code(old["secret"], frozen()), "device": PHONE})
    assert answer.get_json() == {"valid": False, "reason": "replaced"}
    assert journal(kind="code_refused")[-1]["rule"] == "R-REISSUE-OLD"
    direct = issuer("POST", f"/tokens/{old['token']}/verify", {"code": code(old["secret"], frozen()), "device": PHONE})
    assert direct.get_json()["reason"] == "revoked"
    good = code(new["secret"], frozen(), device=OTHER_PHONE)
    assert issuer("POST", f"/tokens/{new['token']}/verify", {"code": good, "device": OTHER_PHONE}).get_json() == {
        "valid": True
    }


def test_the_app_asks_its_tokens_state_without_the_banks_key_and_only_from_its_own_phone(issuer, frozen, journal):
    old = token_of(issuer, "old", PHONE)
    ask = {"service_id": "10", "user_id": old["user_id"], "device": PHONE, "check": check_value(old["secret"], PHONE)}
    assert issuer("POST", "/tokens/state", ask, key=None).get_json() == {"state": "activated"}
    token_of(issuer, "new", OTHER_PHONE, reissue=True)
    assert issuer("POST", "/tokens/state", ask, key=None).get_json() == {"state": "revoked"}
    assert journal(kind="app_token_revoked")[-1]["rule"] == "R-REISSUE-OLD"
    copied = {**ask, "device": OTHER_PHONE, "check": check_value(old["secret"], OTHER_PHONE)}
    for wrong in (copied, {**ask, "check": "000000"}, {**ask, "user_id": "0000000"}, {**ask, "service_id": "11"}):
        refused = issuer("POST", "/tokens/state", wrong, key=None)
        assert refused.status_code == 400 and refused.get_json()["reason"] == "wrong_values"
    assert issuer("POST", "/tokens/state", {**ask, "check": 123}, key=None).status_code == 400
