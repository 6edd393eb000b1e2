"""Steps on T-PHONE, the phone's own dialler (P13): calling the bank's 0120 line from the scenario's phone."""

from __future__ import annotations

import re

from pytest_bdd import given, parsers, then, when

from pages.dialler import DiallerPage
from pages.phone_check import PhoneCheckPage

HOW = r"番号を通知して|非通知を選んで|頭に「\d+」をつけて"  # 184 in front withholds the number for that call


def picked_phone(persona: dict) -> str:
    """The registered number the OTP application picked: the persona's, else the mobile the scenarios pick."""
    last4 = (persona.get("otp") or {}).get("phone_last4")
    return next((n for n in persona["phones"] if last4 and n.endswith(last4)), persona["phones"][0])


def dialler(phones, phone, persona: dict) -> DiallerPage:
    """The phone's dialler, on the customer's line (the registered phone the application picked) unless it has its own."""
    if phone.line is None:
        phones.give_line(phone, picked_phone(persona))
    return phone.screen(DiallerPage)


def tap_callee(phones, phone, persona: dict) -> DiallerPage:
    """Tap 認証先電話番号 on 電話番号認証: the phone's dialler opens with the number filled in."""
    opened = dialler(phones, phone, persona)
    opened.dial_from(phone.screen(PhoneCheckPage))
    return opened


def dial(on: DiallerPage, how: str = "番号を通知して") -> None:
    """発信 as the step says (番号通知, 非通知, or a prefix such as 184), and wait until the call has ended."""
    prefix = re.fullmatch(r"頭に「(\d+)」をつけて", how)
    on.call(withheld=how == "非通知を選んで", prefix=prefix.group(1) if prefix else "")


@given(parsers.re(r"このスマートフォンの電話番号はご登録のない「(?P<number>[\d-]+)」である"))
def unregistered_line(phones, phone, number):
    phones.give_line(phone, number)


@given("このスマートフォンの電話番号は申請で選ばなかったご登録電話番号である")
def other_registered_line(phones, phone, persona):
    phones.give_line(phone, next(n for n in persona["phones"] if n != picked_phone(persona)))


@given("このスマートフォンのブラウザはJavaScriptがオフで、画面がひとりでに進まない")
def javascript_off(phone):
    phone.turn_off_javascript()


@when("認証先電話番号をタップする")
def tap(phones, phone, persona):
    tap_callee(phones, phone, persona)


@when(parsers.re(rf"(?P<how>{HOW})発信する"))
def call(phones, phone, persona, how):
    dial(dialler(phones, phone, persona), how)


@when(parsers.re(rf"認証先電話番号へ(?P<how>{HOW})発信する"))
def call_bank(phones, phone, persona, how):
    dial(tap_callee(phones, phone, persona), how)


@when("認証先電話番号をタップし、番号を通知して発信する")
def tap_and_call(phones, phone, persona):
    dial(tap_callee(phones, phone, persona))


@when(parsers.re(r"画面が表示されてから(?P<seconds>\d+)秒後に、認証先電話番号へ番号を通知して発信する"))
def call_bank_after(world, phones, phone, persona, seconds):
    """The number is tapped while the screen shows; the call goes out `seconds` later, when the screen may have moved."""
    tapped = tap_callee(phones, phone, persona)
    world.advance(int(seconds))  # the phones catch up: past 120 s, S-TEL has already gone back by itself
    dial(tapped)


@when("通話が終わったら「ダイヤルキャンセル」を押してブラウザに戻る")
def back_to_browser(phones, phone, persona):
    dialler(phones, phone, persona).leave()
    phone.bring_to_front("browser")


@then(parsers.re(r"電話にはこの電話の番号と発信先「(?P<callee>[^」]+)」が表示される"))
def dialler_shows(phones, phone, persona, callee):
    dialler(phones, phone, persona).expect_numbers(phone.line, callee)


@then("電話は2～3回呼び出したあと切れる")
def rang_and_ended(phones, phone, persona):
    dialler(phones, phone, persona).expect_rang_and_ended()
