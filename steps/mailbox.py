"""Steps on M-MAIL, the customer's mailbox (§1, P11): the bank's notices, read on the phone, and 迷惑メール拒否設定."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from pages.mailbox import MailboxPage


@pytest.fixture
def mailbox_page(page: Page) -> MailboxPage:
    """The customer's mailbox (M-MAIL) in the scenario's phone's browser."""
    return MailboxPage(page)


@given(parsers.re(r"メールボックス「(?P<address>.+)」は「(?P<domain>.+)」からのメールを拒否している"))
def mailbox_rejects(world, address, domain):
    world.reject_mail(address, domain)


@when(parsers.re(r"メールボックス「(?P<address>.+)」の迷惑メール拒否設定で「(?P<domain>.+)」を拒否する"))
def reject_in_mailbox(mailbox_page, address, domain):
    mailbox_page.reject_domain(address, domain)


@when(parsers.re(r"メールボックス「(?P<address>.+)」で「(?P<subject>.+)」を開く"))
def open_mail(mailbox_page, address, subject):
    mailbox_page.open(address)
    mailbox_page.read(subject)


@then(parsers.re(r"メールボックス「(?P<address>.+)」に「(?P<subject>.+)」が届いている"))
def mail_arrived(mailbox_page, address, subject):
    mailbox_page.open(address)
    expect(mailbox_page.message(subject)).to_be_visible()


@then(parsers.re(r"メールボックス「(?P<address>.+)」にメールは届いていない"))
def no_mail(mailbox_page, address):
    mailbox_page.open(address)
    expect(mailbox_page.empty).to_be_visible()


@then(parsers.re(r"件名は「(?P<subject>.+)」である"))
def subject_is(mailbox_page, subject):
    expect(mailbox_page.mail_subject).to_have_text(subject)


@then(parsers.re(r"差出人は「(?P<domain>[^」]+)」のアドレスで、「(?P<other>[^」]+)」ではない"))
def sender_domain(mailbox_page, domain, other):
    expect(mailbox_page.mail_sender).to_have_text(re.compile(rf"@{re.escape(domain)}>?$"))
    expect(mailbox_page.mail_sender).not_to_contain_text(other)


@then(parsers.re(r"本文にお客さまの名前と「(?P<text>.+)」が書かれている"))
def body_mentions(mailbox_page, persona, text):
    expect(mailbox_page.mail_body).to_contain_text(f"{persona['name']} 様")
    assert text in mailbox_page.body_text()


@then(parsers.re(r"本文に「(?P<text>.+)」とそのまま書かれている"))
def body_exact(mailbox_page, text):
    expect(mailbox_page.mail_body).to_contain_text(text)


@then("受信を拒否されたことが記録されている")
def refusal_journaled(world):
    assert world.journal(kind="mail_refused")
    assert [e["detail"]["delivered"] for e in world.journal(kind="mail")] == [False]


@then("本文にトークン発行の画面と同じサービスIDとユーザIDとアプリのダウンロード先が書かれている")
def token_mail_matches_screen(mailbox_page, token):
    """R-TOKEN-MAIL: the issuer's mail carries what S-TOKEN showed (P13: 同時に届くメールにも記載)."""
    expect(mailbox_page.mail_body).to_contain_text(re.compile(rf"サービスID\D*{re.escape(token['service_id'])}\b"))
    expect(mailbox_page.mail_body).to_contain_text(re.compile(rf"ユーザID\D*{re.escape(token['user_id'])}\b"))
    expect(mailbox_page.mail_body).to_contain_text(token["download"])
