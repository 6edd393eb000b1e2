"""初回ログイン (S-LOGIN1, P7): the new login ID with the temp (or latest) login password."""

from __future__ import annotations

from mockbank.bank.models import Customer
from mockbank.bank.services.credentials import check_credentials, complete_login


def authenticate(login_id: str, password: str, screen: str) -> Customer:
    """初回ログイン (S-LOGIN1, P7): the customer whose login ID and password these are, logged in."""
    return complete_login(check_credentials(login_id, password, screen), screen)
