"""Security headers as a bank's pages send them, on every party's pages (mockbank/security.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mockbank.security import CONTENT_SECURITY_POLICY
from tests.test_home import HOME, log_in

# One page of each party a person or a program opens.
PARTY_PAGES = {
    "bank": "/",
    "bank login": "/netbank/login",
    "issuer": "/issuer/api/health",
    "app": "/app/download",
    "phone": "/phone/dial",
    "mailbox": "/mailbox/",
    "control": "/_control/clock",
    "not found": "/netbank/no-such-page",
}


@pytest.fixture(params=sorted(PARTY_PAGES))
def party_page(request, client):
    """A party's page as the browser gets it."""
    response = client.get(PARTY_PAGES[request.param])
    assert response.status_code < 500
    return response


def test_every_party_sends_the_content_security_policy(party_page):
    policy = dict(part.split(" ", 1) for part in party_page.headers["Content-Security-Policy"].split("; "))
    assert policy["script-src"] == "'self'"  # no inline script can run, not even a stored one
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"


def test_every_party_refuses_to_be_framed(party_page):
    assert party_page.headers["X-Frame-Options"] == "DENY"


def test_every_party_forbids_sniffing(party_page):
    assert party_page.headers["X-Content-Type-Options"] == "nosniff"


def test_every_party_keeps_its_addresses_from_other_sites(party_page):
    assert party_page.headers["Referrer-Policy"] == "same-origin"


def test_every_party_page_is_never_stored(party_page):
    assert party_page.headers["Cache-Control"] == "no-store"


def test_plain_http_sends_no_hsts(party_page):
    assert "Strict-Transport-Security" not in party_page.headers


def test_a_logged_in_page_is_never_stored(client, seed):
    assert log_in(client, seed("active")).location == HOME
    response = client.get(HOME)
    assert response.status_code == 200 and 'data-screen="S-HOME"' in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"


def test_static_files_may_be_cached_but_not_sniffed(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/netbank/login", "/mailbox/", "/app/download"])
def test_over_https_the_browser_is_told_to_keep_to_https(client, path):
    response = client.get(path, base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"] == "max-age=86400"


def test_no_template_needs_an_inline_script_or_style():
    templates = Path(__file__).parents[1] / "mockbank" / "templates"
    for template in templates.rglob("*.html"):
        page = template.read_text(encoding="utf-8")
        inline = [s for s in re.findall(r"<script([^>]*)>", page) if "src=" not in s and "application/json" not in s]
        assert not inline, f"{template.name}: an inline script the policy blocks"
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=", page), f"{template.name}: inline style or handler"
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
