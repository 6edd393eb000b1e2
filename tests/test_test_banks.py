"""The test banks themselves (tests/settings.py): on PostgreSQL a test's schema, emptied, serves the next test."""

from __future__ import annotations

import os

import pytest
from sqlalchemy.engine import make_url

from mockbank import create_app
from tests.settings import bank_settings, banks_of_one_test, stop_mail_capture

pytestmark = pytest.mark.skipif(
    not os.environ.get("MOCKBANK_DATABASE_URL", "").startswith("postgresql"),
    reason="on SQLite every test bank is a new file: nothing is taken again",
)


def schema_of(app) -> str:
    """The schema a test bank keeps its tables in (its connection's search_path)."""
    return make_url(app.config["SQLALCHEMY_DATABASE_URI"]).query["options"].removeprefix("-csearch_path=")


def test_the_next_tests_bank_takes_the_schema_back_with_no_rows_counters_from_one_and_no_worlds(tmp_path):
    with banks_of_one_test():  # one test: a customer, and a world with a customer of its own
        first = create_app(bank_settings(tmp_path / "first.sqlite"))
        control = first.test_client()
        made = control.post("/_control/personas", json={"kind": "active"}).get_json()
        assert control.post("/_control/worlds", json={"name": "kept"}).status_code == 201
        control.post("/_control/personas", json={"kind": "active"}, headers={"X-Mockbank-World": "kept"})
        used = schema_of(first)
        stop_mail_capture(first)
    with banks_of_one_test():  # the next test
        second = create_app(bank_settings(tmp_path / "second.sqlite"))
        control = second.test_client()
        assert schema_of(second) == used
        assert control.get(f"/_control/customers/{made['customer_id']}").status_code == 404
        assert [w["name"] for w in control.get("/_control/worlds").get_json()] == ["default"]
        again = control.post("/_control/personas", json={"kind": "active"}).get_json()
        assert again["customer_id"] == made["customer_id"]  # the counters start again where a new schema's do
        assert again["login_id"] == made["login_id"]  # personas are numbered by the customers there are
        stop_mail_capture(second)


@pytest.fixture(scope="module")
def module_bank(tmp_path_factory):
    """A bank a module's tests share: made before any one test's banks, kept after each."""
    app = create_app(bank_settings(tmp_path_factory.mktemp("module") / "module.sqlite"))
    yield app
    stop_mail_capture(app)


def test_two_banks_of_one_test_never_share_a_schema_and_a_modules_bank_is_never_taken(module_bank, tmp_path):
    control = module_bank.test_client()
    customer = control.post("/_control/personas", json={"kind": "active"}).get_json()["customer_id"]
    made = []
    for test in range(3):  # three tests one after the other, the next taking what the last gave back
        with banks_of_one_test():
            made.append([create_app(bank_settings(tmp_path / f"{test}-{n}.sqlite")) for n in range(2)])
    schemas = [[schema_of(app) for app in apps] for apps in made]
    assert all(len(set(pair)) == 2 and set(pair) == set(schemas[0]) for pair in schemas)
    assert schema_of(module_bank) not in sum(schemas, [])
    assert control.get(f"/_control/customers/{customer}").status_code == 200
    for app in sum(made, []):
        stop_mail_capture(app)
