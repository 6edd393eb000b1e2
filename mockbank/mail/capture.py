"""The capturing SMTP server (aiosmtpd): delivers mail into mailboxes, honouring 迷惑メール拒否設定.

Each mail is delivered in the world it was sent from: the sender's EHLO name
says which from the start of the session (MAIL and RCPT meet that world's
faults and junk-mail settings), and the mail's X-Mockbank-World header, where
it has one, says where DATA stores it (mockbank.worlds).
"""

from __future__ import annotations

import asyncio
import socket
from contextlib import contextmanager
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller
from flask import Flask

from mockbank import clock, journal, worlds
from mockbank.db import db
from mockbank.faults import faults
from mockbank.mail.models import Mail, RejectedDomain

REJECTED = "550 5.7.1 Rejected by the recipient's junk-mail settings"
UNAVAILABLE = "421 4.3.2 Service not available, closing transmission channel"
NO_WORLD = "550 5.1.0 No such world here (dropped, or never made)"


class MailboxHandler:
    """aiosmtpd handler: refuses a recipient whose mailbox rejects the sender's domain, stores the rest."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    @contextmanager
    def world(self, name: str):
        """The app, in world `name`, for one step of the SMTP conversation (worlds.UnknownWorld if it is gone)."""
        with self.app.app_context():
            worlds.enter(name)
            yield

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        """A mail server the control API put down answers 421, as a real one does during an outage."""
        try:
            with self.world(worlds.world_of_helo(session.host_name)):
                fault = faults().of("mail")
        except worlds.UnknownWorld:
            return NO_WORLD
        if fault and fault["delay"]:
            await asyncio.sleep(fault["delay"])
        if fault and fault["down"]:
            return UNAVAILABLE
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        sender_domain = (envelope.mail_from or "").rpartition("@")[2].lower()
        with self.world(worlds.world_of_helo(session.host_name)):
            if rejects(address, sender_domain):
                journal.record("mail_refused", rule="R-TOKEN-MAIL", to=address, sender=envelope.mail_from)
                db.session.commit()
                return REJECTED
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        body = message.get_body(preferencelist=("plain",))
        text = body.get_content().replace("\r\n", "\n") if body is not None else ""  # the wire's CRLF is not the text's
        named = str(message.get(worlds.HEADER, "")).strip()
        try:
            with self.world(named if worlds.NAME.fullmatch(named) else worlds.world_of_helo(session.host_name)):
                self.deliver(envelope, message, text)
        except worlds.UnknownWorld:
            return NO_WORLD
        return "250 Message accepted for delivery"

    def deliver(self, envelope, message, text: str) -> None:
        """Store the mail in each recipient's mailbox of the world entered."""
        for address in envelope.rcpt_tos:
            db.session.add(
                Mail(
                    at=clock.now().replace(tzinfo=None),
                    mailbox=address.lower(),
                    sender=envelope.mail_from,
                    subject=str(message.get("Subject", "")),
                    body=text,
                )
            )
        db.session.commit()


def rejects(address: str, sender_domain: str) -> bool:
    """True where the mailbox's 迷惑メール拒否設定 refuses mail from `sender_domain`."""
    return bool(
        db.session.scalar(
            db.select(RejectedDomain.id).where(
                RejectedDomain.mailbox == address.lower(), RejectedDomain.domain == sender_domain
            )
        )
    )


def start_capture_server(app: Flask) -> Controller:
    """Start the capturing server on a free loopback port, in its own thread."""
    controller = Controller(MailboxHandler(app), hostname="127.0.0.1", port=_free_port(), enable_SMTPUTF8=True)
    controller.start()
    return controller


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
