"""The tables as of issue 17, the last of the drop-and-rebuild era.

Revision ID: 0001
Revises:
Create Date: 2026-12-07 08:11:34.831320
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create every table of issue 17."""
    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("name_kana", sa.String(length=60), nullable=False),
        sa.Column("contract", sa.String(length=20), nullable=False),
        sa.Column("step", sa.String(length=20), nullable=False),
        sa.Column("login_id", sa.String(length=12), nullable=True),
        sa.Column("login_pw_hash", sa.String(length=256), nullable=False),
        sa.Column("confirm_pw_hash", sa.String(length=256), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("session_number", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("previous_login_at", sa.DateTime(), nullable=True),
        sa.Column("mail", sa.String(length=254), nullable=True),
        sa.Column("tel", sa.String(length=20), nullable=True),
        sa.Column("select_email", sa.Boolean(), nullable=False),
        sa.Column("otp_card", sa.Boolean(), nullable=False),
        sa.Column("mail_password_active", sa.Boolean(), nullable=False),
        sa.Column("mail_pw_hash", sa.String(length=256), nullable=True),
        sa.Column("mail_pw_expires_at", sa.DateTime(), nullable=True),
        sa.Column("mail_pw_attempt", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("login_id", name=op.f("uq_customer_login_id")),
    )
    op.create_table(
        "issuer_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("bank_ref", sa.String(length=64), nullable=False),
        sa.Column("application", sa.String(length=64), nullable=False),
        sa.Column("mail", sa.String(length=254), nullable=False),
        sa.Column("start_password_hash", sa.String(length=256), nullable=False),
        sa.Column("service_id", sa.String(length=4), nullable=False),
        sa.Column("user_id", sa.String(length=7), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("mail_delivered", sa.Boolean(), nullable=True),
        sa.Column("activated_at", sa.DateTime(), nullable=True),
        sa.Column("device", sa.String(length=128), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("setup_failures", sa.Integer(), nullable=False),
        sa.Column("verify_failures", sa.Integer(), nullable=False),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.Column("last_counter", sa.Integer(), nullable=True),
        sa.Column("reissue", sa.Boolean(), nullable=False),
        sa.Column("replaced_by", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issuer_token")),
        sa.UniqueConstraint("application", name=op.f("uq_issuer_token_application")),
        sa.UniqueConstraint("token", name=op.f("uq_issuer_token_token")),
        sa.UniqueConstraint("user_id", name=op.f("uq_issuer_token_user_id")),
    )
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("screen", sa.String(length=20), nullable=True),
        sa.Column("rule", sa.String(length=20), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entry")),
    )
    op.create_table(
        "mail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("mailbox", sa.String(length=254), nullable=False),
        sa.Column("sender", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail")),
    )
    with op.batch_alter_table("mail", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mail_mailbox"), ["mailbox"], unique=False)

    op.create_table(
        "phone_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("caller", sa.String(length=20), nullable=False),
        sa.Column("caller_id_shown", sa.Boolean(), nullable=False),
        sa.Column("called", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("rings", sa.Integer(), nullable=False),
        sa.Column("connected", sa.Boolean(), nullable=False),
        sa.Column("delivered_to", sa.String(length=20), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_call")),
    )
    with op.batch_alter_table("phone_call", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phone_call_called"), ["called"], unique=False)

    op.create_table(
        "rejected_domain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mailbox", sa.String(length=254), nullable=False),
        sa.Column("domain", sa.String(length=254), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejected_domain")),
        sa.UniqueConstraint("mailbox", "domain", name=op.f("uq_rejected_domain_mailbox_domain")),
    )
    with op.batch_alter_table("rejected_domain", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rejected_domain_mailbox"), ["mailbox"], unique=False)

    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("branch_code", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("number", sa.String(length=7), nullable=False),
        sa.Column("representative", sa.Boolean(), nullable=False),
        sa.Column("transfer_limit", sa.Integer(), nullable=True),
        sa.Column("balance", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], name=op.f("fk_account_customer_id_customer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("branch_code", "kind", "number", name=op.f("uq_account_branch_code_kind_number")),
    )
    op.create_table(
        "biometric_credential",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("credential_id", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("sign_count", sa.Integer(), nullable=False),
        sa.Column("user_handle", sa.LargeBinary(), nullable=False),
        sa.Column("device", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("revoked_why", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_biometric_credential_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_biometric_credential")),
        sa.UniqueConstraint("credential_id", name=op.f("uq_biometric_credential_credential_id")),
    )
    with op.batch_alter_table("biometric_credential", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_biometric_credential_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "known_device",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], name=op.f("fk_known_device_customer_id_customer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_known_device")),
        sa.UniqueConstraint("customer_id", "device", name=op.f("uq_known_device_customer_id_device")),
    )
    with op.batch_alter_table("known_device", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_known_device_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "registered_phone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_registered_phone_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registered_phone")),
    )
    op.create_table(
        "secret_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=60), nullable=False),
        sa.Column("answer_hash", sa.String(length=256), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], name=op.f("fk_secret_answer_customer_id_customer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_secret_answer")),
    )
    op.create_table(
        "otp_application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("mail", sa.String(length=254), nullable=False),
        sa.Column("phone_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("service_id", sa.String(length=8), nullable=False),
        sa.Column("user_id", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("shown_at", sa.DateTime(), nullable=True),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("mail_delivered", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], name=op.f("fk_otp_application_customer_id_customer")),
        sa.ForeignKeyConstraint(
            ["phone_id"], ["registered_phone.id"], name=op.f("fk_otp_application_phone_id_registered_phone")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_otp_application")),
        sa.UniqueConstraint("key", name=op.f("uq_otp_application_key")),
    )
    with op.batch_alter_table("otp_application", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_otp_application_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "rba_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"], ["secret_answer.id"], name=op.f("fk_rba_question_answer_id_secret_answer")
        ),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], name=op.f("fk_rba_question_customer_id_customer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rba_question")),
        sa.UniqueConstraint("customer_id", name=op.f("uq_rba_question_customer_id")),
    )
    op.create_table(
        "token_reissue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"], ["otp_application.id"], name=op.f("fk_token_reissue_application_id_otp_application")
        ),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], name=op.f("fk_token_reissue_customer_id_customer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_token_reissue")),
        sa.UniqueConstraint("application_id", name=op.f("uq_token_reissue_application_id")),
    )
    with op.batch_alter_table("token_reissue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_token_reissue_customer_id"), ["customer_id"], unique=False)


def downgrade() -> None:
    """Drop every table."""
    with op.batch_alter_table("token_reissue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_token_reissue_customer_id"))

    op.drop_table("token_reissue")
    op.drop_table("rba_question")
    with op.batch_alter_table("otp_application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_otp_application_customer_id"))

    op.drop_table("otp_application")
    op.drop_table("secret_answer")
    op.drop_table("registered_phone")
    with op.batch_alter_table("known_device", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_known_device_customer_id"))

    op.drop_table("known_device")
    with op.batch_alter_table("biometric_credential", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_biometric_credential_customer_id"))

    op.drop_table("biometric_credential")
    op.drop_table("account")
    with op.batch_alter_table("rejected_domain", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rejected_domain_mailbox"))

    op.drop_table("rejected_domain")
    with op.batch_alter_table("phone_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_phone_call_called"))

    op.drop_table("phone_call")
    with op.batch_alter_table("mail", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mail_mailbox"))

    op.drop_table("mail")
    op.drop_table("journal_entry")
    op.drop_table("issuer_token")
    op.drop_table("customer")
