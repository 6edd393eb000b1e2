"""The ワンタイムPW app's logic below the browser (P14–P16): 初期設定 and its refusals, 10 tokens, names, choice, copies."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest

from mockbank.issuer.binding import bound_totp, check_value
from tests.forms import text
from tests.otp_world import issuer_in_process, issuer_token

PHONE = "c" * 32
OTHER = "d" * 32
AS_PHONE = {"X-Mockbank-Device": PHONE}


@pytest.fixture
def phone(app):
    """The phone's app: a client sending this phone's identity with every request."""
    client = app.test_client()
    client.environ_base["HTTP_X_MOCKBANK_DEVICE"] = PHONE
    return client


@pytest.fixture
def issued(control):
    """A new contract whose token is issued and mailed, the app not yet set up: the persona."""
    return control.post("/_control/personas", json={"kind": "new", "otp": "issued"}).get_json()


def setup_form(persona: dict, **changes) -> dict:
    """初期設定 filled in right, with consent, from an app holding no token yet."""
    otp = persona["otp"]
    form = {
        "service_id": otp["service_id"],
        "user_id": otp["user_id"],
        "start_pw": otp["start_password"],
        "consent": "yes",
        "held": "0",
    }
    form.update(changes)
    return {k: v for k, v in form.items() if v is not None}


def set_up(app, phone, persona: dict, **changes):
    with issuer_in_process(app):
        return phone.post("/app/setup", data=setup_form(persona, **changes))


def instructions(response) -> list[dict]:
    """What A-OTP hands to the phone's storage (display names, the token chosen)."""
    found = re.search(r'<script type="application/json" id="instructions">(.*?)</script>', text(response))
    return json.loads(found.group(1))


def token_state(control, persona: dict) -> str:
    return control.get(f"/_control/customers/{persona['customer_id']}").get_json()["otp"]["token_state"]


def new_token(response) -> dict:
    """The token A-DONE hands to the phone's storage."""
    return json.loads(
        re.search(r'<script type="application/json" id="new-token">(.*?)</script>', text(response)).group(1)
    )


def test_setup_shows_the_manuals_words_and_the_phones_identity(phone):
    page = text(phone.get("/app/setup"))
    for words in (
        "サービスIDとユーザID、利用開始パスワードを入力し、送信ボタンを押してください。",
        "本アプリはアプリデータの搾取・複製を防止するため、他端末へのアプリデータ引き継ぎを防止する機能を導入しております。",
        "機種変更時・アプリ削除時は事前にご利用のサービスで手続きを行ってください。",
        "所定の手続きを行わない場合は、ご利用いただけなくなります。",
        "上記の内容に同意する。",
        ">送信<",
        "ヘルプ",
        'data-screen="A-SETUP"',
        f'data-device="{PHONE}"',
    ):
        assert words in page


def menu(response) -> list[str]:
    """The links of the app's header menu, in order."""
    nav = re.search(r'<nav class="app-menu">(.*?)</nav>', text(response), re.S).group(1)
    return re.findall(r">([^<>]+)</a>", nav)


def test_setup_and_setup_done_show_only_help_at_the_top_as_the_manuals_screens_do(app, phone, issued):
    """P15: 初期設定 and 初期設定完了 show ヘルプ; the 設定 menu is not on them."""
    assert menu(phone.get("/app/setup")) == ["ヘルプ"]
    assert menu(set_up(app, phone, issued, consent=None)) == ["ヘルプ"], "refused, still 初期設定"
    done = set_up(app, phone, issued)
    assert 'data-screen="A-DONE"' in text(done) and menu(done) == ["ヘルプ"]


@pytest.mark.parametrize("address", ["/app/", "/app/name?token=10:1234567", "/app/settings", "/app/help"])
def test_the_apps_other_screens_keep_the_settings_menu(phone, address):
    """P16: ワンタイムパスワード sends the customer to the 「設定」メニュー for トークン選択."""
    assert menu(phone.get(address)) == ["ヘルプ", "設定"]


