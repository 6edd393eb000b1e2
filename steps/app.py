"""Steps on the ワンタイムPW app (P14–P17): the store page, 初期設定, 表示名, the code, 設定, and copying its data."""

from __future__ import annotations

import re
from datetime import timedelta

import pyotp
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from mockbank.issuer.binding import bound_totp
from pages.app import AppScreen, OtpPage, SettingsPage, SetupPage, StorePage, TokenNamePage
from pages.login import LoginPage
from pages.mailbox import MailboxPage
from pages.phones import THIS_PHONE, named

CHECK_SPAN = 10  # s: as long as a check of the app's code may wait for it, either side of now
PHONE = r"「(?P<label>[^（」]+)(?:（(?P<kind>iPhone|Android|PC)）)?」"
OTHER_BANKS = ("みなと銀行", "北東信用金庫", "十和田銀行", "八甲田信用組合", "奥入瀬銀行")
WRONG_SETUP = {
    "誤ったユーザID": {"user_id": "wrong"},
    "誤った利用開始パスワード": {"start_password": "wrong"},
    "誤ったサービスID": {"service_id": "wrong"},
}


def token_values(world, persona: dict, address: str | None = None) -> dict:
    """サービスID and ユーザID as the token mail gives them, and the 利用開始パスワード the customer chose."""
    otp = persona.get("otp") or {}
    address = address or otp.get("mail")
    mails = [m for m in world.mails(address) if m["subject"] == "青森みちのく銀行トークン発行ご案内"]
    body = mails[-1]["body"] if mails else ""
    service_id = re.search(r"サービスID：(\d+)", body)
    user_id = re.search(r"ユーザID：(\d+)", body)
    return {
        "service_id": service_id.group(1) if service_id else otp["service_id"],
        "user_id": user_id.group(1) if user_id else otp["user_id"],
        "start_password": otp.get("start_password", ""),
    }


def wrong_digits(value: str) -> str:
    """Well-formed digits that are not `value`."""
    return "".join(str((int(c) + 1) % 10) for c in value) if value else "1"


def expected_code(phone, world, seed: str) -> str:
    """The code the app on `phone` should show now: the seed joined with the phone's identity, at the phone's time."""
    return bound_totp(seed, phone.identity).at(phone.now(world.clock()))


def expected_codes(phone, world, seeds: list[str]) -> re.Pattern:
    """The codes the app on `phone` may show while a check waits on it: the minute can turn on a running clock."""
    now, totp = phone.now(world.clock()), [bound_totp(seed, phone.identity) for seed in seeds]
    codes = {t.at(now + timedelta(seconds=s)) for t in totp for s in range(-CHECK_SPAN, CHECK_SPAN + 1, 2)}
    return re.compile("^(?:" + "|".join(sorted(codes)) + ")$")


# Personas with the app (state over navigation)


@given("トークン発行を受けた新規契約のお客さまがいる", target_fixture="persona")
def token_issued(world):
    return world.persona("new", otp="issued")


@given(
    parsers.re(rf"ワンタイムPWアプリを{PHONE}に設定済みの、既にご利用中のお客さまがいる"),
    target_fixture="persona",
)
def app_set_up_on(world, phones, label, kind):
    phone = named(phones, label, kind)
    persona = world.persona("active", otp="active", device=phone.identity)
    otp = persona["otp"]
    SettingsPage(phone.app).keep(SettingsPage.ours(otp))
    return persona


@given(
    "別のスマートフォンでワンタイムパスワードを利用中の、既にご利用中のお客さまがいる",
    target_fixture="persona",
)
def app_on_another_phone(world):
    return world.persona("active", otp="active")  # set up on a phone the scenario does not hold


@given(
    parsers.re(rf"{PHONE}のワンタイムPWアプリには他行のトークンが(?P<count>\d+)件登録されている"),
    target_fixture="other_tokens",
)
def other_banks_tokens(phones, label, kind, count):
    phone = named(phones, label, kind)
    tokens = []
    for index in range(int(count)):
        token = {
            "service_id": str(20 + index),
            "user_id": f"{index:07d}",
            "seed": pyotp.random_base32(),
            "issuer": "other.example",
            "name": OTHER_BANKS[index % len(OTHER_BANKS)],
            "extra": f"{index + 1}",
            "login_url": None,
        }
        SettingsPage(phone.app).keep(token)
        tokens.append(token)
    return tokens


