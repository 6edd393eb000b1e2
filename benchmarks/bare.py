"""The floor: the suite's scenarios as a bare Playwright script would click them, with no page objects or steps.

Each walk does the fills, clicks and expectations of its scenario's steps, found by the words on the screen
(get_by_label, get_by_role) as the page objects find them, and nothing else: no screenshots, no evidence, no
phones. benchmarks/floor.py times them against the harness.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from pages.phones import DEVICE_HEADER, LINE_HEADER

NEW_ENTRY = "新規ご契約またはIDを初期化したお客さま"


def screen(page: Page, screen_id: str, title: str) -> None:
    """The screen is shown: its ID on <body data-screen> and its heading (what a page object's expect_shown waits for)."""
    expect(page.locator("body")).to_have_attribute("data-screen", screen_id)
    expect(page.get_by_role("heading", level=1, name=title, exact=True)).to_be_visible()


def customer_info(page: Page, persona: dict, branch: str | None = None) -> None:
    """SID001: the representative account and the passwords on paper, then 次へ."""
    page.get_by_label("店番", exact=True).fill(persona["branch"]["code"] if branch is None else branch)
    page.get_by_label("科目").select_option("普通")
    page.get_by_label("口座番号", exact=True).fill(persona["account_number"])
    page.get_by_label("(仮) ログインパスワード", exact=True).fill(persona["login_password"])
    page.get_by_label("(仮) 確認用パスワード", exact=True).fill(persona["confirm_password"])
    page.get_by_role("button", name="次へ").click()


def refusal(page: Page, persona: dict) -> None:
    """店番は半角数字3桁で入力する, example 0a1: SID001 opened, 0a1 refused, still SID001 (1 screen)."""
    page.goto("/netbank/customer-info")
    customer_info(page, persona, branch="0a1")
    expect(page.get_by_role("alert")).to_contain_text("店番は半角数字3桁で入力してください。")
    screen(page, "SID001", "お客様情報入力")
    expect(page.get_by_role("contentinfo")).to_have_text("画面ID : SID001")


def onboarding(page: Page, persona: dict, login_id: str = "aomori2025") -> None:
    """J-NEW's first scenario: S-TOP, SID001, S-ID, S-ID-DONE, S-LOGIN1, then S-QA shown (6 screens)."""
    page.goto("/")
    page.get_by_role("link", name="つないでネ！ットご利用案内").click()
    page.get_by_role("link", name=NEW_ENTRY, exact=True).click()
    customer_info(page, persona)
    page.get_by_label("ログインID", exact=True).fill(login_id)
    page.get_by_label("ログインID (確認用)", exact=True).fill(login_id)
    page.get_by_role("button", name="ID登録実行").click()
    page.get_by_label("確認しました。").check()
    page.get_by_role("button", name="初回ログイン").click()
    page.get_by_label("ログインID", exact=True).fill(login_id)
    page.get_by_label("ログインパスワード", exact=True).fill(persona["login_password"])
    page.get_by_role("button", name="ログイン", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="ログイン（追加認証登録）", exact=True)).to_be_visible()


QA = [
    ("卒業した小学校は？（例：〇〇小学校）", "青森小学校"),
    ("卒業した中学校は？（例：〇〇中学校）", "青森中学校"),
    ("出身地は？（例：〇〇県〇〇市）", "青森市"),
]
MAIL, START_PW, NEW_LOGIN_PW, NEW_CONFIRM_PW = "taro@example.jp", "246810", "Hakkoda2025", "Oirase2025"
TOKEN_MAIL = "青森みちのく銀行トークン発行ご案内"


def j_new(page: Page, persona: dict) -> None:
    """J-NEW end to end: the six screens above, then S-PW, S-INFO, S-INFO-OK, S-OTPAPP, S-TEL, the dialler, S-TOKEN,
    the mailbox, A-DL, A-SETUP, A-DONE, A-NAME, A-OTP, S-LOGIN and S-HOME (22 screens)."""
    onboarding(page, persona)
    for n, (question, answer) in enumerate(QA, start=1):
        page.get_by_label(f"質問 {n}", exact=True).select_option(label=question)
        page.get_by_label(f"回答 {n}", exact=True).fill(answer)
    page.get_by_label("確認しました。").check()
    page.get_by_role("button", name="登録を確定する").click()
    for label, value in (
        ("新しいログインパスワード", NEW_LOGIN_PW),
        ("新しいログインパスワード（確認用）", NEW_LOGIN_PW),
        ("新しい確認用パスワード", NEW_CONFIRM_PW),
        ("新しい確認用パスワード（確認用）", NEW_CONFIRM_PW),
    ):
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="変更を確定する").click()
    registration(page, persona)
    page.get_by_label("確認しました。").check()
    page.get_by_label("確認用パスワード", exact=True).fill(NEW_CONFIRM_PW)
    page.get_by_role("button", name="登録を確定する").click()
    application(page, persona)
    call_the_bank(page, persona)
    screen(page, "S-TOKEN", "ワンタイムパスワード利用申請")
    expect(page.get_by_text("下記内容でトークン発行を受けました。")).to_be_visible()
    for subject in ("【青森みちのく銀行】メールアドレス登録のお知らせ", TOKEN_MAIL):
        page.goto(f"/mailbox/{MAIL}/")
        expect(
            page.get_by_role("listitem").filter(has=page.get_by_role("link", name=subject, exact=True))
        ).to_be_visible()
    app = set_up_the_app(page)
    app.get_by_role("link", name="次へ", exact=True).or_(app.get_by_role("button", name="次へ", exact=True)).click()
    app.get_by_label("追加文言", exact=True).fill("")
    app.get_by_role("button", name="登録", exact=True).click()
    code = app.locator("output#code")
    expect(code).to_have_text(re.compile(r"^\d{6}$"))
    page.goto(app.evaluate("() => document.getElementById('login').href"))
    page.get_by_label("ログインID", exact=True).fill("aomori2025")
    page.get_by_label("ログインパスワード", exact=True).fill(NEW_LOGIN_PW)
    page.get_by_role("button", name="ログイン", exact=True).click()
    screen(page, "S-HOME", "つないでネ！ット")
    expect(page.locator(".customer-name")).to_have_text(persona["name"])
    accounts = page.get_by_role("table").get_by_role("row")
    expect(accounts.filter(has_text=persona["account_kind"]).filter(has_text=persona["account_number"])).to_be_visible()


