"""Steps on S-REISSUE トークン再発行 (P20) and 機種変更 (J-CHG): two phones of one customer, each named in the step.

The old phone holds the app set up before; the new one goes through トークン再発行, the same 電話番号認証 and
トークン発行 as P13, the reissue's mail and the app's 初期設定. Afterwards the old phone's app says its token is
no longer valid and its codes no longer log in (R-REISSUE-OLD).
"""

from __future__ import annotations

import re

from pytest_bdd import parsers, then, when

from pages.app_otp import AppOtpPage
from pages.app_setup import AppSetupPage
from pages.app_setup_done import AppSetupDonePage
from pages.app_token_name import AppTokenNamePage
from pages.login import LoginPage
from pages.mailbox import MailboxPage
from pages.phone_check import PhoneCheckPage
from pages.phones import named
from pages.token_issue import TokenIssuePage
from pages.token_reissue import TokenReissuePage
from steps.codes import expected_code
from steps.otp_application import PHONE as REGISTERED
from steps.otp_application import registered_phone

REISSUE_MAIL = "青森みちのく銀行トークン発行のご案内"  # P20: the reissue's mail, not P12's 「…トークン発行ご案内」
LABEL = r"「(?P<label>[^（」]+)」"  # a phone already named in the scenario


def fill(page: TokenReissuePage, persona: dict, mail: str, start_pw: str, which: str, **typed) -> None:
    """S-REISSUE filled in: each entry twice alike unless `typed` says otherwise, and a registered phone."""
    page.enter(
        mail,
        typed.get("mail_again", mail),
        start_pw,
        typed.get("start_pw_again", start_pw),
        registered_phone(persona, which)[-4:],
    )


def reissue_values(world, address: str, start: str) -> dict:
    """サービスID and ユーザID as the reissue's mail gives them, and the 利用開始パスワード the customer chose."""
    body = [m for m in world.mails(address) if m["subject"] == REISSUE_MAIL][-1]["body"]
    return {
        "service_id": re.search(r"サービスID：(\d+)", body).group(1),
        "user_id": re.search(r"ユーザID：(\d+)", body).group(1),
        "start_password": start,
    }


@when(
    parsers.re(
        rf"(?:{LABEL}で)?携帯電話メールアドレス「(?P<mail>[^」]+)」と利用開始パスワード「(?P<start_pw>[^」]+)」を2回ずつ入力し、"
        rf"{REGISTERED}を選んで電話番号認証を行う"
    )
)
def reissue_apply(phones, persona, mail, start_pw, which, label=None):
    page = named(phones, label or "このスマートフォン").screen(TokenReissuePage)
    fill(page, persona, mail, start_pw, which)
    page.apply()


@when(
    parsers.re(
        r"携帯電話メールアドレスに「(?P<mail>.*)」、確認用に「(?P<again>.*)」、利用開始パスワードに「(?P<start_pw>.*)」、"
        r"確認用に「(?P<start_again>.*)」を入力し、ご登録の携帯電話を選んで電話番号認証を行う"
    )
)
def reissue_apply_typed(phone, persona, mail, again, start_pw, start_again):
    page = phone.screen(TokenReissuePage)
    fill(page, persona, mail, start_pw, "ご登録の携帯電話", mail_again=again, start_pw_again=start_again)
    page.apply()


@when(
    parsers.re(
        r"携帯電話メールアドレス「(?P<mail>[^」]+)」と利用開始パスワード「(?P<start_pw>[^」]+)」を2回ずつ入力し、"
        r"申込を中止する"
    )
)
def reissue_cancel(phone, persona, mail, start_pw):
    phone.screen(TokenReissuePage).cancel(mail, start_pw, registered_phone(persona, "ご登録の携帯電話")[-4:])


@when(parsers.re(rf"{LABEL}の電話番号認証画面を見ながら、{REGISTERED}から認証先電話番号へ番号を通知して電話をかける"))
def call_for_reissue(world, phones, persona, label, which):
    """The phone network places the call from the registered number (the new phone keeps the customer's number)."""
    named(phones, label).screen(PhoneCheckPage).expect_shown()
    world.call(registered_phone(persona, which))