# The store and the app


@when("トークン発行ご案内メールのダウンロード先をタップする")
def tap_download_in_mail(phone):
    MailboxPage(phone.browser).mail_body.locator("a[href$='/app/download']").click()


@then(parsers.re(r"(?P<store>App Store|Google Play)のワンタイムPWのページが表示される"))
def store_shown(phone, store):
    page = StorePage(phone.front)
    expect(page.heading).to_be_visible()
    expect(page.store).to_have_text(store)


@then("このスマートフォンのストアのワンタイムPWのページが表示される")
def own_store_shown(phone):
    store_shown(phone, "App Store" if phone.device.name == "iPhone" else "Google Play")


@when("ストアでアプリを入手して起動する")
def get_the_app(phone):
    address = StorePage(phone.front).get.get_attribute("href")
    phone.app.goto(address)  # installed: the app starts on the phone, a page of its own


@when(parsers.re(rf"(?:{PHONE}で)?ワンタイムPWアプリを起動する"))
def launch_app(phones, label=None, kind=None):
    phone = named(phones, label or THIS_PHONE, kind)
    OtpPage(phone.app).launch()


@when(
    parsers.re(
        r"メール「(?P<address>[^」]+)」のサービスIDとユーザID、利用開始パスワード「(?P<start>\d+)」で初期設定する"
    )
)
def set_up_from_mail(phone, world, persona, address, start):
    values = token_values(world, persona, address)
    SetupPage(phone.app).set_up(values["service_id"], values["user_id"], start)


@when("トークン発行ご案内のサービスIDとユーザID、利用開始パスワードを入力し、同意して送信する")
def set_up_as_mailed(phone, world, persona):
    values = token_values(world, persona)
    SetupPage(phone.app).set_up(values["service_id"], values["user_id"], values["start_password"])


@when(parsers.re(r"初期設定で(?P<mistake>誤ったユーザID|誤った利用開始パスワード|誤ったサービスID)を入力して送信する"))
def set_up_wrong(phone, world, persona, mistake):
    values = token_values(world, persona)
    for name in WRONG_SETUP[mistake]:
        values[name] = wrong_digits(values[name])
    SetupPage(phone.app).set_up(values["service_id"], values["user_id"], values["start_password"])


@when("初期設定で正しい値を入力し、同意のチェックをつけずに送信する")
def set_up_without_consent(phone, world, persona):
    values = token_values(world, persona)
    SetupPage(phone.app).set_up(values["service_id"], values["user_id"], values["start_password"], agree=False)


@when(parsers.re(r"初期設定で誤った利用開始パスワードを(?P<times>\d+)回続けて送信する"))
def set_up_wrong_times(phone, world, persona, times):
    values = token_values(world, persona)
    setup = SetupPage(phone.app)
    for _ in range(int(times)):
        setup.set_up(values["service_id"], values["user_id"], wrong_digits(values["start_password"]))
        expect(setup.alert).to_be_visible()


@when(parsers.re(r"トークン表示名に追加文言「(?P<extra>[^」]*)」を入力して登録する"))
def name_token(phone, extra):
    page = TokenNamePage(phone.app)
    expect(page.heading).to_be_visible()
    page.name_token(extra=extra)


@when(parsers.re(r"トークン表示名を「(?P<name>[^」]*)」にして登録する"))
def rename_token(phone, name):
    TokenNamePage(phone.app).name_token(name=name)


@when(parsers.re(r"アプリの設定でトークン「(?P<label>[^」]+)」を選択する"))
def select_token(phone, label):
    settings = SettingsPage(phone.app)
    settings.open()
    settings.select(label)


@when("アプリの設定からトークン追加を選ぶ")
def add_token(phone):
    settings = SettingsPage(phone.app)
    settings.open()
    settings.add.click()


