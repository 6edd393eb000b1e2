"""Steps on S-QA 追加認証登録 (P8): three secret questions and answers."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from pytest_bdd import given, parsers, then, when

from pages.secret_qa import SecretQaPage
from steps.common import logged_in

GOOD_QA = [
    ("卒業した小学校は？（例：〇〇小学校）", "青森小学校"),
    ("卒業した中学校は？（例：〇〇中学校）", "青森中学校"),
    ("出身地は？（例：〇〇県〇〇市）", "青森市"),
]


@pytest.fixture
def secret_qa_page(page: Page) -> SecretQaPage:
    """ログイン（追加認証登録） (S-QA) on the scenario's phone."""
    return SecretQaPage(page)


@given("追加認証登録画面を開いている")
def secret_qa_open(world, context, base_url, persona, secret_qa_page):
    logged_in(world, context, base_url, persona)
    secret_qa_page.open()


@when("次の秘密の質問と回答を登録する", target_fixture="typed_qa")
def register_qa_table(secret_qa_page, datatable):
    pairs = [tuple(row) for row in datatable[1:]]
    secret_qa_page.register(pairs)
    return pairs


@when(parsers.re(r"質問(?P<n>\d)を選ばずに、ほかは正しく入力して登録を確定する"))
def register_without_question(secret_qa_page, n):
    pairs = list(GOOD_QA)
    pairs[int(n) - 1] = ("", pairs[int(n) - 1][1])
    secret_qa_page.register(pairs)


@when(parsers.re(r"回答(?P<n>\d)に「(?P<answer>.*)」と入力し、ほかは正しく入力して登録を確定する"))
def register_with_answer(secret_qa_page, n, answer):
    pairs = list(GOOD_QA)
    pairs[int(n) - 1] = (pairs[int(n) - 1][0], answer)
    secret_qa_page.register(pairs)


@when("「確認しました。」にチェックをつけずに秘密の質問と回答を登録する")
def register_qa_unacknowledged(secret_qa_page):
    secret_qa_page.register(GOOD_QA, acknowledged=False)


@when("秘密の質問と回答を入力してから中止する")
def qa_then_cancel(secret_qa_page):
    secret_qa_page.fill(GOOD_QA)
    secret_qa_page.cancel()


@then("選んだ3つの秘密の質問が登録されている")
def qa_registered(world, persona, typed_qa):
    held = world.customer(persona["customer_id"])
    assert (held["secret_questions"], held["step"]) == ([question for question, _ in typed_qa], "pw")


@then("回答は入力した通りに登録され、文字の種類が違う回答とは一致しない")
def answers_exact(world, persona, typed_qa):
    answers = [answer for _, answer in typed_qa]
    for question, answer in typed_qa:
        assert world.answer_matches(persona["customer_id"], question, answer), answer
        for other in answers:
            if other != answer:
                assert not world.answer_matches(persona["customer_id"], question, other), (answer, other)


@then("秘密の質問は登録されていない")
def qa_not_registered(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["secret_questions"], held["step"]) == ([], "qa")
