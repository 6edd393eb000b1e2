"""Steps on S-BIO-SET 生体認証利用設定 (P18): the app's 生体認証, the phone's biometric and how it answers, ID, password, 登録."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from pages.app_otp import AppOtpPage
from pages.biometric_login import BiometricLoginPage
from pages.biometric_setting import BiometricSettingPage
from pages.phones import THIS_PHONE, named
from steps.codes import PHONE
from steps.common import held


@given(parsers.re(rf"お客さまは{PHONE}で生体認証を登録済みである"))
def biometric_registered_on(phones, persona, label, kind):
    phone = named(phones, label, kind)
    phone.screen(BiometricSettingPage).set_up(persona["login_id"], persona["login_password"])
    phone.screen(BiometricLoginPage).expect_registered()


@when("アプリの「生体認証」をタップする")
def app_biometric(phone):
    phone.screen(AppOtpPage).tap_biometric(phone.screen(BiometricSettingPage))


@when(parsers.re(rf"(?:{PHONE}で)?生体認証利用設定画面を開く"))
def open_setting(phones, label=None, kind=None):
    named(phones, label or THIS_PHONE, kind).opened(BiometricSettingPage)


@given("顔や指紋は本人と認識される")
@when("顔や指紋は本人と認識される")
def recognised(phone):
    phone.biometric.answer(verified=True)


@given("顔や指紋は本人と認識されない")
@when("顔や指紋は本人と認識されない")
def not_recognised(phone):
    phone.biometric.answer(verified=False)


@given("スマートフォンの生体認証の画面はキャンセルされる")
@when("スマートフォンの生体認証の画面はキャンセルされる")
def cancelled(phone):
    """Nothing answers the phone's prompt: it runs to its time limit and ends as a cancel does (NotAllowedError)."""
    phone.biometric.answer(present=False)


@given(parsers.re(r"スマートフォンの生体認証の応答は(?P<how>署名が壊れている|本人確認の印がない)"))
@when(parsers.re(r"スマートフォンの生体認証の応答は(?P<how>署名が壊れている|本人確認の印がない)"))
def tampered(phone, how):
    phone.biometric.tamper(bogus_signature=how == "署名が壊れている", bad_uv=how == "本人確認の印がない")


@when("スマートフォンの生体認証の応答は元に戻る")
def untampered(phone):
    phone.biometric.tamper()


@when(parsers.re(rf"(?:{PHONE}で)?スマートフォンに表示された生体認証を行う"))
def use_biometric(phones, label=None, kind=None):
    named(phones, label or THIS_PHONE, kind).screen(BiometricSettingPage).use_biometric()


@when(parsers.re(rf"(?:{PHONE}で)?ログインIDとログインパスワードを入力して「登録」をタップする"))
def register(phones, persona, label=None, kind=None):
    named(phones, label or THIS_PHONE, kind).screen(BiometricSettingPage).register(
        persona["login_id"], persona["login_password"]
    )


@when(parsers.re(r"誤ったログインパスワードで「登録」を(?P<times>\d+)回続けてタップする"))
def register_wrong(phone, persona, times):
    for _ in range(int(times)):
        phone.screen(BiometricSettingPage).register(persona["login_id"], persona["login_password"] + "x")


@then("生体認証利用設定画面にログインIDとログインパスワードの入力欄と「登録」が表示される")
def asks_id_and_password(phone):
    phone.screen(BiometricSettingPage).expect_asks_id_and_password()


@then("生体認証は登録されず、生体認証利用設定画面に戻る")
def not_registered(phone, world, persona):
    phone.screen(BiometricSettingPage).expect_failed()
    assert not [c for c in held(world, persona, "biometrics") if not c["revoked"]], "nothing registered"


@then(parsers.re(rf"{PHONE}の生体認証利用設定画面には、この端末では登録できないと表示される"))
def refused_on_unknown_device(phones, label, kind):
    """R-BIO-SET with R-RBA: the ID and password were right, but the bank has never seen this phone log in."""
    named(phones, label, kind).screen(BiometricSettingPage).expect_refused(BiometricSettingPage.UNKNOWN_DEVICE)


@then("生体認証は登録されていない")
def nothing_registered(world, persona):
    assert not [c for c in held(world, persona, "biometrics") if not c["revoked"]], "nothing registered"


@then("生体認証ログイン画面に、生体認証の登録が完了したと表示される")
def registered(phone, world, persona):
    phone.screen(BiometricLoginPage).expect_registered()
    assert [c["device"] for c in held(world, persona, "biometrics") if not c["revoked"]] == [phone.identity]


@then(parsers.re(rf"(?:{PHONE}の)?生体認証利用設定画面には、(?:この)?スマートフォンの生体認証の呼び名が表示される"))
def names_shown(phones, label=None, kind=None):
    phone = named(phones, label or THIS_PHONE, kind)
    phone.screen(BiometricSettingPage).expect_names(phone.biometric.kind)


@then(parsers.re(rf"(?:{PHONE}の)?アプリの「生体認証」は(?P<how>押せる|押せない)"))
def biometric_offered(phones, how, label=None, kind=None):
    named(phones, label or THIS_PHONE, kind).screen(AppOtpPage).expect_biometric_offered(how == "押せる")


@then(parsers.re(rf"(?:{PHONE}では)?生体認証は生体認証機能のあるスマートフォンのみと案内される"))
def not_offered(phones, label=None, kind=None):
    named(phones, label or THIS_PHONE, kind).screen(BiometricSettingPage).expect_not_offered()
