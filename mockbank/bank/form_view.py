"""The bank's form screens (P5–P11): shown, abandoned (R-CANCEL), refused with the bank's messages, or done."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import redirect, render_template, request, url_for

from mockbank import journal
from mockbank.bank.errors import Refused
from mockbank.bank.progress import abandon


def form_view(
    screen: str,
    template: str,
    *,
    cancel: bool = False,
    on_cancel: Callable[..., None] | None = None,
    initial: Callable[..., dict] | None = None,
    context: Callable[..., dict] | None = None,
    **values,
):
    """Make a form screen's view from its success path: `submitted(form, *customer)` runs the service, returns where next.

    A GET shows the screen (its form from `initial`, if any); 中止する abandons it
    when `cancel` (R-CANCEL); a Refused from the service is journalled and the
    screen comes back with the bank's messages and what the customer typed.
    `context` and `values` are what else the template shows.
    """

    def decorate(submitted: Callable[..., str]):
        @wraps(submitted)
        def view(*customer):
            who = customer[0] if customer else None
            shown = {**values, **(context(*customer) if context else {}), **({"customer": who} if customer else {})}
            if request.method != "POST":
                return render_template(template, form=initial(*customer) if initial else {}, problems=[], **shown)
            if cancel and request.form.get("action") == "cancel":
                if on_cancel is not None:
                    on_cancel(*customer)
                return abandon(screen, *customer)
            try:
                endpoint = submitted(request.form, *customer)
            except Refused as refused:
                journal.refused(screen, refused.problems, refused.customer or who)
                return render_template(template, form=request.form, problems=refused.problems, **shown)
            return redirect(url_for(endpoint))

        return view

    return decorate
