"""Steps on S-APPLY つないでネ！ットのお申込み (J-APPLY, §2(1))."""

from __future__ import annotations

from pytest_bdd import parsers, then

from pages.apply import ApplyPage


@then(parsers.re(r"「(?P<first>.+)」と「(?P<second>.+)」が案内される"))
def ways_to_apply_shown(phone, first, second):
    phone.screen(ApplyPage).expect_ways(first, second)
