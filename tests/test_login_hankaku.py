"""R-HANKAKU on 初回ログイン (S-LOGIN1, P7) and ログイン (S-LOGIN, P17): a login ID is typed in 半角英数字."""

from __future__ import annotations

import pytest

from mockbank import rules
from tests.forms import text

LOGIN_SCREENS = {"初回ログイン": "/netbank/first-login", "ログイン": "/netbank/login"}
NOT_HANKAKU = "ログインIDは半角英数字で入力してください。"


@pytest.mark.parametrize("path", LOGIN_SCREENS.values(), ids=LOGIN_SCREENS.keys())
@pytest.mark.parametrize(
    ("login_id", "message"),
    [
        ("ａｂｃ１２３", NOT_HANKAKU),
        ("ａｂｃ123", NOT_HANKAKU),
        ("abc 123", NOT_HANKAKU),
        ("abc\u3000123", NOT_HANKAKU),
        ("abc-123", NOT_HANKAKU),
        ("あいう123", NOT_HANKAKU),
        ("ｱｲｳ123", NOT_HANKAKU),
        ("", "ログインIDを入力してください。"),
    ],
    ids=[
        "full-width",
        "full-width letters",
        "a space",
        "an ideographic space",
        "a symbol",
        "hiragana",
        "half-width katakana",
        "empty",
    ],
)
def test_a_login_id_not_in_half_width_letters_and_digits_is_refused_by_name_and_not_counted(
    client, seed, customer_state, journal, path, login_id, message
):
    persona = seed("id_initialised", login_id="abc123")
    response = client.post(path, data={"login_id": login_id, "login_pw": persona["login_password"]})
    page = text(response)
    assert response.status_code == 200
    assert message in page and 'role="alert"' in page
    assert rules.LOGIN_MISMATCH.message not in page
    assert [(e["rule"], e["detail"]["field"]) for e in journal(kind="refused")] == [("R-HANKAKU", "login_id")]
    state = customer_state(persona["customer_id"])
    assert (state["failed_attempts"], state["step"], journal(kind="login")) == (0, "first_login", [])


@pytest.mark.parametrize("path", LOGIN_SCREENS.values(), ids=LOGIN_SCREENS.keys())
def test_a_login_screen_names_each_field_typed_in_full_width(client, path):
    response = client.post(path, data={"login_id": "ａｂｃ１２３", "login_pw": "ｐａｓｓ１２３"})
    page = text(response)
    assert NOT_HANKAKU in page
    assert "ログインパスワードは半角英数字で入力してください。" in page
