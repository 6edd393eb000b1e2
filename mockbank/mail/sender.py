"""The bank's outbound mail: a Japanese text mail over SMTP to the configured server."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from flask import current_app, render_template

from mockbank import applied, journal, worlds
from mockbank.db import db
from mockbank.mail import BANK_DOMAIN, OTP_DOMAIN


def send_mail(to: str, sender: str, sender_name: str, subject: str, template: str, **context) -> bool:
    """Render `template` and send it; True if the server took it, False if the mailbox refused it."""
    message = EmailMessage()
    message["From"] = formataddr((sender_name, sender))
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    for name, value in worlds.headers().items():
        message[name] = value  # the world the mail is sent from; the capturing server delivers it there
    message.set_content(render_template(template, **context), charset="utf-8")
    config = current_app.config
    try:
        with smtplib.SMTP(
            config["SMTP_HOST"], int(config["SMTP_PORT"]), timeout=10, local_hostname=worlds.helo_name()
        ) as smtp:
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused:
        delivered, problem = False, "refused by the mailbox"
    except (smtplib.SMTPException, OSError) as error:  # the mail server is down: the bank carries on, and says so
        delivered, problem = False, f"mail server unreachable: {type(error).__name__}"
        current_app.logger.warning("mail to %s not sent: %s", to, error)
    else:
        delivered, problem = True, None
        if sender.rpartition("@")[2] in (BANK_DOMAIN, OTP_DOMAIN):
            applied.passed("R-TOKEN-MAIL")  # sent from the domain the manual asks customers to accept
    journal.record(
        "mail", to=to, sender=sender, subject=subject, delivered=delivered, **({"problem": problem} if problem else {})
    )
    db.session.commit()
    return delivered
