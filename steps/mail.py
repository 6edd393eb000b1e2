"""Steps for the customer's mailbox (M-MAIL) and the bank's notices (R-MAILPW, R-TOKEN-MAIL)."""
from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from steps.common import logged_in
from steps.initial_setup import enter_info


@given(parsers.re(r"メールボックス「(?P<address>.+)」は「(?P<domain>.+)」からのメールを拒否している"))
def mailbox_rejects(world, address, domain):
    world.reject_mail(address, domain)


@when(parsers.re(r"メールボックス「(?P<address>.+)」の迷惑メール拒否設定で「(?P<domain>.+)」を拒否する"))
def reject_in_mailbox(mailbox_page, address, domain):
    mailbox_page.reject_domain(address, domain)


@when(parsers.re(r"メールアドレス「(?P<mail>.+)」でお客さま情報登録を済ませる"))
def register_mail(world, context, base_url, persona, registration_page, registration_confirm_page, mail):
    logged_in(world, context, base_url, persona)
    registration_page.open()
    enter_info(registration_page, persona, mail=mail)
    registration_confirm_page.confirm(persona["confirm_password"])
    expect(registration_page.page.get_by_role("heading", level=1, name="ワンタイムパスワード利用申請")).to_be_visible()


@when(parsers.re(r"メールボックス「(?P<address>.+)」で「(?P<subject>.+)」を開く"))
def open_mail(mailbox_page, address, subject):
    mailbox_page.open(address)
    mailbox_page.read(subject)


@then(parsers.re(r"差出人は「(?P<sender>.+)」である"))
def sender_is(mailbox_page, sender):
    expect(mailbox_page.mail_sender).to_have_text(sender)


@then(parsers.re(r"本文にお客さまの名前と「(?P<text>.+)」が書かれている"))
def body_mentions(mailbox_page, persona, text):
    expect(mailbox_page.mail_body).to_contain_text(f"{persona['name']} 様")
    expect(mailbox_page.mail_body).to_contain_text(text)


@then(parsers.re(r"メールアドレス「(?P<address>.+)」に届いたメールの件名は「(?P<subject>.+)」である"), target_fixture="mail")
def latest_mail_subject(world, address, subject):
    mails = world.mails(address)
    assert mails and mails[0]["subject"] == subject
    return mails[0]


@then(parsers.re(r"届いたメールの本文に「(?P<text>.+)」とそのまま書かれている"))
def mail_body_exact(mail, text):
    assert text in mail["body"]


@then(parsers.re(r"メールアドレス「(?P<address>.+)」にメールは届いていない"))
def no_mail(world, address):
    assert world.mails(address) == []


@then("受信を拒否されたことが記録されている")
def refusal_journaled(world):
    assert world.journal(kind="mail_refused")
    assert [e["detail"]["delivered"] for e in world.journal(kind="mail")] == [False]
