"""The database: a file an older version of the mock left is rebuilt at start; this version's own is kept."""

from __future__ import annotations

import sqlite3

from sqlalchemy import inspect

from mockbank.db import db, older_tables


def test_a_database_an_older_version_left_is_emptied_and_rebuilt(tmp_path, make_app, capsys):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as old:  # the bank's registered phones were the table "phone" before
        old.execute("CREATE TABLE phone (id INTEGER PRIMARY KEY, customer_id INTEGER, number VARCHAR(20))")
        old.execute("INSERT INTO phone VALUES (1, 1, '09012345678')")
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}")
    with app.app_context():
        assert "phone" not in inspect(db.engine).get_table_names()
        assert "registered_phone" in inspect(db.engine).get_table_names()
        assert older_tables() == []
    assert "['phone'] are from an older version" in capsys.readouterr().out


def test_this_versions_database_keeps_its_rows_across_starts(tmp_path, make_app, capsys):
    uri = f"sqlite:///{tmp_path / 'kept.sqlite'}"
    first = make_app(SQLALCHEMY_DATABASE_URI=uri)
    persona = first.test_client().post("/_control/personas", json={"kind": "active"}).get_json()
    again = make_app(SQLALCHEMY_DATABASE_URI=uri)
    assert again.test_client().get(f"/_control/customers/{persona['customer_id']}").status_code == 200
    assert "older version" not in capsys.readouterr().out
