"""店番一覧: the branches a persona's account can live at (the 店番 help link on SID001 shows them)."""

from __future__ import annotations

BRANCHES: dict[str, str] = {
    "001": "本店営業部",
    "002": "青森駅前支店",
    "003": "古川支店",
    "010": "浪館支店",
    "011": "浜田支店",
    "101": "弘前支店",
    "102": "弘前城東支店",
    "201": "八戸支店",
    "202": "八戸中央支店",
    "301": "十和田支店",
    "302": "三沢支店",
    "401": "むつ支店",
    "501": "五所川原支店",
    "502": "黒石支店",
    "601": "盛岡支店",
    "701": "函館支店",
    "801": "仙台支店",
}


def branch_name(code: str) -> str:
    """The branch's name, or the code itself where the catalogue has none."""
    return BRANCHES.get(code, code)