def test_the_otp_screen_says_the_manuals_words_and_counts_down_plainly(phone):
    page = text(phone.get("/app/"))
    for words in (
        "ご利用のスマートフォンが生体認証に対応している場合、毎回のログインID・ログインパスワードの入力が不要となる"
        "生体認証ログインがご利用可能です。",  # P16
        "複数のご契約がある場合、必ず「設定」メニューからトークン選択を行ってください。",  # P16
        '<p class="countdown"><span id="remaining"></span>秒</p>',  # the manual words no countdown: seconds only
    ):
        assert words in page
    assert "次のワンタイムパスワードまで" not in page


def test_the_display_name_screen_has_the_manuals_words_and_no_invented_hints(phone):
    page = text(phone.get("/app/name?token=10:1234567"))
    assert "ワンタイムパスワードアプリには10契約分までトークンを登録する事が可能です。" in page
    assert "1つの金融機関で複数契約分の登録を行う場合、追加文言を登録して区別する事ができます。" in page
    assert '<label for="name">トークン表示名</label>' in page and '<label for="extra">追加文言</label>' in page
    for invented in ("20文字以内", "例：", "任意", "[必須]", "hint"):
        assert invented not in page, invented


def test_help_says_the_manuals_words_only(phone):
    page = text(phone.get("/app/help"))
    for words in (
        "アプリを初めてご利用する場合、起動すると初期設定画面が表示されます。",
        "他のご契約で既にアプリを利用中の場合、設定メニューから「トークン追加」を選択することにより、初期設定画面が表示されます。",
        "申請時に発行されたサービスIDを入力します。",
        "申請時に発行されたユーザIDを入力します。",
        "申請時に登録した利用開始パスワードを入力します。",
        "ワンタイムパスワードアプリの設定で使用した「サービスID」「ユーザID」「利用開始パスワード」は初期設定完了後は不要となります。",
    ):
        assert words in page
    assert "お取引銀行のワンタイムパスワード利用申請の完了画面" not in page


def test_setup_activates_the_token_on_this_phone_and_hands_the_seed_to_its_storage(app, phone, control, issued):
    response = set_up(app, phone, issued)
    assert response.status_code == 200 and 'data-screen="A-DONE"' in text(response)
    for words in (
        "初期設定が正常に完了しました。",
        "スマートフォンの日時を日本時間に合わせ、タイムゾーンを日本に設定してください。",
        "ワンタイムパスワードは60秒毎に変わりますので、ご利用の都度、表示されているものをご利用ください。",
        ">次へ<",
    ):
        assert words in text(response)
    token = new_token(response)
    assert (token["service_id"], token["user_id"]) == (issued["otp"]["service_id"], issued["otp"]["user_id"])
    assert token["login_url"] == "/netbank/login" and token["name"] == "青森みちのく銀行"
    held = control.get(f"/_control/customers/{issued['customer_id']}").get_json()["otp"]
    assert held["token_state"] == "activated" and held["token_device"] == PHONE
    added = control.get("/_control/journal", query_string={"kind": "app_token_added"}).get_json()
    assert added and "R-APP-10" in added[-1]["detail"]["passed"]
    assert token["seed"] not in json.dumps(control.get("/_control/journal").get_json())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": None}, "「上記の内容に同意する。」にチェックを入れてください。"),
        ({"user_id": "0000000"}, "サービスID、ユーザID、または利用開始パスワードが正しくありません。"),
        ({"service_id": "11"}, "サービスID、ユーザID、または利用開始パスワードが正しくありません。"),
        ({"start_pw": "13579"}, "サービスID、ユーザID、または利用開始パスワードが正しくありません。"),
        ({"start_pw": ""}, "利用開始パスワードを入力してください。"),
        ({"user_id": "１２３"}, "ユーザIDは半角数字で入力してください。"),
        ({"service_id": "123456789"}, "サービスIDは8桁以内で入力してください。"),
        ({"held": "10"}, "ワンタイムパスワードアプリに登録できるトークンは10件（他行を含む）までです。"),
    ],
)
def test_a_refused_setup_says_why_on_the_same_screen_and_sets_nothing_up(app, phone, control, issued, changes, message):
    response = set_up(app, phone, issued, **changes)
    assert response.status_code == 200 and 'data-screen="A-SETUP"' in text(response)
    assert message in text(response) and "new-token" not in text(response)
    assert token_state(control, issued) == "issued"


