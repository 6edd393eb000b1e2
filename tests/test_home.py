"""S-HOME つないでネ！ット トップページ (P7, P17): name, 口座一覧 with 残高 and limits, 前回ログイン日時, ログアウト."""

from __future__ import annotations

import re

import pytest

from mockbank.bank.home import yen
from tests.forms import text
from tests.setup_forms import log_in as session_of
from tests.test_login_otp import IPHONE

HOME = "/netbank/home"


def log_in(client, persona: dict, password: str | None = None):
    form = {"login_id": persona["login_id"], "login_pw": password or persona["login_password"]}
    return client.post("/netbank/login", data=form, headers=IPHONE)


def cells(page: str) -> list[list[str]]:
    """口座一覧's rows, each cell's text."""
    body = re.search(r'<table class="accounts">.*?<tbody>(.*?)</tbody>', page, re.S).group(1)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def previous_login(page: str) -> str:
    return re.search(r'<dt>前回ログイン日時</dt>\s*<dd class="previous-login">(.*?)</dd>', page, re.S).group(1)


@pytest.mark.parametrize(
    ("amount", "shown"), [(0, "0円"), (999, "999円"), (1000, "1,000円"), (1234567, "1,234,567円"), (None, "0円")]
)
def test_balances_read_as_the_bank_writes_yen(amount, shown):
    assert yen(amount) == shown


def test_the_top_page_shows_the_name_accounts_balances_and_limits(client, seed):
    persona = seed("active")
    assert log_in(client, persona).location == HOME
    page = text(client.get(HOME))
    assert 'data-screen="S-HOME"' in page
    assert f'<span class="customer-name">{persona["name"]}</span> 様' in page
    headers = re.findall(r'<th scope="col">(.*?)</th>', page)
    assert headers == ["店名", "科目", "口座番号", "残高", "振込・振替限度額"]
    expected = [
        [a["branch_name"], a["kind"], a["number"], f"{a['balance']:,}円", limit]
        for a, limit in zip(persona["accounts"], ("100万円", "50万円"), strict=True)
    ]
    assert cells(page) == expected
    assert '<button type="submit" class="secondary">ログアウト</button>' in page


def test_personas_have_balances_in_whole_yen(seed):
    persona = seed("active")
    balances = [a["balance"] for a in persona["accounts"]]
    assert all(isinstance(b, int) and b >= 0 for b in balances) and balances[0] >= 1000


def test_the_first_login_says_so_and_the_next_shows_when_it_was(app, client, control, seed):
    persona = seed("active")
    control.post("/_control/clock", json={"freeze": "2025-04-01T09:00:00+09:00"})
    log_in(client, persona)
    assert previous_login(text(client.get(HOME))) == "初めてのログインです"
    control.post("/_control/clock", json={"advance": 86400 + 3723})
    again = app.test_client()
    log_in(again, persona)
    assert previous_login(text(again.get(HOME))) == "2025年04月01日 09:00:00"
    control.post("/_control/clock", json={"advance": 60})
    log_in(app.test_client(), persona, password="Wrong12345")  # a refused login is no login
    third = app.test_client()
    log_in(third, persona)
    assert previous_login(text(third.get(HOME))) == "2025年04月02日 10:02:03"


def test_the_otp_offer_stays_for_a_customer_without_a_token(client, seed):
    log_in(client, seed("active"))
    page = text(client.get(HOME))
    assert (
        "ワンタイムパスワード利用申請" in page
        and "【注意！】スマートフォンではワンタイムパスワードアプリのご利用が必須となります。" in page
    )


def test_logging_out_leaves_the_top_page(client, seed):
    log_in(client, seed("active"))
    assert client.post("/netbank/logout").location == "/netbank/"
    assert client.get(HOME).location == "/netbank/login"


PC_LOGIN_NOTICE = (
    "【注意！】パソコンでのログイン方法が変わります。<br>"
    "パソコンでのログインにはワンタイムパスワードアプリに表示されたワンタイムパスワードの入力が必要になります。"
    "(メール通知パスワードは送信されなくなります。)"
)


def test_the_offer_to_use_the_app_tells_a_customer_without_a_token_what_the_manual_tells_before_starting(client, seed):
    """§1(2), for customers already using つないでネ！ット: the app is required, and PC login changes."""
    log_in(client, seed("active"))
    offer = re.search(r'<section class="otp-offer">.*?</section>', text(client.get(HOME)), re.S).group(0)
    assert "【注意！】スマートフォンではワンタイムパスワードアプリのご利用が必須となります。" in offer
    assert PC_LOGIN_NOTICE in offer
    assert '<a class="button" href="/netbank/otp-application">ワンタイムパスワード利用申請</a>' in offer


def test_a_customer_using_the_app_is_not_offered_it_again(app, seed):
    page = text(session_of(app, seed("active", otp="active")).get(HOME))
    assert 'data-screen="S-HOME"' in page
    assert "otp-offer" not in page and "パソコンでのログイン方法が変わります。" not in page
