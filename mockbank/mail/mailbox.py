"""M-MAIL: the customer's mailbox, for a person to read mail and set 迷惑メール拒否設定."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for

from mockbank.db import db
from mockbank.mail import bp
from mockbank.mail.domains import DomainRefused, valid_domain
from mockbank.mail.models import Mail, RejectedDomain


def mails_for(address: str) -> list[Mail]:
    """A mailbox's mail, newest first."""
    return list(db.session.scalars(db.select(Mail).where(Mail.mailbox == address.lower()).order_by(Mail.id.desc())))


def rejected_domains(address: str) -> list[str]:
    """The sender domains a mailbox refuses."""
    query = db.select(RejectedDomain.domain).where(RejectedDomain.mailbox == address.lower())
    return list(db.session.scalars(query.order_by(RejectedDomain.domain)))


def set_rejected(address: str, domain: str, rejected: bool) -> None:
    """Add one well-formed domain to a mailbox's 迷惑メール拒否設定 (else DomainRefused, nothing saved), or remove one."""
    address = address.lower()
    domain = valid_domain(domain) if rejected else str(domain).strip(" ").lower()
    existing = db.session.scalar(
        db.select(RejectedDomain).where(RejectedDomain.mailbox == address, RejectedDomain.domain == domain)
    )
    if rejected and existing is None:
        db.session.add(RejectedDomain(mailbox=address, domain=domain))
    if not rejected and existing is not None:
        db.session.delete(existing)
    db.session.commit()


@bp.get("/")
def index():
    """メールボックス: open any address's mailbox."""
    address = request.args.get("address", "").strip()
    if address:
        return redirect(url_for("mail.inbox", address=address))
    return render_template("mail/index.html")


@bp.get("/<address>/")
def inbox(address: str):
    """受信トレイ: the mail delivered to `address`."""
    return render_template("mail/mailbox.html", address=address, mails=mails_for(address))


@bp.get("/<address>/<int:mail_id>")
def read(address: str, mail_id: int):
    """One mail, as the customer reads it."""
    mail = db.session.get(Mail, mail_id)
    if mail is None or mail.mailbox != address.lower():
        abort(404)
    return render_template("mail/read.html", address=address, mail=mail)


@bp.route("/<address>/settings", methods=("GET", "POST"))
def settings(address: str):
    """迷惑メール拒否設定: the sender domains this mailbox refuses; a malformed one is refused on the same screen."""
    problems = []
    if request.method == "POST":
        try:
            set_rejected(address, request.form.get("domain", ""), request.form.get("action") == "reject")
            return redirect(url_for("mail.settings", address=address))
        except DomainRefused as refused:
            problems = [{"field": "domain", "message": refused.description}]
    return render_template(
        "mail/settings.html",
        address=address,
        domains=rejected_domains(address),
        problems=problems,
        typed=request.form.get("domain", "") if problems else "",
    )