@when(parsers.re(rf"(?:{PHONE}で)?アプリの「ログイン」をタップする"), target_fixture="code_at_tap")
def app_login(phones, label=None, kind=None):
    """The app opens the bank's ログイン in the browser with the code it shows at the tap (the minute may turn after)."""
    phone = named(phones, label or THIS_PHONE, kind)
    otp = OtpPage(phone.app)
    expect(otp.code).to_have_text(re.compile(r"^\d{6}$"))
    return otp.tap_login(phone.browser)


# What the app shows


@then("アプリのデータ引き継ぎを防止する注意事項と同意のチェックが表示される")
def anti_copy_notice(phone):
    setup = SetupPage(phone.app)
    expect(setup.caution).to_contain_text(
        "本アプリはアプリデータの搾取・複製を防止するため、他端末へのアプリデータ引き継ぎを防止する機能を導入しております。"
    )
    expect(setup.caution).to_contain_text("機種変更時・アプリ削除時は事前にご利用のサービスで手続きを行ってください。")
    expect(setup.consent).not_to_be_checked()


@then("アプリの画面の上には「ヘルプ」があり、「設定」はない")
def help_only(phone):
    """初期設定 and 初期設定完了 (P15) show ヘルプ alone at the top, as the manual's screens do."""
    screen = AppScreen(phone.app)
    expect(screen.help_link).to_be_visible()
    expect(screen.settings_link).to_have_count(0)


@then("アプリの画面の上には「ヘルプ」と「設定」がある")
def help_and_settings(phone):
    """ワンタイムパスワード (P16) has the 設定 menu its note sends the customer to for トークン選択."""
    screen = AppScreen(phone.app)
    expect(screen.help_link).to_be_visible()
    expect(screen.settings_link).to_be_visible()


@then(parsers.re(r"アプリにトークン「(?P<label>[^」]+)」のワンタイムパスワードが表示される"))
def code_shown_for(phone, label):
    otp = OtpPage(phone.app)
    expect(otp.heading).to_be_visible()
    expect(otp.token_name).to_have_text(label)
    expect(otp.code).to_have_text(re.compile(r"^\d{6}$"))
    expect(otp.remaining).to_have_text(re.compile(r"^\d{1,2}$"))


@then("表示されたワンタイムパスワードは、このスマートフォンの時計の時刻のものである")
def code_is_this_phones(phone, world):
    seeds = phone.app.evaluate("() => window.mockbankApp.tokens().map(t => t.seed)")
    expect(OtpPage(phone.app).code).to_have_text(expected_codes(phone, world, seeds))


@then(parsers.re(r"表示されたワンタイムパスワードは他行のトークン「(?P<name>[^」]+)」のものである"))
def code_is_other_banks(phone, world, other_tokens, name):
    token = next(t for t in other_tokens if f"{t['name']} {t['extra']}" == name)
    expect(OtpPage(phone.app).code).to_have_text(expected_codes(phone, world, [token["seed"]]))


@then(parsers.re(r"アプリのトークンは(?P<count>\d+)件のままである"))
def tokens_held(phone, count):
    expect(SetupPage(phone.app).heading).to_be_visible()
    assert SetupPage(phone.app).tokens_held() == int(count)


@then(parsers.re(r"ワンタイムPWアプリの画面に「(?P<message>.+)」と表示される"))
def app_says(phone, message):
    expect(OtpPage(phone.app).alert).to_contain_text(message)


@then("トークンはまだ設定されていない")
def token_not_set_up(world, persona):
    assert world.customer(persona["customer_id"])["otp"]["token_state"] == "issued"


@then("ログイン画面のワンタイムパスワードには、アプリに表示されたワンタイムパスワードが入力されている")
def login_filled(phone, code_at_tap):
    expect(LoginPage(phone.browser).otp).to_have_value(code_at_tap)
    assert "#otp" not in phone.browser.url, "the code does not stay in the address bar"


@when("トークン発行ご案内のメールを開く")
def open_token_mail(phone, persona):
    mailbox = MailboxPage(phone.browser)
    mailbox.open(persona["otp"]["mail"])
    mailbox.read("青森みちのく銀行トークン発行ご案内")


@when(parsers.re(r"トークン発行の画面のサービスIDとユーザID、利用開始パスワード「(?P<start>\d+)」で初期設定する"))
def set_up_from_token_screen(phone, token, start):
    SetupPage(phone.app).set_up(token["service_id"], token["user_id"], start)
