"""The floor: the suite's scenarios as a bare Playwright script would click them, with no page objects or steps.

Each walk does the fills, clicks and expectations of its scenario's steps, found by the words on the screen
(get_by_label, get_by_role) as the page objects find them, and nothing else: no screenshots, no evidence, no
phones. benchmarks/floor.py times them against the harness.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

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


def j_new(page: Page, persona: dict) -> None:
    """J-NEW end to end: not written bare yet."""
    raise NotImplementedError("J-NEW end to end has no bare walk yet")
