"""Steps on S-TOKEN トークン発行 (P13): the issued token's サービスID and ユーザID, and where its mail went."""

from __future__ import annotations

from pytest_bdd import parsers, then

from pages.token_issue import TokenIssuePage
from steps.common import held


@then(parsers.re(r"送付先メールアドレス「(?P<mail>[^」]+)」とトークン情報が表示される"), target_fixture="token")
def token_shown(phone, world, persona, mail):
    """The token the bank issued; what the screen gives the customer is kept to compare with the mail."""
    token = phone.screen(TokenIssuePage).expect_token(mail)
    otp = held(world, persona, "otp")
    assert (token["service_id"], token["user_id"]) == (otp["service_id"], otp["user_id"])
    return token
