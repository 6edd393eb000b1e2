"""Settings from the environment (README "Parties and settings"): MOCKBANK_<NAME> sets <NAME>, in its default's type."""

from __future__ import annotations

import pytest

from tests.settings import environment_settings

# Every variable the README names, a value for it, and the setting it gives (the type its default has).
README_VARIABLES = [
    ("DATABASE_URL", "postgresql://bank@db/mockbank", {"SQLALCHEMY_DATABASE_URI": "postgresql://bank@db/mockbank"}),
    ("TEST_MODE", "1", {"TEST_MODE": True}),
    ("SHOW_TEST_STRIP", "off", {"SHOW_TEST_STRIP": False}),
    ("LOCKOUT_LIMIT", "3", {"LOCKOUT_LIMIT": 3}),
    ("SECRET_KEY", "s3cret", {"SECRET_KEY": "s3cret"}),
    ("SMTP_URL", "smtp://localhost:1025", {"SMTP_HOST": "localhost", "SMTP_PORT": 1025}),
    ("ISSUER_URL", "http://otp-auth.example:8001/issuer", {"ISSUER_URL": "http://otp-auth.example:8001/issuer"}),
    ("ISSUER_TIMEOUT", "2", {"ISSUER_TIMEOUT": 2.0}),
    ("ISSUER_API_KEY", "shared", {"ISSUER_API_KEY": "shared"}),
    ("APP_DOWNLOAD_URL", "https://apps.example/otp", {"APP_DOWNLOAD_URL": "https://apps.example/otp"}),
    ("PHONE_AUTH_NUMBER", "0120-000-111", {"PHONE_AUTH_NUMBER": "0120-000-111"}),
    ("BANK_URL", "http://bank.example:8000", {"BANK_URL": "http://bank.example:8000"}),
    ("PHONE_NETWORK_KEY", "net", {"PHONE_NETWORK_KEY": "net"}),
    ("PHONE_BANK_TIMEOUT", "2.5", {"PHONE_BANK_TIMEOUT": 2.5}),
]


@pytest.mark.parametrize(("name", "value", "settings"), README_VARIABLES, ids=[v[0] for v in README_VARIABLES])
def test_each_variable_the_readme_names_sets_its_setting_in_its_type(monkeypatch, name, value, settings):
    found = environment_settings(monkeypatch, **{name: value})
    assert found == settings
    assert [type(v) for v in found.values()] == [type(v) for v in settings.values()]


def test_without_variables_the_defaults_stand(monkeypatch):
    assert environment_settings(monkeypatch) == {}


@pytest.mark.parametrize(
    ("text", "on"),
    [("1", True), ("true", True), ("Yes", True), ("ON", True), ("0", False), ("no", False), ("False", False)],
)
def test_a_flag_reads_the_words_people_write(monkeypatch, text, on):
    assert environment_settings(monkeypatch, TEST_MODE=text).get("TEST_MODE", False) is on


def test_a_text_setting_is_kept_as_written_never_read_as_json(monkeypatch):
    found = environment_settings(monkeypatch, SECRET_KEY="1e3", ISSUER_API_KEY="null", PHONE_NETWORK_KEY="123456")
    assert found == {"SECRET_KEY": "1e3", "ISSUER_API_KEY": "null", "PHONE_NETWORK_KEY": "123456"}


def test_a_number_setting_refuses_what_is_not_its_number_and_names_the_variable(monkeypatch):
    with pytest.raises(ValueError, match="MOCKBANK_LOCKOUT_LIMIT='five'"):
        environment_settings(monkeypatch, LOCKOUT_LIMIT="five")
    with pytest.raises(ValueError, match="MOCKBANK_LOCKOUT_LIMIT='2.5'"):
        environment_settings(monkeypatch, LOCKOUT_LIMIT="2.5")


def test_an_empty_variable_counts_as_unset(monkeypatch):
    assert environment_settings(monkeypatch, DATABASE_URL="", SMTP_URL="", LOCKOUT_LIMIT="", ISSUER_URL="") == {}


def test_any_setting_comes_from_its_variable_and_json_reads_the_rest(monkeypatch):
    found = environment_settings(monkeypatch, SESSION_IDLE_SECONDS="60", WTF_CSRF_TIME_LIMIT="3600", EXTRA='{"a": [1]}')
    assert found == {"SESSION_IDLE_SECONDS": 60, "WTF_CSRF_TIME_LIMIT": 3600, "EXTRA": {"a": [1]}}


def test_a_double_underscore_sets_one_key_of_a_nested_setting(monkeypatch):
    assert environment_settings(monkeypatch, LIMITS__DAY="5")["LIMITS"] == {"DAY": 5}


def test_the_app_takes_the_environment_and_the_callers_settings_over_it(monkeypatch, make_app):
    monkeypatch.setenv("MOCKBANK_LOCKOUT_LIMIT", "7")
    monkeypatch.setenv("MOCKBANK_SESSION_IDLE_SECONDS", "90")
    app = make_app(SESSION_IDLE_SECONDS=30)
    assert (app.config["LOCKOUT_LIMIT"], app.config["SESSION_IDLE_SECONDS"]) == (7, 30)
