"""mockbank/routing.py: banks built one after another share their rules' compiled URL builders, and build the same URLs."""

from __future__ import annotations

from flask import Flask

from mockbank.routing import shared_builders


def test_a_second_bank_reuses_every_builder_of_the_first_and_builds_the_same_urls(app, make_app):
    other = make_app()
    first = {rule.endpoint: rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    again = {rule.endpoint: rule for rule in other.url_map.iter_rules() if rule.endpoint != "static"}
    assert first.keys() == again.keys() and len(first) > 50
    for endpoint, rule in first.items():
        assert again[endpoint]._build.__func__ is rule._build.__func__, endpoint
        assert again[endpoint]._build_unknown.__func__ is rule._build_unknown.__func__, endpoint
        values = {name: "7" for name in rule.arguments}
        with app.test_request_context(), other.test_request_context():
            assert rule.build(values) == again[endpoint].build(values)
            assert rule.build({**values, "next": "a b"})[1].endswith("?next=a+b")  # an unknown value: the query


def shared_app(*rules: tuple[str, dict]) -> Flask:
    app = Flask(__name__)
    shared_builders(app)
    for number, (path, defaults) in enumerate(rules):
        app.add_url_rule(path, f"e{number}", lambda **_: "", defaults=defaults or None)
    return app


def test_rules_that_differ_in_path_converter_or_default_keep_builders_of_their_own():
    app = shared_app(
        ("/a/<int:n>", {}),
        ("/a/<n>", {}),
        ("/b/<n>", {}),
        ("/c/<n>", {"n": "x"}),
        ("/c/<n>", {"n": "y"}),
    )
    with app.test_request_context():
        from flask import url_for

        assert url_for("e0", n=7) == "/a/7"
        assert url_for("e1", n="seven") == "/a/seven"
        assert url_for("e2", n="b b") == "/b/b%20b"
        assert url_for("e3") == "/c/x"
        assert url_for("e4") == "/c/y"
    builders = {rule.endpoint: rule._build.__func__ for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    assert len(set(builders.values())) == 5
    again = shared_app(("/c/<n>", {"n": "y"}))
    assert next(r for r in again.url_map.iter_rules() if r.endpoint == "e0")._build.__func__ is builders["e4"]
