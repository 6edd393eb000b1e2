"""S-BIO-SET 生体認証利用設定 (P18): reached from the ワンタイムPW app's 生体認証; the phone's biometric, then ID, password, 登録."""

from __future__ import annotations

from functools import wraps

from flask import redirect, render_template, request, url_for

from mockbank import applied, journal
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.form_view import form_view
from mockbank.bank.services import biometric_credentials as rp
from mockbank.bank.services.biometric_setting import SCREEN, pending, register, verify_prompt
from mockbank.db import db
from mockbank.devices import device_id
from mockbank.rules import biometric_names

TEMPLATE = "bank/biometric_setting.html"


def names() -> str | None:
    """How this phone's biometric is called on the screen (Touch ID／Face ID, 指紋認証／顔認証)."""
    return biometric_names(request.headers.get("User-Agent", ""))


def offer(screen: str, problems: list, template: str, options, **shown) -> str:
    """A biometric screen with its prompt ready (options), or why this device cannot use it (R-BIO-DEVICE, journalled)."""
    problem = rp.device_problem()
    if request.method == "GET":
        if problem:
            journal.record("refused", screen=screen, rule=problem.rule, device=device_id())
        else:
            applied.passed("R-BIO-DEVICE")
            journal.record("biometric_offered", screen=screen, device=device_id())
        db.session.commit()
    shown_problems = problems or ([problem] if problem else [])
    return render_template(
        template,
        problems=shown_problems,
        form={},
        names=names(),
        usable=problem is None,
        options=None if problem else options,
        **shown,
    )


@bp.route("/netbank/biometric/setting", methods=("GET", "POST"))
def biometric_setting():
    """生体認証利用設定 (S-BIO-SET): the phone's own prompt first (P18); when it succeeds, the next screen asks ID and password."""
    problems = []
    if request.method == "POST":
        try:
            return redirect(url_for(verify_prompt(request.form)))
        except Refused as refused:
            journal.refused(SCREEN, refused.problems, refused.customer)
            problems = refused.problems
    return offer(SCREEN, problems, TEMPLATE, rp.registration_options, stage="prompt")


def _verified(view):
    """The ID-and-password step only after this session's prompt succeeded; else back to the prompt."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if pending() is None:
            return redirect(url_for("bank.biometric_setting"))
        return view(*args, **kwargs)

    return wrapped


@bp.route("/netbank/biometric/setting/register", methods=("GET", "POST"))
@_verified
@form_view(SCREEN, TEMPLATE, stage="register", context=lambda: {"names": names(), "usable": True})
def biometric_setting_register(form):
    """生体認証利用設定 (S-BIO-SET, P18): ログインID and ログインパスワード, 登録 (R-BIO-SET)."""
    return register(form)
