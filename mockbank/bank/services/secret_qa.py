"""追加認証登録 (S-QA, P8): register three secret questions and answers, each answer kept as typed."""

from __future__ import annotations

from mockbank import applied, journal, rules
from mockbank.bank.errors import refuse_if
from mockbank.bank.models import STEP_PW, Customer, SecretAnswer
from mockbank.bank.questions import QUESTIONS
from mockbank.db import db
from mockbank.passwords import hash_secret


def register_secret_qa(customer: Customer, questions: list[str], answers: list[str], acknowledged: bool) -> None:
    """追加認証登録 (S-QA, P8): three different questions, three different full-width answers, kept as typed."""
    problems = rules.secret_qa(questions, answers, set(QUESTIONS))
    refuse_if(*problems, rules.acknowledged(acknowledged), customer=customer)
    customer.secret_answers = [
        SecretAnswer(question=q, answer_hash=hash_secret(a)) for q, a in zip(questions, answers, strict=False)
    ]
    applied.passed("R-QA-EXACT")  # each answer kept exactly as typed
    customer.step = STEP_PW
    journal.record("screen", screen="S-QA", customer=customer)
    db.session.commit()
