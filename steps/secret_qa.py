"""Steps on S-QA 追加認証登録 (P8): three secret questions and answers."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from pages.secret_qa import SecretQaPage
from steps.common import held

GOOD_QA = [
    ("卒業した小学校は？（例：〇〇小学校）", "青森小学校"),
    ("卒業した中学校は？（例：〇〇中学校）", "青森中学校"),
    ("出身地は？（例：〇〇県〇〇市）", "青森市"),
]


def good_qa_but(n: int, question: str | None = None, answer: str | None = None) -> list[tuple[str, str]]:
    """Three good pairs, but for the `n`th question or answer (1-based)."""
    pairs = list(GOOD_QA)
    good_question, good_answer = pairs[n - 1]
    pairs[n - 1] = (good_question if question is None else question, good_answer if answer is None else answer)
    return pairs


@when("次の秘密の質問と回答を登録する", target_fixture="typed_qa")
def register_qa_table(phone, datatable):
    pairs = [tuple(row) for row in datatable[1:]]
    phone.screen(SecretQaPage).register(pairs)
    return pairs


@when(parsers.re(r"質問(?P<n>\d)を選ばずに、ほかは正しく入力して登録を確定する"))
def register_without_question(phone, n):
    phone.screen(SecretQaPage).register(good_qa_but(int(n), question=""))


@when(parsers.re(r"回答(?P<n>\d)に「(?P<answer>.*)」と入力し、ほかは正しく入力して登録を確定する"))
def register_with_answer(phone, n, answer):
    phone.screen(SecretQaPage).register(good_qa_but(int(n), answer=answer))


@when("「確認しました。」にチェックをつけずに秘密の質問と回答を登録する")
def register_qa_unacknowledged(phone):
    phone.screen(SecretQaPage).register(GOOD_QA, acknowledged=False)


@when("秘密の質問と回答を入力してから中止する")
def qa_then_cancel(phone):
    phone.screen(SecretQaPage).cancel(GOOD_QA)


@then("選んだ3つの秘密の質問が登録されている")
def qa_registered(world, persona, typed_qa):
    assert held(world, persona, "secret_questions", "step") == ([question for question, _ in typed_qa], "pw")


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
    assert held(world, persona, "secret_questions", "step") == ([], "qa")
