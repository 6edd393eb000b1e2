"""Steps on S-RBA 追加認証 (§2(4), R-RBA): a secret question at a login from a device the bank has not seen."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, then, when

from pages.login import LoginPage
from pages.phones import named
from pages.risk_based_auth import RiskBasedAuthPage
from steps.codes import PHONE
from steps.common import held
from steps.mail_password import customers_pc

SOMEWHERE_ELSE = "0" * 32  # a device of the customer's that the scenario does not hold
WRONG_ANSWER = "まちがい"  # full-width, well-formed, and no persona's answer


@pytest.fixture
def questions_asked() -> list[str]:
    """The questions S-RBA showed in the scenario, in order."""
    return []


@given("別の端末でだけログインしたことのある、既にご利用中のお客さまがいる", target_fixture="persona")
def customer_known_elsewhere(world):
    return world.persona("active", known_devices=[SOMEWHERE_ELSE])


@given(
    "このスマートフォンでだけログインしたことのある、ワンタイムパスワードを使っていないお客さまがいる",
    target_fixture="persona",
)
def customer_known_on_this_phone(world, phone):
    return world.persona("active", known_devices=[phone.identity])


@when("秘密の質問に登録した回答を入力する")
def answer_right(phone, persona):
    phone.screen(RiskBasedAuthPage).reply_from(persona["secret_qa"])


@when("パソコンで秘密の質問に登録した回答を入力する")
def answer_right_on_pc(phones, persona):
    customers_pc(phones).screen(RiskBasedAuthPage).reply_from(persona["secret_qa"])


@when("秘密の質問に誤った回答を入力する")
def answer_wrong(phone):
    phone.screen(RiskBasedAuthPage).reply(WRONG_ANSWER)


@when(parsers.re(r"秘密の質問に「(?P<answer>[^」]*)」と回答する"))
def answer_typed(phone, answer):
    phone.screen(RiskBasedAuthPage).reply(answer)


@when(parsers.re(r"誤った回答で(?P<times>\d+)回続けてログインする"))
def log_in_with_wrong_answers(phone, persona, times):
    for _ in range(int(times)):
        phone.opened(LoginPage).log_in(persona["login_id"], persona["login_password"])
        phone.screen(RiskBasedAuthPage).reply(WRONG_ANSWER)
        phone.screen(RiskBasedAuthPage).expect_attempt_over()


@then("登録した秘密の質問のひとつが表示される")
def one_registered_question(phone, persona, questions_asked):
    page = phone.screen(RiskBasedAuthPage)
    page.expect_question_from(persona["secret_qa"])
    questions_asked.append(page.asked())


@then("パソコンに登録した秘密の質問のひとつが表示される")
def one_registered_question_on_pc(phones, persona):
    customers_pc(phones).screen(RiskBasedAuthPage).expect_question_from(persona["secret_qa"])


@then("前と同じ秘密の質問が表示される")
def same_question(phone, questions_asked):
    assert phone.screen(RiskBasedAuthPage).asked() == questions_asked[0]


@then("回答を忘れたときは書面による追加認証解除が必要だと案内される")
def written_reset(phone):
    phone.screen(RiskBasedAuthPage).expect_written_reset()


@then("ログインはここで止まり、回答をやり直す欄はない")
def attempt_over(phone):
    phone.screen(RiskBasedAuthPage).expect_attempt_over()


@then(parsers.re(r"誤りは(?P<count>\d+)回と数えられている"))
def failures_counted(world, persona, count):
    assert held(world, persona, "failed_attempts") == int(count)


@then("トップページには進めない")
def home_not_reached(phone):
    phone.screen(RiskBasedAuthPage).expect_shown()


@then(parsers.re(rf"{PHONE}に追加認証の画面が表示される"))
def asked_on(phones, label, kind):
    """R-RBA: a phone the bank has not seen the customer log in from is asked a secret question first."""
    named(phones, label, kind).screen(RiskBasedAuthPage).expect_shown()


@when(parsers.re(rf"{PHONE}で秘密の質問に登録した回答を入力する"))
def answer_right_on(phones, persona, label, kind):
    named(phones, label, kind).screen(RiskBasedAuthPage).reply_from(persona["secret_qa"])
