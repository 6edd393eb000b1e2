"""CSRF: every form the bank and the mailbox post carries a token; without the page's token nothing is saved.

The other tests post straight to the bank with the check off (tests/settings.py); here it is on, as in the
acceptance suite and `mockbank serve`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import mockbank
from tests.conftest import TEST_DEVICE
from tests.forms import sid001, text
from tests.setup_forms import log_in, qa_form

TOKEN = re.compile(r'<input type="hidden" name="csrf_token" value="([^"]+)">')


@pytest.fixture
def bank(make_app):
    """A test bank with the CSRF check on."""
    return make_app(WTF_CSRF_ENABLED=True)


def persona(bank, kind: str, **overrides) -> dict:
    """Seed a persona through the control API, which takes JSON without a token."""
    overrides.setdefault("known_devices", [TEST_DEVICE])  # the test browser's device (R-RBA)
    response = bank.test_client().post("/_control/personas", json={"kind": kind, **overrides})
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def state(bank, customer_id: int) -> dict:
    """What the bank holds about the customer."""
    return bank.test_client().get(f"/_control/customers/{customer_id}").get_json()


def token_from(browser, path: str) -> str:
    """The token of the form on the page at `path`, as a browser holds it."""
    return TOKEN.search(text(browser.get(path))).group(1)


def assert_refused_in_japanese(response) -> None:
    """The bank's own 400 page, in Japanese, never a stack trace."""
    page = text(response)
    assert response.status_code == 400
    assert '<html lang="ja">' in page and "ただいまご利用いただけません" in page
    assert "お手続きを受け付けられませんでした" in page
    assert "CSRF" not in page and "Traceback" not in page


FORGED = {"no token": {}, "a made-up token": {"csrf_token": "forged"}, "an empty token": {"csrf_token": ""}}


@pytest.mark.parametrize("forged", FORGED.values(), ids=FORGED.keys())
def test_sid001_without_the_pages_token_is_refused_and_saves_nothing(bank, forged):
    applicant = persona(bank, "new")
    browser = bank.test_client()
    browser.get("/netbank/customer-info")
    assert_refused_in_japanese(browser.post("/netbank/customer-info", data={**sid001(applicant), **forged}))
    assert browser.get("/netbank/login-id").location == "/netbank/customer-info"
    journal = bank.test_client().get("/_control/journal").get_json()
    assert [e for e in journal if e["kind"] in ("screen", "refused")] == []


def test_sid001_with_the_pages_token_goes_on(bank):
    applicant = persona(bank, "new")
    browser = bank.test_client()
    form = {**sid001(applicant), "csrf_token": token_from(browser, "/netbank/customer-info")}
    assert browser.post("/netbank/customer-info", data=form).location == "/netbank/login-id"


@pytest.mark.parametrize("forged", FORGED.values(), ids=FORGED.keys())
def test_the_login_without_the_pages_token_is_refused_and_logs_nobody_in(bank, forged):
    customer = persona(bank, "active")
    browser = bank.test_client()
    browser.get("/netbank/login")
    form = {"login_id": customer["login_id"], "login_pw": customer["login_password"], **forged}
    assert_refused_in_japanese(browser.post("/netbank/login", data=form))
    assert state(bank, customer["customer_id"])["last_login_at"] is None
    assert browser.get("/netbank/home").location == "/netbank/login"


def test_the_login_with_the_pages_token_logs_in(bank):
    customer = persona(bank, "active")
    browser = bank.test_client()
    form = {
        "login_id": customer["login_id"],
        "login_pw": customer["login_password"],
        "csrf_token": token_from(browser, "/netbank/login"),
    }
    smartphone = {"User-Agent": "Mozilla/5.0 (iPhone) Mobile"}  # a PC would go on to S-MAILPW first (R-MAILPW)
    assert browser.post("/netbank/login", data=form, headers=smartphone).location == "/netbank/home"


@pytest.mark.parametrize("forged", FORGED.values(), ids=FORGED.keys())
def test_secret_qa_without_the_pages_token_is_refused_and_saves_nothing(bank, forged):
    customer = persona(bank, "new", step="qa")
    browser = log_in(bank, customer)
    browser.get("/netbank/secret-qa")
    assert_refused_in_japanese(browser.post("/netbank/secret-qa", data={**qa_form(), **forged}))
    after = state(bank, customer["customer_id"])
    assert (after["step"], after["secret_questions"]) == ("qa", [])


def test_secret_qa_with_the_pages_token_is_registered(bank):
    customer = persona(bank, "new", step="qa")
    browser = log_in(bank, customer)
    form = {**qa_form(), "csrf_token": token_from(browser, "/netbank/secret-qa")}
    assert browser.post("/netbank/secret-qa", data=form).location == "/netbank/password"
    assert state(bank, customer["customer_id"])["step"] == "pw"


def rejected(bank, address: str) -> list[str]:
    """The mailbox's 迷惑メール拒否設定 as the control API lists it."""
    body = {"address": address, "domain": "never.example.jp", "rejected": False}
    return bank.test_client().post("/_control/mailbox/reject", json=body).get_json()["rejected_domains"]


@pytest.mark.parametrize("forged", FORGED.values(), ids=FORGED.keys())
def test_the_junk_mail_setting_without_the_pages_token_is_refused_and_saves_nothing(bank, forged):
    browser = bank.test_client()
    browser.get("/mailbox/taro@example.jp/settings")
    form = {"domain": "am-bk.co.jp", "action": "reject", **forged}
    assert_refused_in_japanese(browser.post("/mailbox/taro@example.jp/settings", data=form))
    assert rejected(bank, "taro@example.jp") == []


def test_the_junk_mail_setting_with_the_pages_token_is_saved(bank):
    browser = bank.test_client()
    form = {
        "domain": "am-bk.co.jp",
        "action": "reject",
        "csrf_token": token_from(browser, "/mailbox/taro@example.jp/settings"),
    }
    assert browser.post("/mailbox/taro@example.jp/settings", data=form).status_code == 302
    assert rejected(bank, "taro@example.jp") == ["am-bk.co.jp"]


def test_the_banks_token_is_worthless_to_the_mailbox(bank):
    browser = bank.test_client()
    form = {"domain": "am-bk.co.jp", "action": "reject", "csrf_token": token_from(browser, "/netbank/login")}
    assert_refused_in_japanese(browser.post("/mailbox/taro@example.jp/settings", data=form))
    assert rejected(bank, "taro@example.jp") == []


def test_the_control_api_takes_json_without_a_token(bank):
    client = bank.test_client()
    assert client.post("/_control/reset").status_code == 200
    assert client.post("/_control/personas", json={"kind": "active"}).status_code == 201


TEMPLATES = Path(mockbank.__file__).parent / "templates"
POSTS = re.compile(r"""method=["']?post""", re.IGNORECASE)


@pytest.mark.parametrize(
    "template",
    sorted(p for p in TEMPLATES.rglob("*.html") if POSTS.search(p.read_text()) and p.name != "_form.html"),
    ids=lambda p: str(p.relative_to(TEMPLATES)),
)
def test_every_post_form_in_the_templates_carries_the_token(template):
    source = template.read_text()
    posted = [form for form in re.findall(r"<form\b[^>]*>", source, re.IGNORECASE) if POSTS.search(form)]
    with_token = re.findall(r"<form\b[^>]*>\s*\{\{ csrf\(\) \}\}", source, re.IGNORECASE)
    assert posted and len(with_token) == len(posted)
