"""The bank's records: customers, their accounts and registered phones, secret answers and OTP applications."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mockbank.db import db

# Where a customer stands in onboarding (J-NEW, J-INIT); each step unlocks the next.
STEP_LOGIN_ID = "login_id"  # SID001 → ログインID取得 still to do
STEP_FIRST_LOGIN = "first_login"  # login ID taken, 初回ログイン still to do
STEP_QA = "qa"  # new contract: 追加認証登録 (P8) next
STEP_PW = "pw"  # new contract: パスワード変更 (P9) next (R-PW-CHANGE)
STEP_INFO = "info"  # お客さま情報登録 (P10–P11) next
STEP_OTP = "otp"  # ワンタイムパスワード利用申請 (P12) next
STEP_DONE = "done"  # uses つないでネ！ット

# The onboarding steps in order; a customer cannot reach a later one before finishing earlier ones.
STEPS = (STEP_LOGIN_ID, STEP_FIRST_LOGIN, STEP_QA, STEP_PW, STEP_INFO, STEP_OTP, STEP_DONE)

CONTRACT_NEW = "new"  # 新規契約: temp passwords from the 仮パスワード通知書
CONTRACT_ID_INITIALISED = "id_initialised"  # ログインIDを初期化: latest passwords
CONTRACT_ACTIVE = "active"  # 既にご利用中


class Customer(db.Model):
    """A つないでネ！ット contract: credentials (hashed), onboarding step, lockout state."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    name_kana: Mapped[str] = mapped_column(String(60))
    contract: Mapped[str] = mapped_column(String(20))
    step: Mapped[str] = mapped_column(String(20))
    login_id: Mapped[str | None] = mapped_column(String(12), unique=True)
    login_pw_hash: Mapped[str] = mapped_column(String(256))
    confirm_pw_hash: Mapped[str] = mapped_column(String(256))
    failed_attempts: Mapped[int] = mapped_column(default=0)
    session_number: Mapped[int] = mapped_column(default=0)  # moves on when every open session must end
    locked: Mapped[bool] = mapped_column(default=False)
    last_login_at: Mapped[datetime | None]
    previous_login_at: Mapped[datetime | None]  # the login before the last one: S-HOME's 前回ログイン日時
    mail: Mapped[str | None] = mapped_column(String(254))
    tel: Mapped[str | None] = mapped_column(String(20))
    select_email: Mapped[bool] = mapped_column(default=True)  # セレクトEメールサービス 利用中
    otp_card: Mapped[bool] = mapped_column(default=False)  # holds a ワンタイムパスカード (R-LIMIT 300万円)
    mail_password_active: Mapped[bool] = mapped_column(default=False)  # メール通知パスワード for PC (R-MAILPW)
    # The メール通知パスワード last mailed (R-MAILPW): hashed, until when (world time, naive JST), and the login
    # attempt it belongs to (the session of that attempt holds the same key); cleared once used.
    mail_pw_hash: Mapped[str | None] = mapped_column(String(256))
    mail_pw_expires_at: Mapped[datetime | None]
    mail_pw_attempt: Mapped[str | None] = mapped_column(String(32))
    secret_answers: Mapped[list[SecretAnswer]] = relationship(order_by="SecretAnswer.id", cascade="all, delete-orphan")
    accounts: Mapped[list[Account]] = relationship(
        back_populates="customer", order_by="Account.id", cascade="all, delete-orphan"
    )
    phones: Mapped[list[RegisteredPhone]] = relationship(order_by="RegisteredPhone.id", cascade="all, delete-orphan")

    @property
    def representative_account(self) -> Account:
        """お申込代表口座: the account SID001 asks for."""
        return next(a for a in self.accounts if a.representative)


class Account(db.Model):
    """A deposit account: 店番, 科目 and a 7-digit 口座番号."""

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    branch_code: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(4))
    number: Mapped[str] = mapped_column(String(7))
    representative: Mapped[bool] = mapped_column(default=False)
    transfer_limit: Mapped[int | None]  # 万円 a day; 0 means no transfers from this account (R-LIMIT)
    balance: Mapped[int] = mapped_column(default=0)  # 残高, in yen (S-HOME)
    customer: Mapped[Customer] = relationship(back_populates="accounts")

    __table_args__ = (db.UniqueConstraint("branch_code", "kind", "number"),)


class RegisteredPhone(db.Model):
    """A phone number the customer registered with the bank: S-OTPAPP lists them, S-TEL's call must come from one."""

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    number: Mapped[str] = mapped_column(String(20))


