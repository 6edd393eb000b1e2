"""Steps on S-MAILPW メール通知パスワード入力 (§1, J-PC): a PC login's second step, with the password mailed (R-MAILPW)."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.home import HomePage
from pages.login import LoginPage
from pages.mail_password import MailPasswordPage
from pages.mailbox import MailTabPage
from pages.phones import Phone, Phones
from pages.screen import Screen

MAIL_PASSWORD = re.compile(r"メール通知パスワード：([0-9]+)")


def customers_pc(phones: Phones) -> Phone:
    """The customer's PC: the scenario's own device on the PC run, else a PC beside this run's smartphone."""
    return phones.get("PC", "PC")


def mailed_passwords(world, persona: dict) -> list[str]:
    """Every メール通知パスワード mailed to the customer so far, oldest first."""
    found = [MAIL_PASSWORD.search(mail["body"]) for mail in world.mails(persona["mail"])]
    return [match.group(1) for match in found if match]


def a_wrong_mail_password(world, persona: dict) -> str:
    """Eight digits that none of the mailed passwords is."""
    return next(c for c in ("11111111", "22222222", "33333333") if c not in mailed_passwords(world, persona))


@given("ワンタイムパスワードを使っていない、メールアドレス登録済みのお客さまがいる", target_fixture="persona")
def customer_without_token(world, phones):
    # 既にご利用中: mail registered, so メール通知パスワード runs (P11); the bank knows their phone and PC (R-RBA)
    known = [phones.default.identity, customers_pc(phones).identity]
    persona = world.persona("active", known_devices=list(dict.fromkeys(known)))
    assert persona["mail"] and "otp" not in persona
    return persona


@when("パソコンのログイン画面でログインIDとログインパスワードを入力してログインする")
def log_in_on_pc(phones, persona):
    customers_pc(phones).opened(LoginPage).log_in(persona["login_id"], persona["login_password"])


@when(parsers.re(r"登録したメールアドレスに届いた「(?P<subject>.+)」を開く"), target_fixture="mailed_password")
def read_mail_password(phones, persona, subject):
    """The customer reads the mail on this run's device, in a tab of its own, and notes the password it gives."""
    mailbox = phones.default.screen(MailTabPage)
    mailbox.read_mail(persona["mail"], subject)
    return MAIL_PASSWORD.search(mailbox.body_text()).group(1)


@then(parsers.re(r"メールの差出人は「(?P<domain>[^」]+)」のアドレスである"))
def mail_sender(phones, domain):
    phones.default.screen(MailTabPage).expect_sender(domain)


@when("パソコンでメールに書かれたメール通知パスワードを入力してログインする")
def enter_mailed_password(phones, mailed_password):
    customers_pc(phones).screen(MailPasswordPage).enter(mailed_password)


@when("パソコンで誤ったメール通知パスワードを入力してログインする")
def enter_wrong_password(phones, world, persona):
    customers_pc(phones).screen(MailPasswordPage).enter(a_wrong_mail_password(world, persona))


@then(parsers.re(r"パソコンに「(?P<title>[^」]+)」画面が表示される"))
def pc_screen_shows(phones, title):
    expect(customers_pc(phones).screen(Screen).titled(title)).to_be_visible()


@then("メール通知パスワードの送り先は伏せ字で案内される")
def sent_to_masked(phones, persona):
    customers_pc(phones).screen(MailPasswordPage).expect_sent_to_masked(persona["mail"])


@then(parsers.re(r"パソコンに「(?P<message>.+)」とだけ表示される"))
def pc_alert_only(phones, message):
    expect(customers_pc(phones).screen(Screen).alert).to_have_text(message)


@then("パソコンにつないでネ！ットのトップページが表示される")
def pc_home(phones, persona):
    customers_pc(phones).screen(HomePage).expect_customer(persona["name"])


@then(parsers.re(r"メール通知パスワードはアプリを設定する前の(?P<count>\d+)通しか届いていない"))
def mail_passwords_sent(world, persona, count):
    """R-MAILPW: once the app is set up, a PC login mails no more メール通知パスワード."""
    assert len(mailed_passwords(world, persona)) == int(count)
