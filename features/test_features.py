"""Binds every feature file under features/ to pytest-bdd."""

from pytest_bdd import scenarios

scenarios(".")