def registration(page: Page, persona: dict) -> None:
    """S-INFO: the mail twice, 017-738-0000 in three parts, 100 and 70 万円 for the persona's accounts, 確認画面へ."""
    page.get_by_label("メールアドレス", exact=True).fill(MAIL)
    page.get_by_label("メールアドレス (確認用)", exact=True).fill(MAIL)
    for part, value in zip(("市外局番", "市内局番", "加入者番号"), ("017", "738", "0000"), strict=True):
        page.get_by_label(f"連絡先電話番号（{part}）", exact=True).fill(value)
    for account, limit in zip(persona["accounts"], ("100", "70"), strict=False):
        page.get_by_label(f"限度額（{account['kind']} {account['number']}）").fill(limit)
    page.get_by_role("button", name="確認画面へ").click()


def application(page: Page, persona: dict) -> None:
    """S-OTPAPP: mail and start password twice, the registered mobile, the confirm password, 電話番号認証を行う."""
    page.get_by_label("メールアドレス", exact=True).fill(MAIL)
    page.get_by_label("メールアドレス (確認用)", exact=True).fill(MAIL)
    page.get_by_label("利用開始パスワード", exact=True).fill(START_PW)
    page.get_by_label("利用開始パスワード (確認用)", exact=True).fill(START_PW)
    phones = page.get_by_role("radiogroup", name="電話番号", exact=True)
    phones.get_by_role("radio", name=re.compile(rf"{persona['phones'][0][-4:]}\s*$")).check()
    page.get_by_label("確認用パスワード", exact=True).fill(NEW_CONFIRM_PW)
    page.get_by_role("button", name="電話番号認証を行う").click()
    page.wait_for_load_state()


def call_the_bank(page: Page, persona: dict) -> None:
    """S-TEL: tap 認証先電話番号, the phone's dialler calls from the registered mobile, ダイヤルキャンセル back."""
    page.context.set_extra_http_headers({DEVICE_HEADER: persona["device"], LINE_HEADER: persona["phones"][0]})
    address = page.get_by_text(re.compile(r"^認証先電話番号")).get_by_role("link").evaluate("link => link.href")
    dialler = page.context.new_page()
    dialler.goto(address, referer=page.url)
    dialler.get_by_label("番号通知", exact=True).check()
    dialler.get_by_role("button", name="発信", exact=True).click()
    expect(dialler.get_by_role("status").get_by_text("通話終了", exact=True)).to_be_visible()
    cancel = dialler.get_by_role("link", name="ダイヤルキャンセル", exact=True)
    cancel.or_(dialler.get_by_role("button", name="ダイヤルキャンセル", exact=True)).wait_for()
    dialler.close()
    page.bring_to_front()


def set_up_the_app(page: Page) -> Page:
    """The token mail: its サービスID and ユーザID, its ダウンロード先, the store, the app's 初期設定; the app's page."""
    page.goto(f"/mailbox/{MAIL}/")
    page.get_by_role("link", name=TOKEN_MAIL, exact=True).click()
    body = page.locator("pre.mail-body").inner_text()
    service_id = re.search(r"サービスID：(\d+)", body).group(1)
    user_id = re.search(r"ユーザID：(\d+)", body).group(1)
    page.locator("pre.mail-body a[href$='/app/download']").click()
    get = page.get_by_role("link", name="入手", exact=True).or_(
        page.get_by_role("link", name="インストール", exact=True)
    )
    app = page.context.new_page()
    app.goto(get.get_attribute("href"))
    app.get_by_label("サービスID:", exact=True).fill(service_id)
    app.get_by_label("ユーザID:", exact=True).fill(user_id)
    app.get_by_label("利用開始パスワード:", exact=True).fill(START_PW)
    app.get_by_label("上記の内容に同意する。", exact=True).check()
    app.get_by_role("button", name="送信", exact=True).click()
    screen(app, "A-DONE", "初期設定完了")
    app.wait_for_load_state()  # A-DONE's script keeps the token in the phone's storage as the page loads
    return app
