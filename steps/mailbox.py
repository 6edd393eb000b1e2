"""Steps on M-MAIL, the customer's mailbox (§1, P11): the bank's notices, read on the phone, and 迷惑メール拒否設定."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.mailbox import MailboxPage


@given(parsers.re(r"メールボックス「(?P<address>.+)」は「(?P<domain>.+)」からのメールを拒否している"))
def mailbox_rejects(world, address, domain):
    world.reject_mail(address, domain)


@when(parsers.re(r"メールボックス「(?P<address>.+)」の迷惑メール拒否設定で「(?P<domain>.+)」を拒否する"))
def reject_in_mailbox(phone, address, domain):
    phone.screen(MailboxPage).reject_domain(address, domain)


@when(parsers.re(r"メールボックス「(?P<address>.+)」で「(?P<subject>.+)」を開く"))
def open_mail(phone, address, subject):
    phone.screen(MailboxPage).read_mail(address, subject)


@then(parsers.re(r"メールボックス「(?P<address>.+)」に「(?P<subject>.+)」が届いている"))
def mail_arrived(phone, address, subject):
    phone.screen(MailboxPage).expect_received(address, subject)


@then(parsers.re(r"メールボックス「(?P<address>.+)」にメールは届いていない"))
def no_mail(phone, address):
    phone.screen(MailboxPage).expect_nothing(address)


@then(parsers.re(r"件名は「(?P<subject>.+)」である"))
def subject_is(phone, subject):
    expect(phone.screen(MailboxPage).mail_subject).to_have_text(subject)


@then(parsers.re(r"差出人は「(?P<domain>[^」]+)」のアドレスで、「(?P<other>[^」]+)」ではない"))
def sender_domain(phone, domain, other):
    phone.screen(MailboxPage).expect_sender(domain, not_from=other)


@then(parsers.re(r"本文にお客さまの名前と「(?P<text>.+)」が書かれている"))
def body_mentions(phone, persona, text):
    phone.screen(MailboxPage).expect_body_says(f"{persona['name']} 様", text)


@then(parsers.re(r"本文に「(?P<text>.+)」とそのまま書かれている"))
def body_exact(phone, text):
    phone.screen(MailboxPage).expect_body(text)


@then("受信を拒否されたことが記録されている")
def refusal_journaled(world):
    assert world.journal(kind="mail_refused")
    assert [e["detail"]["delivered"] for e in world.journal(kind="mail")] == [False]


@then("本文にトークン発行の画面と同じサービスIDとユーザIDとアプリのダウンロード先が書かれている")
def token_mail_matches_screen(phone, token):
    """R-TOKEN-MAIL: the issuer's mail carries what S-TOKEN showed (P13: 同時に届くメールにも記載)."""
    phone.screen(MailboxPage).expect_token(token)
