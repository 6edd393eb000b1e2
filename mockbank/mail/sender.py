"""The bank's outbound mail: a Japanese text mail over SMTP to the configured server."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from flask import current_app, render_template

from mockbank import journal
from mockbank.db import db


def send_mail(to: str, sender: str, sender_name: str, subject: str, template: str, **context) -> bool:
    """Render `template` and send it; True if the server took it, False if the mailbox refused it."""
    message = EmailMessage()
    message["From"] = formataddr((sender_name, sender))
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    message.set_content(render_template(template, **context), charset="utf-8")
    config = current_app.config
    try:
        with smtplib.SMTP(config["SMTP_HOST"], int(config["SMTP_PORT"]), timeout=10) as smtp:
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused:
        delivered = False
    else:
        delivered = True
    journal.record("mail", to=to, sender=sender, subject=subject, delivered=delivered)
    db.session.commit()
    return delivered
