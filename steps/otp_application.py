"""Steps on S-OTPAPP ワンタイムパスワード利用申請 (P12): where the token goes, the 利用開始パスワード, the phone to call from."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from pages.otp_application import OtpApplicationPage
from steps.common import held, password_for

GOOD_MAIL, GOOD_START_PW = "taro@example.jp", "246810"
MOBILE, HOME = "ご登録の携帯電話", "ご登録の自宅の電話"  # the persona's phones: a mobile first, then a 017 landline
PHONE = rf"(?P<which>{MOBILE}|{HOME})"
CONFIRM_MISTAKES = "誤った確認用パスワード|ログインパスワード|空欄の確認用パスワード"


def registered_phone(persona: dict, which: str) -> str:
    """The registered number the customer means by ご登録の携帯電話 or ご登録の自宅の電話."""
    return persona["phones"][{MOBILE: 0, HOME: 1}[which]]


def apply(device, persona: dict, times: int = 1, **typed) -> dict:
    """Fill ワンタイムパスワード利用申請, rightly wherever the step says nothing, and tap 電話番号認証を行う.

    Done `times` times over, each try but the last is refused (the bank's message shown) before the next.
    """
    application = device.screen(OtpApplicationPage)
    entry = {"mail": GOOD_MAIL, "start_pw": GOOD_START_PW, "phone": persona["phones"][0], **typed}
    for _ in range(times):
        application.enter(
            entry["mail"],
            entry.get("mail_again", entry["mail"]),
            entry["start_pw"],
            entry.get("start_pw_again", entry["start_pw"]),
            entry["phone"][-4:] if entry["phone"] else None,
        )
        confirm_pw = entry.get("confirm_pw")
        application.apply(persona["confirm_password"] if confirm_pw is None else confirm_pw)
        if times > 1:
            application.expect_refused()
    return entry


def held_otp(world, persona: dict) -> tuple[str, dict | None]:
    """The customer's step and latest OTP application, as the bank holds them."""
    return held(world, persona, "step", "otp")


@given("お客さま情報登録を済ませた新規契約のお客さまがいる", target_fixture="persona")
def registered_new_contract(world, phone):
    return world.persona("new", step="otp", known_devices=[phone.identity])  # onboarded on this phone (R-RBA)


@given("トークン発行元（otp-auth.net）が応答しない")
def issuer_down(world):
    world.fault("issuer", down=True)


@when(
    parsers.re(
        r"メールアドレス「(?P<mail>[^」]+)」と利用開始パスワード「(?P<start_pw>[^」]+)」を2回ずつ入力し、"
        rf"{PHONE}を選(?:び、確認用パスワード「(?P<confirm_pw>[^」]+)」を入力して|んで)電話番号認証を行う"
    ),
    target_fixture="application",
)
def apply_with(phone, persona, mail, start_pw, which, confirm_pw):
    return apply(
        phone, persona, mail=mail, start_pw=start_pw, phone=registered_phone(persona, which), confirm_pw=confirm_pw
    )


@when(
    parsers.re(
        r"メールアドレス「(?P<mail>[^」]+)」と利用開始パスワード「(?P<start_pw>[^」]+)」を2回ずつ入力し、"
        rf"{PHONE}を選んで中止する"
    )
)
def enter_and_cancel(phone, persona, mail, start_pw, which):
    phone.screen(OtpApplicationPage).cancel(mail, start_pw, registered_phone(persona, which)[-4:])


@when(parsers.re(rf"{PHONE}を選び、ほかは正しく入力して電話番号認証を行う"), target_fixture="application")
def apply_picking(phone, persona, which):
    return apply(phone, persona, phone=registered_phone(persona, which))


@when("電話番号を選ばずに、ほかは正しく入力して電話番号認証を行う", target_fixture="application")
def apply_picking_none(phone, persona):
    return apply(phone, persona, phone=None)


@when(
    parsers.re(
        r"利用開始パスワードに「(?P<start_pw>.*)」、確認用に「(?P<again>.*)」を入力し、ほかは正しく入力して電話番号認証を行う"
    ),
    target_fixture="application",
)
def apply_start_pw(phone, persona, start_pw, again):
    return apply(phone, persona, start_pw=start_pw, start_pw_again=again)


@when(
    parsers.re(
        r"メールアドレスに「(?P<mail>.*)」、確認用に「(?P<again>.*)」を入力し、ほかは正しく入力して電話番号認証を行う"
    ),
    target_fixture="application",
)
def apply_mail(phone, persona, mail, again):
    return apply(phone, persona, mail=mail, mail_again=again)


@when(parsers.re(rf"(?P<phrase>{CONFIRM_MISTAKES})を入力し、ほかは正しく入力して電話番号認証を行う"))
def apply_confirm_pw(phone, persona, phrase):
    apply(phone, persona, confirm_pw=password_for(phrase, persona))


@when(parsers.re(r"誤った確認用パスワードで(?P<times>\d+)回続けて電話番号認証を行う"))
def apply_wrong_times(phone, persona, times):
    apply(phone, persona, int(times), confirm_pw=password_for("誤った確認用パスワード", persona))


@when("トークン発行元が復旧してから、もう一度正しく入力して電話番号認証を行う")
def apply_after_recovery(world, phone, persona):
    world.fault("issuer")
    apply(phone, persona)


@then("電話番号の選択肢にはご登録電話番号がすべて末尾4桁だけで表示され、どれも選ばれていない")
def phones_by_last4(phone, persona):
    phone.screen(OtpApplicationPage).expect_phones_by_last4(persona["phones"])


@then("ワンタイムパスワード利用申請画面のままで、申請は受け付けられていない")
def still_applying(phone, world, persona):
    phone.screen(OtpApplicationPage).expect_shown()
    assert held_otp(world, persona) == ("otp", None)


@then("申請は受け付けられていない")
def not_applied(world, persona):
    assert held_otp(world, persona) == ("otp", None)


@then(
    parsers.re(
        r"送付先メールアドレス「(?P<mail>[^」]+)」、利用開始パスワード「(?P<start_pw>[^」]+)」、"
        rf"{PHONE}で申請が受け付けられている"
    )
)
def applied_as_typed(world, persona, mail, start_pw, which):
    step, otp = held_otp(world, persona)
    assert (step, otp["state"], otp["mail"]) == ("otp", "calling", mail)
    assert otp["phone_last4"] == registered_phone(persona, which)[-4:]
    assert world.password_matches(persona["customer_id"], "start", start_pw)


@then(parsers.re(r"利用開始パスワード「(?P<start_pw>[^」]+)」で申請が受け付けられている"))
def applied_with_start_pw(world, persona, start_pw):
    assert held_otp(world, persona)[1]["state"] == "calling"
    assert world.password_matches(persona["customer_id"], "start", start_pw)


@then(parsers.re(r"パスワードの誤りは(?P<times>\d+)回と数えられている"))
def mistakes_counted(world, persona, times):
    assert held(world, persona, "failed_attempts") == int(times)