def test_the_tenth_token_is_accepted_and_the_eleventh_refused(app, phone, control, issued):
    assert "ワンタイムパスワードアプリに登録できるトークンは10件" in text(set_up(app, phone, issued, held="10"))
    refused = control.get("/_control/journal", query_string={"kind": "refused"}).get_json()
    assert [e["rule"] for e in refused] == ["R-APP-10"]
    assert 'data-screen="A-DONE"' in text(set_up(app, phone, issued, held="9"))


def test_five_wrong_start_passwords_lock_the_token_and_the_app_says_so(app, phone, control, issued):
    for _ in range(5):
        set_up(app, phone, issued, start_pw="13579")
    response = set_up(app, phone, issued)
    assert "このトークンはロックされています。" in text(response)
    held = control.get(f"/_control/customers/{issued['customer_id']}").get_json()["otp"]
    assert held["token_locked"] is True and held["token_state"] == "issued"


def test_a_token_set_up_on_another_phone_cannot_be_set_up_here(app, phone, control):
    persona = control.post("/_control/personas", json={"kind": "active", "otp": "active", "device": OTHER}).get_json()
    response = set_up(app, phone, persona)
    assert "このトークンは既に初期設定されています。" in text(response)
    assert control.get(f"/_control/customers/{persona['customer_id']}").get_json()["otp"]["token_device"] == OTHER


def test_the_issuer_down_is_a_message_not_an_error(app, phone, control, issued):
    control.post("/_control/faults", json={"party": "issuer", "down": True})
    response = set_up(app, phone, issued)
    assert response.status_code == 200 and "通信エラーが発生しました。" in text(response)
    control.post("/_control/faults", json={"party": "issuer"})
    assert token_state(control, issued) == "issued"


def test_the_app_reaches_the_issuer_without_the_banks_key(app, phone, issued):
    with issuer_in_process(app) as mock:
        phone.post("/app/setup", data=setup_form(issued))
        (call,) = [c for c in mock.calls if c.request.url.endswith("/issuer/api/tokens/activate")]
    assert "X-Issuer-Key" not in call.request.headers
    assert json.loads(call.request.body)["device"] == PHONE


def test_the_seed_joined_with_this_phones_identity_makes_the_codes_the_issuer_accepts(app, phone, control, issued):
    seed = new_token(set_up(app, phone, issued))["seed"]
    control.post("/_control/clock", json={"freeze": True})
    now = datetime.fromisoformat(control.get("/_control/clock").get_json()["now"])
    reference = issuer_token_ref(app, issued)
    key = {"X-Issuer-Key": app.config["ISSUER_API_KEY"]}
    verify = f"/issuer/api/tokens/{reference}/verify"
    copied = bound_totp(seed, OTHER).at(now)
    assert control.post(verify, json={"code": copied, "device": OTHER}, headers=key).get_json()["reason"] == "device"
    good = bound_totp(seed, PHONE).at(now)
    assert control.post(verify, json={"code": good}, headers=key).get_json() == {"valid": True}
    assert check_value(seed, PHONE) != check_value(seed, OTHER)


def issuer_token_ref(app, persona: dict) -> str:
    """The issuer's reference of the persona's token (what the bank holds)."""
    from mockbank.bank.models import OtpApplication
    from mockbank.db import db

    with app.app_context():
        reference = db.session.scalar(
            db.select(OtpApplication.token).where(OtpApplication.customer_id == persona["customer_id"])
        )
    assert issuer_token(app, reference)["state"] == "activated"
    return reference


@pytest.mark.parametrize(
    ("name", "extra", "message"),
    [
        ("", "", "トークン表示名を入力してください。"),
        ("あ" * 21, "", "トークン表示名は20文字以内で入力してください。"),
        ("青森みちのく銀行", "い" * 21, "追加文言は20文字以内で入力してください。"),
        ("青森\u0007銀行", "", "トークン表示名に使用できない文字が含まれています。"),
        ("青森みちのく銀行", "個人\u200b用", "追加文言に使用できない文字が含まれています。"),
    ],
)
def test_a_bad_display_name_is_refused_on_the_same_screen(phone, name, extra, message):
    response = phone.post("/app/name", data={"token": "10:1234567", "name": name, "extra": extra})
    assert response.status_code == 200 and 'data-screen="A-NAME"' in text(response) and message in text(response)
    assert instructions(phone.get("/app/")) == []


