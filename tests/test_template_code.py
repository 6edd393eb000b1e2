"""mockbank/template_code.py: banks of one process share their templates' compiled code, and render alike."""

from __future__ import annotations

import re

from mockbank.template_code import PROCESS_CACHE

TOP = "/netbank/"


def test_a_second_bank_renders_from_the_code_the_first_compiled_and_renders_the_same(app, make_app):
    PROCESS_CACHE.clear()
    first = app.test_client().get(TOP)
    assert first.status_code == 200 and PROCESS_CACHE.code
    compiled = dict(PROCESS_CACHE.code)
    other = make_app()
    assert other.jinja_env.bytecode_cache is PROCESS_CACHE
    again = other.test_client().get(TOP)
    assert strip_tokens(again) == strip_tokens(first)
    assert PROCESS_CACHE.code == compiled  # nothing compiled again


def test_a_template_whose_source_changed_is_compiled_again(app, make_app):
    PROCESS_CACHE.clear()
    app.test_client().get(TOP)
    env = make_app().jinja_env
    name = next(n for n in env.list_templates() if n.endswith("base.html"))
    source, filename, _ = env.loader.get_source(env, name)
    bucket = PROCESS_CACHE.get_bucket(env, name, filename, source + "<!-- edited -->")
    assert bucket.code is None  # the checksum differs: Jinja compiles the edited source
    assert PROCESS_CACHE.get_bucket(env, name, filename, source).code is not None


def strip_tokens(response) -> str:
    """The page without what differs from one render to the next (a form's CSRF token, a nonce)."""
    return re.sub(r'(nonce|value|content)="[A-Za-z0-9_.\-=+/]{20,}"', "", response.get_data(as_text=True))