# Where an OTP application stands (P12–P13): one is open (calling or verified) at a time per customer.
OTP_CALLING = "calling"  # S-OTPAPP submitted, a pending token at the issuer; S-TEL waits for the call
OTP_VERIFIED = "verified"  # the call from the picked phone came in time (R-TEL-CLI, R-TEL-120); not yet issued
OTP_ISSUED = "issued"  # the issuer issued the token (S-TOKEN); the customer's onboarding is done
OTP_EXPIRED = "expired"  # no call in time (R-TEL-120): the customer starts again; its token revoked
OTP_SUPERSEDED = "superseded"  # a newer submission took its place; its token revoked
OTP_CANCELLED = "cancelled"  # 中止する on S-OTPAPP while it was open (R-CANCEL); its token revoked
OTP_FAILED = "failed"  # the issuer refused to issue its token (e.g. it expired there); the customer starts again
OTP_OPEN = (OTP_CALLING, OTP_VERIFIED)


class OtpApplication(db.Model):
    """ワンタイムパスワード利用申請 (S-OTPAPP): the token's mail, the phone picked for the call, the issuer's token.

    The 利用開始パスワード is never kept: it goes to the issuer only. Times are world time, naive JST.
    """

    __tablename__ = "otp_application"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)  # the application's key at the issuer (idempotent)
    mail: Mapped[str] = mapped_column(String(254))  # 送付先メールアドレス
    phone_id: Mapped[int] = mapped_column(ForeignKey("registered_phone.id"))  # the registered phone picked (R-TEL-PICK)
    state: Mapped[str] = mapped_column(String(12), default=OTP_CALLING)
    token: Mapped[str] = mapped_column(String(64))  # the issuer's opaque reference to the token
    service_id: Mapped[str] = mapped_column(String(8))
    user_id: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    shown_at: Mapped[datetime | None]  # when S-TEL first showed: the 120 s start (R-TEL-120)
    verified_at: Mapped[datetime | None]
    issued_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # expired, superseded or failed
    mail_delivered: Mapped[bool | None]  # the issuer's word on its 「トークン発行ご案内」 mail
    phone: Mapped[RegisteredPhone] = relationship()


class SecretAnswer(db.Model):
    """秘密の質問 and its answer, hashed exactly as typed (R-QA-EXACT)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    question: Mapped[str] = mapped_column(String(60))
    answer_hash: Mapped[str] = mapped_column(String(256))


# R-RBA (§2(4)): the devices each customer has logged in from, and the secret question a login is being asked.


class KnownDevice(db.Model):
    """A device the customer has logged in from (or onboarded on): a login from it asks no secret question (R-RBA).

    `device` is the identity the device gives the bank (mockbank/bank/services/risk_based_auth.py current_device());
    first and last seen on the world clock, naive JST.
    """

    __tablename__ = "known_device"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    device: Mapped[str] = mapped_column(String(64))
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]

    __table_args__ = (db.UniqueConstraint("customer_id", "device"),)


class RbaQuestion(db.Model):
    """The secret question the customer's logins from unknown devices are asked until it is answered right (R-RBA).

    One per customer: a reload, a new login or another device gets the same question, so no one can fish for the
    one they know; a right answer clears it and the next unusual login draws again.
    """

    __tablename__ = "rba_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), unique=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("secret_answer.id"))
    asked_at: Mapped[datetime]
    answer: Mapped[SecretAnswer] = relationship()


class BiometricCredential(db.Model):
    """A phone's biometric login (S-BIO-SET, P18): a WebAuthn credential the bank verified, for one customer.

    Only public data: the credential's ID, its COSE public key and the authenticator's signature count (R-BIO-LOGIN:
    a count that does not grow means a copy of the key signs elsewhere). `device` is the identity the phone sent at
    registration (X-Mockbank-Device; none from a person's own phone). `user_handle` is the random handle the phone
    stores with the credential. Revoked, never deleted: a reissued token (R-REISSUE-OLD), a cloned authenticator,
    or the same phone registering again. Times are world time, naive JST.
    """

    __tablename__ = "biometric_credential"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    credential_id: Mapped[bytes] = mapped_column(unique=True)
    public_key: Mapped[bytes]
    sign_count: Mapped[int] = mapped_column(default=0)
    user_handle: Mapped[bytes]
    device: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked: Mapped[bool] = mapped_column(default=False)
    revoked_why: Mapped[str | None] = mapped_column(String(20))
    customer: Mapped[Customer] = relationship()


# --- トークン再発行 (P20, issue 17 "reissue") ---------------------------------------------------------------------


class TokenReissue(db.Model):
    """トークン再発行 (S-REISSUE-AUTH → S-REISSUE → S-TEL → S-TOKEN): the OTP application a reissue made.

    The application is an ordinary one (OtpApplication) whose token the issuer knows as a reissue: once the
    new phone sets it up, the issuer revokes the customer's other tokens (R-REISSUE-OLD). Times: world, naive JST.
    """

    __tablename__ = "token_reissue"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("otp_application.id"), unique=True)
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]  # when the bank first found the new token set up (token_in_use)
    application: Mapped[OtpApplication] = relationship()
