"""The phone network's records: every call placed, as a network keeps a call detail record (table phone_call)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from mockbank.clock import JST
from mockbank.db import db

# How a call ended (Call.outcome).
DELIVERED = "delivered"  # the bank's 0120 line took the call: it rang 2–3 times and hung up (P13)
LINE_UNREACHABLE = "line_unreachable"  # the 0120 line's owner did not take it: no ringing tone, the call dropped
NO_SUCH_NUMBER = "no_such_number"  # no line answers at that number in this world
NETWORK_DOWN = "network_down"  # the phone network is down (a fault): the call never left the phone


class Call(db.Model):
    """One call: from which line, caller ID shown or withheld, to which number, when (world time), how it ended."""

    __tablename__ = "phone_call"

    id: Mapped[int] = mapped_column(primary_key=True)
    caller: Mapped[str] = mapped_column(String(20))  # digits of the calling line, known to the network even if withheld
    caller_id_shown: Mapped[bool]  # 番号通知 (True) or 非通知 (False, by the phone's setting or a 184 prefix)
    called: Mapped[str] = mapped_column(String(20), index=True)  # digits dialled, without a 184/186 prefix
    at: Mapped[datetime]  # world time (JST, stored without its zone) when the call was placed
    rings: Mapped[int] = mapped_column(default=0)  # ringing tones the caller heard: 2 or 3 on a connected call, else 0
    connected: Mapped[bool] = mapped_column(default=False)  # the network put the call through to a line that rang
    delivered_to: Mapped[str | None] = mapped_column(String(20))  # the party that took the call ("bank"), if any
    outcome: Mapped[str] = mapped_column(String(20))

    @property
    def presented_caller(self) -> str | None:
        """The caller's number as the called line sees it: None when withheld (非通知)."""
        return self.caller if self.caller_id_shown else None

    @property
    def delivered(self) -> bool:
        """Whether the called line's owner took the call."""
        return self.delivered_to is not None

    @property
    def placed_at(self) -> str:
        """When the call was placed, in ISO 8601 with JST's offset: as the network tells the bank."""
        return self.at.replace(tzinfo=JST).isoformat()

    def as_dict(self) -> dict:
        """The call as the control API returns it: its time with its zone, and whether it was delivered."""
        return super().as_dict() | {"at": self.placed_at, "delivered": self.delivered}
