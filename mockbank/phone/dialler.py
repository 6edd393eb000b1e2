"""T-PHONE: the phone's dialler. この電話の番号, 発信先, 番号通知 or 非通知, 発信; then how the call ended.

The phone's own number comes from the X-Mockbank-Line header the suite's
phones send (pages/phones.py); without it (a person on a real phone) the
dialler asks for it. Bad numbers get the dialler's message on the same screen
(role="alert") and nothing is recorded.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import redirect, render_template, request, url_for

from mockbank.parties import party_of
from mockbank.phone import bp
from mockbank.phone.numbers import CALLER_ID_CHOICE, MAX_TYPED, DialRefused, Problem, read_dial
from mockbank.phone.service import PARTY, ending, place_call

LINE_HEADER = "X-Mockbank-Line"  # this phone's number, sent by the suite's phones with every request
CALLER_ID = {"shown": True, "withheld": False}  # the phone's caller-ID setting: 番号通知, 非通知
ECHOED = 4 * MAX_TYPED  # characters of a refused entry shown back in its field


@bp.get("/")
def index():
    """The phone's telephone app opens on its dialler."""
    return redirect(url_for("phone.dial"))


@bp.route("/dial", methods=("GET", "POST"))
def dial():
    """GET: the dialler, 発信先 filled from ?to=. POST: place the call and show how it ended."""
    line = request.headers.get(LINE_HEADER, "").strip() or None
    if request.method == "GET":
        back = _local(request.args.get("back")) or _local(request.referrer)
        return _dialler(line, to=request.args.get("to", ""), shown=True, back=back)
    form = request.form
    caller = line if line is not None else form.get("caller", "")
    to, back = form.get("to", ""), _local(form.get("back"))
    shown = CALLER_ID.get(form.get("caller_id", "shown"))
    problems = [] if shown is not None else [Problem("caller_id", CALLER_ID_CHOICE)]
    try:
        read_dial(caller, to, bool(shown))
    except DialRefused as refused:
        problems = refused.problems + problems
    if problems:
        return _dialler(line, caller=caller, to=to, shown=shown is not False, back=back, problems=problems)
    call = place_call(caller, to, shown)
    return render_template("phone/call.html", line=line, call=call, dialled=to.strip(), ending=ending(call), back=back)


def _dialler(line: str | None, *, to: str, shown: bool, back: str | None, caller: str = "", problems=()) -> str:
    """The dialler, with what was typed (cut to a sane length) and the problems with it."""
    typed = {"caller": caller[:ECHOED], "to": to[:ECHOED]}
    return render_template("phone/dialler.html", line=line, shown=shown, back=back, problems=list(problems), **typed)


def _local(address: str | None) -> str | None:
    """Where ダイヤルキャンセル leads: the page the dialler was opened from, if it is on this host; never elsewhere."""
    if not address:
        return None
    parts = urlsplit(address)
    if parts.netloc and parts.netloc != request.host:
        return None
    path = parts.path
    if not path.startswith("/") or path.startswith("//") or "\\" in address or party_of(path) == PARTY:
        return None
    return path + (f"?{parts.query}" if parts.query else "")
