"""Steps every feature uses: personas, taps, what any screen shows, whether the bank stopped the customer."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.customer_info import CustomerInfoPage
from pages.customer_registration import CustomerRegistrationPage
from pages.first_login import FirstLoginPage
from pages.login import LoginPage
from pages.otp_application import OtpApplicationPage
from pages.password_change import PasswordChangePage
from pages.phone_check import PhoneCheckPage
from pages.screen import Screen
from pages.secret_qa import SecretQaPage
from pages.token_issue import TokenIssuePage

# The screens a step names, in the steps' words: the manual's name for each, where two screens share one heading
# (初回ログイン and ログイン, ワンタイムパスワード利用申請 and its トークン発行).
NAMED: dict[str, type[Screen]] = {
    "お客様情報入力": CustomerInfoPage,
    "初回ログイン": FirstLoginPage,
    "ログイン": LoginPage,
    "追加認証登録": SecretQaPage,
    "パスワード変更": PasswordChangePage,
    "お客さま情報登録": CustomerRegistrationPage,
    "ワンタイムパスワード利用申請": OtpApplicationPage,
    "電話番号認証": PhoneCheckPage,
    "トークン発行": TokenIssuePage,
}
NAME = "(?P<name>" + "|".join(re.escape(name) for name in NAMED) + ")"


def logged_in(world, context, base_url: str, persona: dict, role: str = "customer") -> None:
    """Put the phone's browser in the persona's session (state over navigation): logged in, or at `role`."""
    cookie = world.session_cookie(persona["customer_id"], role)
    context.add_cookies([{**cookie, "url": base_url}])


def held(world, persona: dict, *keys: str):
    """What the bank holds of the persona now: the value of one key, or a tuple of several."""
    customer = world.customer(persona["customer_id"])
    return customer[keys[0]] if len(keys) == 1 else tuple(customer[key] for key in keys)


def password_for(phrase: str, persona: dict) -> str:
    """What the customer types for a phrase such as 仮ログインパスワード or 誤ったログインパスワード."""
    login_pw, confirm_pw = persona["login_password"], persona["confirm_password"]
    known = {
        "仮ログインパスワード": login_pw,
        "最新のログインパスワード": login_pw,
        "ログインパスワード": login_pw,
        "仮確認用パスワード": confirm_pw,
        "最新の確認用パスワード": confirm_pw,
        "確認用パスワード": confirm_pw,
        "誤った確認用パスワード": wrong(confirm_pw),
        "空欄の確認用パスワード": "",
        "誤ったログインパスワード": wrong(login_pw),
        "大文字と小文字を入れ替えた仮ログインパスワード": login_pw.swapcase(),
    }
    if phrase in known:
        return known[phrase]
    for label in ("ログインパスワード", "確認用パスワード"):
        if phrase.startswith(f"{label}「") and phrase.endswith("」"):
            return phrase[len(label) + 1 : -1]
    raise ValueError(f"no password is known as {phrase!r}")


def wrong(password: str) -> str:
    """A well-formed password that is not `password`."""
    first = "b" if password[0] == "a" else "a"
    return first + password[1:]


# Personas (seeded through the control API: state over navigation)

# The step a new contract is at once it has done each of these.
NEXT_STEP = {"初回ログイン": "qa", "追加認証登録": "pw", "パスワード変更": "info"}


@given("仮パスワード通知書を受け取った新規契約のお客さまがいる", target_fixture="persona")
def new_contract(world):
    return world.persona("new")


@given("ログインIDを初期化したお客さまがいる", target_fixture="persona")
def id_initialised(world):
    return world.persona("id_initialised")


@given("既につないでネ！ットをご利用中のお客さまがいる", target_fixture="persona")
def active_customer(world, phone):
    return world.persona("active", known_devices=[phone.identity])  # logs in from this phone as usual (R-RBA)


@given(parsers.re(r"口座番号「(?P<number>\d+)」の新規契約のお客さまがいる"), target_fixture="persona")
def new_contract_with_account(world, number):
    return world.persona("new", account_number=number)


@given(
    parsers.re(r"ログインID「(?P<login_id>.+)」を取得した(?P<kind>新規契約の|ログインIDを初期化した)お客さまがいる"),
    target_fixture="persona",
)
def customer_with_login_id(world, login_id, kind):
    return world.persona("new" if kind == "新規契約の" else "id_initialised", login_id=login_id)


@given(parsers.re(r"ログインID「(?P<login_id>.+)」は別のお客さまが使っている"))
def login_id_used_by_someone_else(world, login_id):
    world.persona("active", login_id=login_id)


@given(
    parsers.re(
        r"(?P<card>ワンタイムパスカードをお持ちで)?(?P<done>初回ログイン|追加認証登録|パスワード変更)"
        r"を済ませた新規契約のお客さまがいる"
    ),
    target_fixture="persona",
)
def new_contract_at_step(world, phone, done, card):
    """初回ログイン was done on this phone, so the bank knows it (R-RBA)."""
    return world.persona("new", step=NEXT_STEP[done], otp_card=bool(card), known_devices=[phone.identity])


# Moving about, and what any screen shows


class FrontScreen:
    """Whatever screen the scenario's phone shows now, in whichever page is in front (browser, dialler, app)."""

    def __init__(self, phone) -> None:
        self._phone = phone

    def __getattr__(self, name: str):
        return getattr(Screen(self._phone.front), name)


@pytest.fixture
def screen(phone) -> FrontScreen:
    """Whatever screen the scenario's phone shows now."""
    return FrontScreen(phone)


def opened(world, phone, base_url: str, persona: dict, kind: type[Screen], role: str = "customer") -> Screen:
    """The persona's session on `phone` (state over navigation), then the screen of `kind` opened and shown."""
    logged_in(world, phone.context, base_url, persona, role)
    screen = phone.opened(kind)
    screen.expect_shown()
    return screen


@given(parsers.re(rf"{NAME}画面を開いている"))
def screen_open(world, phone, base_url, persona, name):
    """The customer has the named screen open, logged in as the screen needs (state over navigation)."""
    opened(world, phone, base_url, persona, NAMED[name])


@when(parsers.re(r"「(?P<name>[^」]+)」をタップする"))
def tap(screen, name):
    screen.control(name).click()


@then(parsers.re(r"「(?P<message>.*)」と表示される"))
def alert_shows(screen, message):
    expect(screen.alert).to_contain_text(message)


@then(parsers.re(r"「(?P<message>.*)」とだけ表示される"))
def alert_says_only(screen, message):
    """The whole of the bank's message: nothing in it says which entry was wrong."""
    expect(screen.alert).to_have_text(message)


@then(parsers.re(r"「(?P<title>.+)」画面が表示される"))
def screen_shows(screen, title):
    """A screen by its heading, as the customer reads it."""
    expect(screen.titled(title)).to_be_visible()


@then(parsers.re(rf"{NAME}の?画面が表示される"))
@then(parsers.re(rf"{NAME}画面のままである"))
def named_screen_shown(phone, name):
    """A screen by its name, where its heading alone may not tell it (初回ログイン and ログイン share one)."""
    phone.screen(NAMED[name]).expect_shown()


@then(parsers.re(r"「(?P<text>.+)」と(?:案内|注意)される"))
def page_tells(screen, text):
    expect(screen.main).to_contain_text(text)


# Whether the bank stopped the customer (R-LOCKOUT)


@then("お客さまのつないでネ！ットは停止されている")
def customer_locked(world, persona):
    assert held(world, persona, "locked") is True


@then("お客さまのつないでネ！ットは停止されていない")
def customer_not_locked(world, persona):
    assert held(world, persona, "locked") is False
