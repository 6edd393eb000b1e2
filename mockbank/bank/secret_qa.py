"""S-QA 追加認証登録 (P8): three secret questions and answers."""

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.models import STEP_QA
from mockbank.bank.progress import at_step
from mockbank.bank.questions import QUESTIONS
from mockbank.bank.services.secret_qa import register_secret_qa


@bp.route("/netbank/secret-qa", methods=("GET", "POST"))
@at_step(STEP_QA)
@form_view("S-QA", "bank/secret_qa.html", cancel=True, questions=QUESTIONS)
def secret_qa(form, customer):
    """ログイン（追加認証登録） (S-QA, P8): 登録を確定する goes on to パスワード変更; 中止する abandons it (R-CANCEL)."""
    register_secret_qa(
        customer,
        [form.get(f"question{n}", "") for n in (1, 2, 3)],
        [form.get(f"answer{n}", "") for n in (1, 2, 3)],
        form.get("ack") == "on",
    )
    return "bank.password_change"
