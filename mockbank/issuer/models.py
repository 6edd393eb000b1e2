"""The issuer's records (otp-auth.net): one token per OTP application, with the TOTP secret only it keeps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from mockbank.db import db

# A token's life: created at S-OTPAPP's submission, issued once the phone check passed (its mail goes out),
# activated by the app's 初期設定 on one device, revoked when its application is superseded or abandoned.
# A pending token left too long reads as expired; a token locked by failures keeps its state and is `locked`.
PENDING = "pending"
ISSUED = "issued"
ACTIVATED = "activated"
REVOKED = "revoked"
EXPIRED = "expired"  # read, never stored: a pending token older than ISSUER_PENDING_MINUTES of world time


class IssuerToken(db.Model):
    """A soft token for つないでネ！ット: サービスID + ユーザID, a hashed start password, and the TOTP secret."""

    __tablename__ = "issuer_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)  # the opaque reference the bank holds
    bank_ref: Mapped[str] = mapped_column(String(64))  # whom the bank issued it for (its customer ID)
    application: Mapped[str] = mapped_column(String(64), unique=True)  # the bank's application: one token each
    mail: Mapped[str] = mapped_column(String(254))
    start_password_hash: Mapped[str] = mapped_column(String(256))  # 利用開始パスワード, salted hash only
    service_id: Mapped[str] = mapped_column(String(4))
    user_id: Mapped[str] = mapped_column(String(7), unique=True)
    secret: Mapped[str] = mapped_column(String(64))  # base32 TOTP seed: leaves the issuer once, to the app
    state: Mapped[str] = mapped_column(String(12), default=PENDING)
    created_at: Mapped[datetime]  # world time, naive JST, as the journal keeps it
    issued_at: Mapped[datetime | None]
    mail_delivered: Mapped[bool | None]
    activated_at: Mapped[datetime | None]
    device: Mapped[str | None] = mapped_column(String(128))  # the device the app was set up on (R-APP-BIND)
    revoked_at: Mapped[datetime | None]
    setup_failures: Mapped[int] = mapped_column(default=0)  # wrong 初期設定 entries (R-APP-SETUP)
    verify_failures: Mapped[int] = mapped_column(default=0)  # consecutive refused codes (R-LOCKOUT)
    locked_at: Mapped[datetime | None]
    last_counter: Mapped[int | None]  # the TOTP step last accepted: never again (R-OTP-ONCE)
    # トークン再発行 (P20, R-REISSUE): a reissued token's mail is 「青森みちのく銀行トークン発行のご案内」, and once it is
    # set up the customer's other tokens are revoked for good, each naming the token that replaced it (R-REISSUE-OLD).
    reissue: Mapped[bool] = mapped_column(default=False)
    replaced_by: Mapped[str | None] = mapped_column(String(32))
