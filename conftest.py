"""Harness: the embedded mock bank (or --base-url), one browser per session, the world client."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from mockbank.catalogue import all_tags
from mockbank.control.client import WorldClient
from mockbank.passwords import SUITE_HASH_METHOD

ROOT = Path(__file__).parent
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Step modules import one another's helpers (steps.codes, steps.common): rewrite their asserts whichever loads first.
pytest.register_assert_rewrite("steps", "pages")
# The report plugin, then every module of steps/ (one per screen or party), found by name.
pytest_plugins = [
    "reporting.accessibility",
    "reporting.plugin",
    *(f"steps.{p.stem}" for p in sorted((ROOT / "steps").glob("[!_]*.py"))),
]


def pytest_addoption(parser: pytest.Parser) -> None:
    """--matrix picks the devices every scenario runs on."""
    parser.getgroup("mockbank").addoption(
        "--matrix",
        default=os.environ.get("MOCKBANK_MATRIX", "iPhone,Android"),
        help="devices each scenario runs on, comma-separated among iPhone, Android, PC "
        "(PC also runs scenarios tagged @PC whatever this says)",
    )
    parser.getgroup("mockbank").addoption(
        "--world",
        default=None,
        help="run in this world of the mock, made beforehand and kept after (default: a world of the run's own, "
        "made at start and dropped at the end; one per pytest-xdist worker)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register every catalogue ID as a marker, so an unknown tag fails the run."""
    for tag, meaning in all_tags().items():
        config.addinivalue_line("markers", f"{tag}: {meaning}")


@pytest.fixture(scope="session")
def embedded_bank(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory):
    """The embedded mock bank's server on a free port, unless --base-url names a bank elsewhere (then None)."""
    if pytestconfig.getoption("base_url", None):
        yield None
        return
    from mockbank import create_app
    from mockbank.server import BackgroundServer

    database = tmp_path_factory.mktemp("world") / "mockbank.sqlite"
    app = create_app(
        {
            "TEST_MODE": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            # Still a salted scrypt hash, at a cost that keeps seeding a persona in milliseconds.
            "PASSWORD_HASH_METHOD": SUITE_HASH_METHOD,
            # A prompt that gets no face or finger (「キャンセルする」) ends in seconds, not the minute a person has.
            "BIOMETRIC_TIMEOUT_SECONDS": 4,
        }
    )
    server = BackgroundServer(app).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(pytestconfig: pytest.Config, embedded_bank):
    """The bank under test: --base-url if given, else the embedded one."""
    given = pytestconfig.getoption("base_url", None)
    return given.rstrip("/") if given else embedded_bank.url


@pytest.fixture(scope="session")
def world(base_url: str, pytestconfig: pytest.Config):
    """The control API client, in a world of this run's own (each xdist worker's): steps reach it only through it."""
    given = pytestconfig.getoption("world")
    if given:
        yield WorldClient(base_url, world=given)
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    client = WorldClient(base_url).new_world(f"run-{worker}-{uuid.uuid4().hex[:8]}")
    yield client
    client.drop_world()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, pytestconfig: pytest.Config) -> dict:
    """Playwright's own Chromium where set-up got one, else the system's (Debian's headless shell; with a window
    under --headed, Debian's chromium)."""
    args = {**browser_type_launch_args, "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_FLAGS]}
    executable = chromium_executable(headed=bool(pytestconfig.getoption("headed", False)))
    if executable:
        args["executable_path"] = executable
    return args


def chromium_executable(headed: bool = False) -> str | None:
    """MOCKBANK_CHROMIUM, else what scripts/setup.sh recorded, else none (Playwright's own).

    Set-up records Debian's chromium-headless-shell where Playwright cannot download its own: the old headless
    mode, a third faster on this suite than the full browser's (README "Where the time goes"). It opens no
    window, so a headed run takes Debian's windowed chromium instead."""
    if os.environ.get("MOCKBANK_CHROMIUM"):
        return os.environ["MOCKBANK_CHROMIUM"]
    recorded = ROOT / ".venv" / ".browser"
    choice = recorded.read_text().strip() if recorded.exists() else None
    if choice == "playwright":
        return None
    if headed and (choice is None or choice.endswith("headless-shell")):
        windowed = shutil.which("chromium") or shutil.which("chromium-browser")
        if not windowed:
            pytest.exit("--headed needs a Chromium with a window: apt-get install chromium", returncode=4)
        return windowed
    return (
        choice
        or shutil.which("chromium-headless-shell")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
