"""URL rules whose builders (the code url_for runs) are compiled once per process instead of once per app.

Werkzeug turns every rule into two small Python functions as the rule is added, which is most of what building
an app costs (30 of 40 ms for the bank's rules). A server builds its app once; the tests build a bank per test,
so each process keeps the functions it made and gives a rule with the same path, converters and defaults the
same ones. They read the rule only through the `.self` they are bound to, so sharing them shares nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.routing import Rule

_builders: dict[tuple, Callable[..., tuple[str, str]]] = {}


class SharedBuilderRule(Rule):
    """A Werkzeug rule that reuses the builder a rule like it compiled before (tests/test_routing.py)."""

    def _compile_builder(self, append_unknown: bool = True) -> Callable[..., tuple[str, str]]:
        key = (
            append_unknown,
            self.rule,
            tuple(self._trace),
            tuple((name, type(converter)) for name, converter in self._converters.items()),
            repr(sorted((self.defaults or {}).items())),
        )
        builder = _builders.get(key)
        if builder is None:
            builder = _builders[key] = super()._compile_builder(append_unknown)
        return builder


def shared_builders(app: Any) -> None:
    """Make the rules added to `app` from now on share their compiled builders (create_app, before the blueprints)."""
    app.url_rule_class = SharedBuilderRule
