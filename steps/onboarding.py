"""Steps for taking a login ID: the bank's top page, SID001 お客様情報入力, S-ID, S-ID-DONE (§2(1), P5, P6)."""
from __future__ import annotations

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from pages.guide import GuidePage
from steps.common import password_for, wrong

PW_LABELS = {"(仮) ログインパスワード": "login_password", "(仮) 確認用パスワード": "confirm_password"}


def typed(persona: dict, **changes) -> dict:
    """What the customer types on SID001: the persona's own data, with `changes` made."""
    values = {
        "branch": persona["branch"]["code"],
        "account": persona["account_number"],
        "login_pw": persona["login_password"],
        "confirm_pw": persona["confirm_password"],
    }
    return {**values, **changes}


# The bank's top page and the guide (S-TOP)


@when("青森みちのく銀行のトップページを開く")
def open_bank_top(bank_top_page):
    bank_top_page.open()


@given("つないでネ！ットご利用案内を開いている")
def guide_open(guide_page):
    guide_page.open()


@when("青森みちのく銀行のトップページからお客様情報入力へ進む")
def from_top_to_customer_info(bank_top_page, guide_page):
    bank_top_page.open()
    bank_top_page.go_to_guide()
    guide_page.choose("新規ご契約またはIDを初期化したお客さま")


@then("次の入口が表示される")
def entries_shown(guide_page, datatable):
    for (name,) in datatable[1:]:
        expect(guide_page.entry(name)).to_be_visible()


@then("つないでネ！ットご利用案内が表示される")
def guide_shown(guide_page):
    for name in GuidePage.ENTRIES:
        expect(guide_page.entry(name)).to_be_visible()


@then("「書面でのお申込み」と「オンラインでのお申込み」が案内される")
def how_to_apply_shown(page: Page):
    for heading in ("書面でのお申込み", "オンラインでのお申込み"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()


# SID001 お客様情報入力


@when("お客様情報入力画面を開く")
def open_customer_info(customer_info_page):
    customer_info_page.open()


@when(parsers.re(r"お申込代表口座と(?:仮パスワード通知書|最新)のパスワードを入力して次へ進む"))
def submit_own_details(customer_info_page, persona):
    customer_info_page.submit(**typed(persona))


@when(
    parsers.re(
        r"お客様情報入力画面で(?P<label>店番|口座番号|\(仮\) ログインパスワード|\(仮\) 確認用パスワード)"
        r"に「(?P<value>.*)」と入力し、ほかは正しく入力して次へ進む"
    )
)
def submit_with_one_value(customer_info_page, persona, label, value):
    field = {"店番": "branch", "口座番号": "account", "(仮) ログインパスワード": "login_pw", "(仮) 確認用パスワード": "confirm_pw"}
    customer_info_page.open()
    customer_info_page.submit(**typed(persona, **{field[label]: value}))


MISTAKES = {
    "別の店番": lambda p: {"branch": "999" if p["branch"]["code"] != "999" else "998"},
    "別の口座番号": lambda p: {"account": wrong_digits(p["account_number"])},
    "誤った(仮) ログインパスワード": lambda p: {"login_pw": wrong(p["login_password"])},
    "誤った(仮) 確認用パスワード": lambda p: {"confirm_pw": wrong(p["confirm_password"])},
    "大文字と小文字を入れ替えた(仮) ログインパスワード": lambda p: {"login_pw": p["login_password"].swapcase()},
    "2つを入れ替えたパスワード": lambda p: {"login_pw": p["confirm_password"], "confirm_pw": p["login_password"]},
}


def wrong_digits(number: str) -> str:
    """Another well-formed 7-digit account number."""
    return number[:-1] + ("1" if number[-1] != "1" else "2")


@when(parsers.re(r"お客様情報入力画面で(?P<mistake>.+)を入力し、ほかは正しく入力して次へ進む"))
def submit_with_mistake(customer_info_page, persona, mistake):
    customer_info_page.open()
    customer_info_page.submit(**typed(persona, **MISTAKES[mistake](persona)))


@when(parsers.re(r"お客様情報入力画面で誤った\(仮\) ログインパスワードを(?P<times>\d+)回続けて入力する"))
def submit_wrong_password_times(customer_info_page, persona, times):
    customer_info_page.open()
    for _ in range(int(times)):
        customer_info_page.submit(**typed(persona, login_pw=wrong(persona["login_password"])))
        expect(customer_info_page.page.get_by_role("alert")).to_be_visible()


@when("お客様情報入力画面で口座とパスワードを入力してから登録を中止する")
def fill_then_cancel(customer_info_page, persona):
    customer_info_page.open()
    customer_info_page.fill(**typed(persona))
    customer_info_page.cancel()


@then("お客様情報入力画面のままである")
def still_on_customer_info(customer_info_page):
    expect(customer_info_page.heading).to_be_visible()
    expect(customer_info_page.page.get_by_role("contentinfo")).to_have_text("画面ID : SID001")


@then(parsers.re(r"店番「(?P<code>\d+)」の「(?P<name>.+)」が一覧にある"))
def branch_listed(page: Page, code, name):
    expect(page.get_by_role("row").filter(has_text=code).filter(has_text=name)).to_be_visible()


@then("お客さまの手続きは何も進んでいない")
def nothing_changed(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["step"], held["login_id"], held["failed_attempts"]) == ("login_id", None, 0)
    assert not [e for e in world.journal(customer_id=persona["customer_id"]) if e["kind"] == "screen"]


# S-ID ログインID取得 and S-ID-DONE


@given("お客様情報入力を済ませている")
def past_customer_info(world, persona, context, base_url, login_id_page):
    cookie = world.session_cookie(persona["customer_id"], "applicant")
    context.add_cookies([{**cookie, "url": base_url}])
    login_id_page.open()


@when(parsers.re(r"ログインID「(?P<login_id>.*)」を2回入力してID登録実行する"))
def register_login_id(login_id_page, login_id):
    login_id_page.register(login_id, login_id)


@when(parsers.re(r"ログインID「(?P<login_id>.*)」と確認用に「(?P<again>.*)」を入力してID登録実行する"))
def register_login_id_differently(login_id_page, login_id, again):
    login_id_page.register(login_id, again)


@when(parsers.re(r"ログインIDに(?P<which>仮ログインパスワード|仮確認用パスワード)と同じ文字列を2回入力してID登録実行する"))
def register_password_as_login_id(login_id_page, persona, which):
    value = password_for(which, persona)
    login_id_page.register(value, value)


@then("ログインIDの取得が完了したと表示される")
def login_id_done_shown(login_id_done_page):
    expect(login_id_done_page.done).to_be_visible()


@then(parsers.re(r"ログインIDは「\*\*\*\*\*」と伏せて表示され「(?P<login_id>.+)」は画面に出ない"))
def login_id_masked(login_id_done_page, login_id):
    expect(login_id_done_page.masked_id).to_have_text("*****")
    expect(login_id_done_page.page.locator("body")).not_to_contain_text(login_id)


@then(parsers.re(r"ログインID「(?P<login_id>.+)」が登録されている"))
def login_id_registered(world, persona, login_id):
    assert world.customer(persona["customer_id"])["login_id"] == login_id


@then("ログインIDは登録されていない")
def login_id_not_registered(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["login_id"], held["step"]) == (None, "login_id")


@when(parsers.re(r"「確認しました。」にチェックをつけ(?P<how>ずに|て)初回ログインを押す"))
def go_to_first_login(login_id_done_page, how):
    login_id_done_page.go_to_first_login(acknowledged=how == "て")
