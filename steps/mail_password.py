"""Steps of a PC login (§1, J-PC): ID and password on the PC, the メール通知パスワード mailed (R-MAILPW), S-MAILPW."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.home import HomePage
from pages.login import LoginPage
from pages.mail_password import MailPasswordPage
from pages.mailbox import MailboxPage
from pages.phones import Phone, Phones
from pages.screen import Screen

MAIL_PASSWORD = re.compile(r"メール通知パスワード：([0-9]+)")


def customers_pc(phones: Phones) -> Phone:
    """The customer's PC: the scenario's own device on the PC run, else a PC beside this run's smartphone."""
    return phones.get("PC", "PC")


@given("ワンタイムパスワードを使っていない、メールアドレス登録済みのお客さまがいる", target_fixture="persona")
def customer_without_token(world):
    persona = world.persona("active")  # 既にご利用中: mail registered, so メール通知パスワード runs (P11)
    assert persona["mail"] and "otp" not in persona
    return persona


@when("パソコンのログイン画面でログインIDとログインパスワードを入力してログインする")
def log_in_on_pc(phones, persona):
    login = LoginPage(customers_pc(phones).browser)
    login.open()
    login.log_in(persona["login_id"], persona["login_password"])


@when(parsers.re(r"登録したメールアドレスに届いた「(?P<subject>.+)」を開く"), target_fixture="mailed_password")
def read_mail_password(phones, persona, subject):
    """The customer reads the mail on this run's device, in a tab of its own, and notes the password it gives."""
    mailbox = MailboxPage(phones.default.open("mail"))
    mailbox.open(persona["mail"])
    mailbox.read(subject)
    found = MAIL_PASSWORD.search(mailbox.body_text())
    assert found, "the mail gives a メール通知パスワード"
    return found.group(1)


@then(parsers.re(r"メールの差出人は「(?P<domain>[^」]+)」のアドレスである"))
def mail_sender(phones, domain):
    expect(MailboxPage(phones.default.open("mail")).mail_sender).to_have_text(re.compile(rf"@{re.escape(domain)}>?$"))


@when("パソコンでメールに書かれたメール通知パスワードを入力してログインする")
def enter_mailed_password(phones, mailed_password):
    MailPasswordPage(customers_pc(phones).browser).enter(mailed_password)


@when("パソコンで誤ったメール通知パスワードを入力してログインする")
def enter_wrong_password(phones, world, persona):
    sent = [MAIL_PASSWORD.search(m["body"]) for m in world.mails(persona["mail"])]
    right = {found.group(1) for found in sent if found}
    wrong = next(c for c in ("11111111", "22222222", "33333333") if c not in right)
    MailPasswordPage(customers_pc(phones).browser).enter(wrong)


@then(parsers.re(r"パソコンに「(?P<title>[^」]+)」画面が表示される"))
def pc_screen_shows(phones, title):
    expect(Screen(customers_pc(phones).browser).titled(title)).to_be_visible()


@then("メール通知パスワードの送り先は伏せ字で案内される")
def sent_to_masked(phones, persona):
    page = MailPasswordPage(customers_pc(phones).browser)
    local, domain = persona["mail"].split("@")
    expect(page.sent_to).to_have_text(re.compile(rf"^{re.escape(local[:1])}[^@]?\*\*\*@{re.escape(domain)}$"))
    expect(page.main).not_to_contain_text(persona["mail"])


@then(parsers.re(r"パソコンに「(?P<message>.+)」とだけ表示される"))
def pc_alert_only(phones, message):
    expect(Screen(customers_pc(phones).browser).alert).to_have_text(message)


@then("パソコンにつないでネ！ットのトップページが表示される")
def pc_home(phones, persona):
    home = HomePage(customers_pc(phones).browser)
    expect(home.heading).to_be_visible()
    expect(home.customer_name).to_have_text(persona["name"])
