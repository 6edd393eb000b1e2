"""Alembic: the migrations build exactly the models' tables (so a model change without a migration fails here),
and a database of the drop-and-rebuild era is stamped when it matches, rebuilt when it does not."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, MetaData, String, create_engine, inspect

from mockbank.db import MIGRATIONS, alembic_config, db, register_models
from tests.settings import bank_settings, database_settings

register_models()
HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


@pytest.fixture
def engine(tmp_path):
    """An empty database of the run's kind (SQLite, or a fresh PostgreSQL schema under MOCKBANK_DATABASE_URL)."""
    settings = database_settings(tmp_path / "migrated.sqlite")
    engine = create_engine(settings["SQLALCHEMY_DATABASE_URI"], **settings.get("SQLALCHEMY_ENGINE_OPTIONS", {}))
    yield engine
    engine.dispose()


def differences(engine, metadata: MetaData) -> list:
    """What Alembic's autogenerate would write to bring the database to `metadata`."""
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), metadata)


def upgrade(engine, to: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), to)


def test_the_migrations_build_exactly_the_models_tables(engine):
    upgrade(engine)
    assert differences(engine, db.metadata) == []
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == HEAD


def test_a_model_changed_without_a_migration_is_caught(engine):
    upgrade(engine)
    changed = MetaData(naming_convention=db.metadata.naming_convention)
    for table in db.metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["customer"].append_column(Column("nickname", String(20)))
    assert [d[0] for d in differences(engine, changed)] == ["add_column"]


def test_the_migrations_go_down_to_nothing_and_up_again(engine):
    upgrade(engine)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert differences(engine, db.metadata) == []


def test_a_database_of_the_drop_and_rebuild_era_that_matches_is_stamped_and_kept(tmp_path, make_app):
    path = tmp_path / "era.sqlite"
    old = create_engine(f"sqlite:///{path}")
    db.metadata.create_all(old)  # as create_all left it: this version's tables, no alembic_version
    old.dispose()
    first = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}")
    persona = first.test_client().post("/_control/personas", json={"kind": "active"}).get_json()
    with sqlite3.connect(path) as kept:
        assert kept.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    again = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}")
    assert again.test_client().get(f"/_control/customers/{persona['customer_id']}").status_code == 200


def test_a_database_of_the_drop_and_rebuild_era_that_differs_is_rebuilt_at_head(tmp_path, make_app, capsys):
    path = tmp_path / "older.sqlite"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, name VARCHAR(60))")
        old.execute("INSERT INTO customer VALUES (1, '古い 顧客')")
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}")
    assert "['customer'] are from an older version" in capsys.readouterr().out
    with app.app_context():
        assert differences(db.engine, db.metadata) == []
    with sqlite3.connect(path) as rebuilt:
        assert rebuilt.execute("SELECT count(*) FROM customer").fetchone() == (0,)
        assert rebuilt.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]


def start_bank(settings: dict, ready) -> None:
    """In a process of its own: start a bank once every process is ready (create_schema upgrades its database)."""
    from mockbank import create_app
    from tests.settings import stop_mail_capture

    ready.wait()
    stop_mail_capture(create_app(settings))


def test_banks_starting_together_on_one_new_database_all_start(tmp_path, make_app):
    settings = bank_settings(tmp_path / "shared.sqlite", migrated=False)
    spawn = multiprocessing.get_context("spawn")
    ready = spawn.Barrier(3)
    processes = [spawn.Process(target=start_bank, args=(settings, ready)) for _ in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [p.exitcode for p in processes] == [0, 0, 0]
    with make_app(**settings).app_context():
        assert differences(db.engine, db.metadata) == []


def test_an_empty_database_is_upgraded_and_one_at_head_opens_without_alembic(tmp_path, monkeypatch, make_app):
    upgrades, real = [], command.upgrade
    monkeypatch.setattr(command, "upgrade", lambda config, to: (upgrades.append(to), real(config, to)))
    empty = database_settings(tmp_path / "empty.sqlite")  # SQLite, or a PostgreSQL schema
    make_app(**empty)
    assert upgrades == ["head"]
    make_app(**empty)  # the same database, now at head
    assert upgrades == ["head"]
