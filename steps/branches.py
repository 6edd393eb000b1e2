"""Steps on S-BRANCHES 店番一覧 (P5), where SID001's 「こちら」 leads."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then

from pages.branches import BranchesPage


@then(parsers.re(r"店番「(?P<code>\d+)」の「(?P<name>.+)」が一覧にある"))
def branch_listed(phone, code, name):
    expect(phone.screen(BranchesPage).branch(code, name)).to_be_visible()
