"""Rules of 追加認証登録 (S-QA, P8): three different secret questions, three different full-width answers."""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import Problem, zenkaku

__all__ = ["ANSWER_MAX", "secret_qa"]

ANSWER_MAX = 10


@checks("R-QA-COUNT", "R-QA-ZENKAKU", "R-QA-DISTINCT")
def secret_qa(questions: list[str], answers: list[str], known_questions: set[str]) -> list[Problem]:
    """R-QA-COUNT, R-QA-ZENKAKU, R-QA-DISTINCT: three chosen questions, three full-width answers, all different."""
    problems: list[Problem] = []
    for n, (question, answer) in enumerate(zip(questions, answers, strict=False), start=1):
        if question not in known_questions:
            problems.append(Problem("R-QA-COUNT", f"質問{n}を選択してください。", f"question{n}"))
        problems.extend(_answer(n, answer))
    if problems:
        return problems
    if len(set(questions)) < len(questions):
        problems.append(Problem("R-QA-DISTINCT", "質問はすべて異なる内容を選択してください。", "question1"))
    if len(set(answers)) < len(answers):
        problems.append(Problem("R-QA-DISTINCT", "回答はすべて異なる内容を入力してください。", "answer1"))
    return problems


def _answer(n: int, answer: str) -> list[Problem]:
    """R-QA-COUNT, R-QA-ZENKAKU: one answer, full-width, at most 10 characters."""
    field = f"answer{n}"
    if not answer:
        return [Problem("R-QA-COUNT", f"回答{n}を入力してください。", field)]
    if not zenkaku(answer):
        return [Problem("R-QA-ZENKAKU", f"回答{n}は全角文字で入力してください。（半角文字は登録できません）", field)]
    if len(answer) > ANSWER_MAX:
        return [Problem("R-QA-ZENKAKU", f"回答{n}は全角{ANSWER_MAX}文字以内で入力してください。", field)]
    return []