@then(parsers.re(rf"{LABEL}のブラウザの画面はひとりでにトークン発行に進む"))
def reissue_token_shown(phones, label):
    named(phones, label).screen(TokenIssuePage).expect_issued()


@then(parsers.re(rf"{LABEL}に「トークン再発行」画面が表示される"))
def reissue_shown(phones, label):
    named(phones, label).screen(TokenReissuePage).expect_manual_words()


@then("「トークン再発行」画面にマニュアルの説明と入力欄がある")
def reissue_words(phone):
    phone.screen(TokenReissuePage).expect_manual_words()


@then(parsers.re(rf"{LABEL}のメールボックス「(?P<address>[^」]+)」に「(?P<subject>[^」]+)」が届いている"))
def mail_on(phones, label, address, subject):
    named(phones, label).screen(MailboxPage).expect_received(address, subject)


@when(
    parsers.re(
        rf"{LABEL}でワンタイムPWアプリを起動し、メール「(?P<address>[^」]+)」のサービスIDとユーザID、"
        r"利用開始パスワード「(?P<start>\d+)」で初期設定する"
    )
)
def set_up_new_phone(world, phones, label, address, start):
    setup = named(phones, label).screen(AppSetupPage)
    setup.launch()
    setup.expect_shown()
    setup.set_up(**reissue_values(world, address, start))


@when(parsers.re(rf"{LABEL}で「次へ」をタップし、トークン表示名に追加文言「(?P<extra>[^」]*)」を入力して登録する"))
def name_new_token(phones, label, extra):
    phone = named(phones, label)
    done = phone.screen(AppSetupDonePage)
    done.expect_shown()
    done.next.click()
    phone.screen(AppTokenNamePage).name_token(extra=extra)


@then(parsers.re(rf"{LABEL}のアプリにトークン「(?P<token>[^」]+)」のワンタイムパスワードが表示される"))
def code_on(phones, label, token):
    named(phones, label).screen(AppOtpPage).expect_token(token)


@when(parsers.re(rf"{LABEL}のログイン画面でログインIDとログインパスワードを入力してログインする"))
def log_in_after_app(phones, persona, label):
    login = named(phones, label).screen(LoginPage)
    login.expect_shown()
    login.log_in(persona["login_id"], persona["login_password"])


@then(parsers.re(rf"{LABEL}のアプリには「(?P<message>[^」]+)」と案内され、ワンタイムパスワードは表示されない"))
def old_app_revoked(phones, label, message):
    named(phones, label).screen(AppOtpPage).expect_revoked(message)


@when(parsers.re(rf"{LABEL}のアプリが表示していたワンタイムパスワードと、ログインIDとログインパスワードでログインする"))
def old_code_login(world, phones, persona, label):
    """The code the old phone's app would show now (its seed on that phone, at its time), typed on that phone."""
    phone = named(phones, label)
    code = expected_code(phone, world, persona["otp"]["seed"])
    phone.opened(LoginPage).log_in(persona["login_id"], persona["login_password"], code)


@then(parsers.re(rf"{LABEL}はログインできず、どの入力が誤っているかは示されない"))
def old_code_refused(phones, label):
    named(phones, label).screen(LoginPage).expect_refused()


@then("トークン再発行の申込みは記録されておらず、これまでのトークンのままである")
def nothing_reissued(world, persona):
    otp = world.customer(persona["customer_id"])["otp"]
    assert (otp["state"], otp["token_state"]) == ("issued", "activated"), otp


@when(parsers.re(rf"{LABEL}のアプリを開き、「ログイン」をタップする"))
def app_login_on(phones, label):
    """The app on that phone opens the bank's ログイン with the code it shows (R-LOGIN-FILL)."""
    phone = named(phones, label)
    app = phone.screen(AppOtpPage)
    app.launch()
    app.tap_login(phone.screen(LoginPage))
