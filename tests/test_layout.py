"""One name per screen in every layer (README "Where each screen lives"): each built screen of the catalogue is found
by its name as route module, template, page object and feature; rules and services are a screen's or plainly shared."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from mockbank.catalogue import NOT_BUILT, SCREEN_NAMES, SCREEN_PAGES, SCREENS

ROOT = Path(__file__).resolve().parent.parent
MOCKBANK = ROOT / "mockbank"
TEMPLATES = MOCKBANK / "templates"
PARTIES = ("bank", "app", "mail", "phone")
BUILT = [screen for screen in SCREEN_NAMES if screen not in NOT_BUILT]

# Modules that are no screen's, each named for what it holds (never for a flow that would hide a screen).
SHARED_RULES = {
    "__init__",  # the bank's rules, importable from mockbank.rules
    "base",  # what every rule is made of: Problem, the character classes, typed_in
    "common",  # rules applied on several screens
}
SHARED_SERVICES = {
    "__init__",
    "applications",  # the customer's OTP applications (S-OTPAPP, S-TEL, S-TOKEN, S-HOME, S-LOGIN)
    "bank_line",  # the bank's 0120 line: the calls that prove S-TEL
    "biometric_credentials",  # WebAuthn's relying party and the biometric credentials (S-BIO-SET, S-BIO-LOGIN, reissue)
    "credentials",  # a login's ID and password, and its end (S-LOGIN1, S-LOGIN, S-MAILPW)
}


def name_of(screen: str) -> str:
    return SCREEN_NAMES[screen][0]


def party_of(screen: str) -> str:
    return SCREEN_NAMES[screen][1]


def says(text: str, screen: str) -> bool:
    """Whether `text` names the screen's ID as a whole string ("S-ID" is not "S-ID-DONE")."""
    return re.search(rf"""["']{re.escape(screen)}["']""", text) is not None


def tagged(feature: str, screen: str) -> bool:
    """Whether a feature's text carries the tag @<screen> (on the feature or a scenario)."""
    return re.search(rf"(?<!\S)@{re.escape(screen)}(?!\S)", feature) is not None


def served_screen_ids() -> set[str]:
    """The screen IDs the templates show (a placeholder page of a screen still to come does not count)."""
    shown = set()
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        if "{% set placeholder = true %}" in text:
            continue
        shown.update(re.findall(r"""screen_id\s*=\s*["']([A-Z0-9-]+)["']""", text))
        shown.update(re.findall(r"""set title, screen_id = "[^"]*", "([A-Z0-9-]+)\"""", text))
    return shown


def test_every_catalogue_screen_has_one_name_and_a_party():
    assert set(SCREEN_NAMES) == set(SCREENS), "SCREEN_NAMES names each screen of SCREENS, and nothing else"
    names = [name for name, _ in SCREEN_NAMES.values()]
    assert len(names) == len(set(names)), "no two screens share a name"
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in names), "names are plain module names"
    assert {party for _, party in SCREEN_NAMES.values()} <= set(PARTIES)


def test_not_built_is_exactly_the_screens_with_nothing_yet():
    assert set(NOT_BUILT) <= set(SCREEN_NAMES)
    shown = served_screen_ids()
    nothing = {
        screen
        for screen in SCREEN_NAMES
        if screen not in shown
        and not (MOCKBANK / party_of(screen) / f"{name_of(screen)}.py").exists()
        and not (TEMPLATES / party_of(screen) / f"{name_of(screen)}.html").exists()
    }
    assert nothing == set(NOT_BUILT)


@pytest.mark.parametrize("screen", BUILT)
def test_the_route_module_is_named_for_the_screen(screen):
    module = MOCKBANK / party_of(screen) / f"{name_of(screen)}.py"
    assert module.is_file(), f"{screen}: mockbank/{party_of(screen)}/{name_of(screen)}.py"


@pytest.mark.parametrize("screen", BUILT)
def test_the_template_is_named_for_the_screen_and_it_or_the_route_says_its_id(screen):
    template = TEMPLATES / party_of(screen) / f"{name_of(screen)}.html"
    assert template.is_file(), f"{screen}: mockbank/templates/{party_of(screen)}/{name_of(screen)}.html"
    module = MOCKBANK / party_of(screen) / f"{name_of(screen)}.py"
    route = module.read_text(encoding="utf-8") if module.is_file() else ""
    assert says(template.read_text(encoding="utf-8"), screen) or says(route, screen), f"{screen} in either"


@pytest.mark.parametrize("screen", BUILT)
def test_the_page_object_is_named_for_the_screen(screen):
    module = ROOT / "pages" / f"{name_of(screen)}.py"
    assert module.is_file(), f"{screen}: pages/{name_of(screen)}.py"
    classes = [
        node for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))) if isinstance(node, ast.ClassDef)
    ]
    assert screen in {_screen_of(node) for node in classes}, f'{screen}: a class with SCREEN = "{screen}"'


@pytest.mark.parametrize("screen", BUILT)
def test_the_feature_is_named_for_the_screen_and_tagged_with_it(screen):
    feature = ROOT / "features" / f"{name_of(screen)}.feature"
    assert feature.is_file(), f"{screen}: features/{name_of(screen)}.feature"
    assert tagged(feature.read_text(encoding="utf-8"), screen), (
        f"{screen}: features/{name_of(screen)}.feature @{screen}"
    )


def test_every_rules_module_is_a_screens_or_shared():
    names = {name for name, _ in SCREEN_NAMES.values()}
    modules = {path.stem for path in (MOCKBANK / "rules").glob("*.py")}
    assert modules - names - SHARED_RULES == set()
    assert SHARED_RULES <= modules, "the shared list names modules that exist"


def test_every_service_module_is_a_screens_or_shared():
    bank_names = {name for name, party in SCREEN_NAMES.values() if party == "bank"}
    modules = {path.stem for path in (MOCKBANK / "bank" / "services").glob("*.py")}
    assert modules - bank_names - SHARED_SERVICES == set()
    assert SHARED_SERVICES <= modules, "the shared list names modules that exist"
    assert not [
        path for path in (MOCKBANK / "bank" / "services").iterdir() if path.is_dir() and path.name != "__pycache__"
    ]


def test_no_module_is_named_for_the_step_definitions():
    """`steps` is the suite's step definitions only; the bank's tracking of a customer's steps is its progress."""
    assert not (MOCKBANK / "bank" / "steps.py").exists()
    assert not list(MOCKBANK.rglob("steps.py"))


def test_the_readme_lists_every_screen_with_its_name_and_manual_pages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Where each screen lives" in readme
    section = readme.split("## Where each screen lives", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0] in SCREEN_NAMES:
            rows[cells[0]] = cells
    assert set(rows) == set(SCREEN_NAMES), "one row per catalogue screen"
    for screen, cells in rows.items():
        assert cells[1] == f"`{name_of(screen)}`", f"{screen}'s name"
        assert cells[2] == party_of(screen), f"{screen}'s party"
        assert cells[3] == ", ".join(SCREEN_PAGES[screen]), f"{screen}'s manual pages"


def _screen_of(node: ast.ClassDef) -> str | None:
    """The SCREEN a page object class declares, if it declares one as a plain string."""
    for statement in node.body:
        target = statement.targets[0] if isinstance(statement, ast.Assign) and len(statement.targets) == 1 else None
        target = statement.target if isinstance(statement, ast.AnnAssign) else target
        value = getattr(statement, "value", None)
        if isinstance(target, ast.Name) and target.id == "SCREEN" and isinstance(value, ast.Constant):
            return value.value
    return None