def test_a_display_name_with_a_full_width_space_is_accepted(phone):
    response = phone.post("/app/name", data={"token": "10:1234567", "name": "青森　銀行", "extra": "個人　用"})
    assert response.status_code == 302


def test_naming_without_a_token_to_name_is_refused(phone):
    response = phone.post("/app/name", data={"token": "", "name": "青森みちのく銀行", "extra": ""})
    assert response.status_code == 200 and "表示名を設定するトークンがありません。" in text(response)


def test_a_display_name_rides_to_the_next_screen_once(phone):
    response = phone.post("/app/name", data={"token": "10:1234567", "name": "青森みちのく銀行", "extra": "個人用"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/app/")
    first, again = instructions(phone.get("/app/")), instructions(phone.get("/app/"))
    assert first == [{"name": {"token": "10:1234567", "name": "青森みちのく銀行", "extra": "個人用"}}] and again == []


def test_choosing_a_token_under_settings_is_journalled_and_handed_to_the_next_screen(phone, control):
    held = ["10:1234567", "20:0000000"]
    response = phone.post("/app/settings", data={"token": "10:1234567", "held": held})
    assert response.status_code == 302
    assert instructions(phone.get("/app/")) == [{"select": "10:1234567"}]
    (chosen,) = control.get("/_control/journal", query_string={"kind": "app_token_selected"}).get_json()
    assert chosen["detail"]["passed"] == ["R-APP-SELECT"]


@pytest.mark.parametrize(
    "form",
    [
        {"held": ["10:1234567"]},
        {"token": "99:9999999", "held": ["10:1234567"]},
        {"token": "<script>", "held": ["<script>"]},
    ],
)
def test_choosing_nothing_or_a_token_the_app_does_not_hold_is_refused_with_a_message(phone, control, form):
    response = phone.post("/app/settings", data=form)
    assert response.status_code == 200 and "表示するトークンを選択してください。" in text(response)
    assert instructions(phone.get("/app/")) == []
    assert control.get("/_control/journal", query_string={"kind": "app_token_selected"}).get_json() == []


def test_app_data_found_on_another_phone_is_journalled_as_a_copy(phone, control):
    assert phone.post("/app/copied", json={"tokens": 1}).get_json() == {"recorded": True}
    (copy,) = control.get("/_control/journal", query_string={"kind": "app_copy_refused"}).get_json()
    assert copy["rule"] == "R-APP-BIND" and copy["detail"]["device"] == PHONE
    assert copy["detail"]["tokens"] == 1


@pytest.mark.parametrize("body", [[1, 2], "x", {"tokens": True}, {"tokens": 10**9}, None])
def test_a_strange_copy_report_is_journalled_without_its_count_and_never_fails(phone, control, body):
    response = phone.post("/app/copied", json=body) if body is not None else phone.post("/app/copied", data="{")
    assert response.status_code == 200
    (copy,) = control.get("/_control/journal", query_string={"kind": "app_copy_refused"}).get_json()
    assert copy["detail"]["tokens"] is None


def test_a_phone_without_an_identity_of_its_own_keeps_the_one_the_app_gives_it(app):
    browser = app.test_client()
    first = browser.get("/app/setup")
    given = re.search(r'data-device="([0-9a-f]{32})"', text(first)).group(1)
    assert f'data-device="{given}"' in text(browser.get("/app/setup"))


@pytest.mark.parametrize(
    ("agent", "store", "button"),
    [
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", "App Store", ">入手<"),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 7) Mobile Safari/537.36", "Google Play", ">インストール<"),
    ],
)
def test_the_download_address_shows_the_phones_store(app, agent, store, button):
    page = text(app.test_client().get("/app/download", headers={"User-Agent": agent}))
    assert 'data-screen="A-DL"' in page and store in page and button in page
