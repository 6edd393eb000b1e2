"""serve's demo customers: made once when the bank is new, printed again at each later start, never duplicated."""

from __future__ import annotations

from sqlalchemy import func, select

from mockbank.bank.models import Customer
from mockbank.db import db, empty_world
from mockbank.demo import DEMO_FILE, DEMO_KINDS, demo_customers, make_demo_customers


def customers() -> int:
    return db.session.scalar(select(func.count(Customer.id)))


def test_a_new_bank_gets_one_demo_customer_of_each_kind(app, tmp_path):
    with app.app_context():
        made = demo_customers(tmp_path)
        assert [label for label, _ in made] == [label for label, _ in DEMO_KINDS]
        assert customers() == len(DEMO_KINDS)
    assert oct((tmp_path / DEMO_FILE).stat().st_mode & 0o777) == "0o600"  # it holds their passwords


def test_a_restart_prints_the_same_customers_and_makes_none(app, tmp_path):
    with app.app_context():
        first = demo_customers(tmp_path)
        again = demo_customers(tmp_path)
        assert again == first
        assert customers() == len(DEMO_KINDS)


def test_a_bank_already_in_use_gets_no_demo_customers_it_did_not_ask_for(app, seed, tmp_path):
    seed("active")
    with app.app_context():
        assert demo_customers(tmp_path) == []
        assert customers() == 1


def test_an_emptied_bank_gets_new_demo_customers(app, tmp_path):
    with app.app_context():
        demo_customers(tmp_path)
        empty_world()
        assert customers() == 0
        made = demo_customers(tmp_path)
        assert len(made) == len(DEMO_KINDS) and customers() == len(DEMO_KINDS)
        assert demo_customers(tmp_path) == made


def test_the_demo_command_makes_more_on_request(app, tmp_path):
    with app.app_context():
        demo_customers(tmp_path)
        make_demo_customers(tmp_path)
        assert customers() == 2 * len(DEMO_KINDS)
        assert len(demo_customers(tmp_path)) == len(DEMO_KINDS)  # the latest set, as the file keeps it
