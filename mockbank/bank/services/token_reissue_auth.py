"""トークン再発行：認証方法選択 (S-REISSUE-AUTH, P20): the customer proves who they are with ログインID and ログインパスワード.

No token is asked for: the phone that holds it is the one the customer no longer has. A wrong ID or password
gets R-LOGIN-MATCH's words (never which was wrong) and a wrong password counts toward R-LOCKOUT, as at ログイン;
a locked customer is told so only with the right password. Nothing is logged in: the session holds the
customer for the reissue alone (progress.REISSUE), never for S-HOME.
"""

from __future__ import annotations

from mockbank import applied, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused
from mockbank.bank.models import STEP_DONE, Customer
from mockbank.bank.services.credentials import check_credentials
from mockbank.db import db

SCREEN = "S-REISSUE-AUTH"


def authenticate(login_id: str, password: str) -> Customer:
    """The customer whose ログインID and ログインパスワード these are, who may reissue their token (R-REISSUE)."""
    customer = check_credentials(login_id, password, SCREEN)
    lockout.check_password(customer, True, SCREEN, rules.LOGIN_MISMATCH)  # the right password ends a run of failures
    if customer.step != STEP_DONE:
        db.session.commit()
        raise Refused(rules.REISSUE_NOT_IN_USE, customer=customer)
    applied.passed("R-REISSUE")
    journal.record("reissue_auth", screen=SCREEN, customer=customer)
    db.session.commit()
    return customer
