"""Phones (and PCs) a scenario holds: each its own browser context, identity, line, clock and authenticator (DESIGN)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from playwright.sync_api import BrowserContext, CDPSession, Page, expect
from playwright.sync_api import Error as PlaywrightError

from pages.authenticator import Biometric
from pages.devices import DEVICES, Device
from pages.screen import Screen

S = TypeVar("S", bound=Screen)

# Sent with every request a phone makes: its identity, so the bank can tell devices apart (device
# binding and risk-based checks), and its line number, which the phone network reads when it dials.
DEVICE_HEADER = "X-Mockbank-Device"
LINE_HEADER = "X-Mockbank-Line"
# The pages whose screens the customer reads between taps: the web browser and the ワンタイムPW app. The
# dialler is looked at only by its own steps; a call's outcome is read back in the browser.
SCREENS_IN_FRONT = ("browser", "app")

# Every page the world renders says which screen it is on <body data-screen="…">; a phone reports each
# screen it displays to the harness, which keeps it as evidence for the coverage map.
REPORT_SCREENS = """
addEventListener("DOMContentLoaded", () => {
  const screen = document.body && document.body.dataset.screen;
  if (screen && window.mockbankScreenShown) window.mockbankScreenShown(screen);
});
"""

# What a page that changes by itself does when the phone's clock jumps (see Phone.catch_up); bounded, so that a
# bank that does not answer cannot hold the step.
CATCH_UP = """() => window.mockbankCatchUp
  ? Promise.race([window.mockbankCatchUp(), new Promise((done) => setTimeout(() => done("late"), 5000))])
  : "still"
"""
SETTLE_MS = 15_000


@dataclass
class Phone:
    """One device of the customer's: what the steps name 「iPhone」 or 「新しいスマートフォン」."""

    label: str
    device: Device
    context: BrowserContext
    identity: str
    line: str | None = None
    clock_offset: float = 0.0
    biometric: Biometric | None = None  # Face ID or the fingerprint reader, on every page; none on a PC
    browser_settings: CDPSession | None = None  # holds the browser's settings a step changed (JavaScript off)
    pages: dict[str, Page] = field(default_factory=dict)
    screens: list[str] = field(default_factory=list)
    activity: int = 0
    front_name: str = "browser"  # the page the customer looks at: the one last opened or navigated

    @property
    def caption(self) -> str:
        """How the report labels the phone: its name, and its kind where the name does not say it."""
        return self.label if self.label == self.device.name else f"{self.label}（{self.device.name}）"

    @property
    def browser(self) -> Page:
        """The phone's web browser (Safari or Chrome), opened on first use."""
        return self.open("browser")

    def screen(self, kind: type[S]) -> S:
        """A screen's page object on this phone, on the page where that screen shows (browser or app)."""
        page = self.open(kind.PAGE)
        if self.biometric is not None:
            self.biometric.settle()  # every page's authenticator holds what another page's made or used
        return kind(page, self.screens.append)

    def opened(self, kind: type[S]) -> S:
        """A screen's page object on this phone, the screen opened at its address first (as from a bookmark)."""
        screen = self.screen(kind)
        screen.open()
        return screen

    def open(self, name: str) -> Page:
        """A page of its own on this phone: the browser, the dialler, the ワンタイムPW app.

        A page comes to the front when it opens and whenever it goes to another address, as the
        app or screen the customer is looking at does.
        """
        if name not in self.pages or self.pages[name].is_closed():
            page = self.pages[name] = self.context.new_page()
            if self.biometric is not None:
                self.biometric.attach(page)  # before the page loads anything: its scripts find the phone's biometric
            page.on("framenavigated", lambda frame: frame == page.main_frame and self._to_front(name))
            self._to_front(name)
        return self.pages[name]

    def _to_front(self, name: str) -> None:
        if name in SCREENS_IN_FRONT:
            self.front_name = name

    def bring_to_front(self, name: str) -> Page:
        """Switch to one of the phone's pages (back to the browser after a call)."""
        page = self.open(name)
        page.bring_to_front()
        self._to_front(name)
        return page

    @property
    def front(self) -> Page:
        """The page the customer looks at now: the one last opened or navigated (browser, dialler, app)."""
        return self.open(self.front_name)

    @property
    def app(self) -> Page:
        """The ワンタイムPW app on this phone (P14–P17): a page of the phone's own context, so its storage is the phone's."""
        return self.open("app")

    def open_pages(self) -> list[tuple[str, Page]]:
        """The pages open on the phone now, by name."""
        return [(name, page) for name, page in self.pages.items() if not page.is_closed()]

    def turn_off_javascript(self) -> None:
        """The phone's browser runs no page scripts from now on (Safari: 設定 → Safari → 詳細 → JavaScript off).

        Nothing then moves by itself: S-TEL waits for 確定する (P13 「自動遷移しない場合」). The CDP session
        that holds the setting stays open with the phone; the page is loaded again without its scripts.
        """
        self.browser_settings = self.context.new_cdp_session(self.browser)
        self.browser_settings.send("Emulation.setScriptExecutionDisabled", {"value": True})
        self.browser.reload()

    def skew_clock(self, world, seconds: float) -> None:
        """Set this phone's clock `seconds` off the world clock (R-OTP-60: a phone not on JST); the world knows it."""
        self.clock_offset = seconds
        world.skew(self.identity, seconds)  # the world tells every phone where its clock stands (Phones.follow)

    def follow_clock(self, state: dict) -> None:
        """Set the phone's own clock to the world's plus its offset: still while the world is frozen, else running.

        The ワンタイムPW app computes its codes from this clock (R-OTP-60), as a real phone's app does
        from the phone's; Playwright's clock API sets Date for every page of the phone's context.
        """
        moment = datetime.fromisoformat(state["now"]) + timedelta(seconds=self.clock_offset)
        if state.get("frozen"):
            self.context.clock.set_fixed_time(moment)
        else:
            self.context.clock.set_system_time(moment)

    def catch_up(self) -> None:
        """Let every page that changes by itself (S-TEL's asking, the app's code) act on the phone's new time now.

        A jump of the world clock stands for seconds in which those pages' timers would have fired: each
        page that keeps a timer offers `window.mockbankCatchUp`, which acts once and says whether the page
        is leaving. The next step then finds the page where the time put it, not halfway there.
        """
        for _name, page in self.open_pages():
            try:
                page.evaluate(CATCH_UP)
            except PlaywrightError:  # the page went elsewhere while it caught up: wait for where it went
                pass
            expect(page.locator("html[data-leaving]")).to_have_count(0, timeout=SETTLE_MS)
            page.wait_for_load_state(timeout=SETTLE_MS)

    def now(self, state: dict) -> datetime:
        """The time this phone's clock shows when the world's stands at `state`."""
        return datetime.fromisoformat(state["now"]) + timedelta(seconds=self.clock_offset)

    def line_for(self, persona: dict, index: int = 0) -> str | None:
        """The number this phone calls from: its own if a step gave one, else one of the customer's."""
        if self.line:
            return self.line
        numbers = persona.get("phones") or []
        return numbers[min(index, len(numbers) - 1)] if numbers else None


class Phones:
    """The devices of one scenario, handed out by name; the first is of the matrix's kind."""

    def __init__(
        self, make_context: Callable[..., BrowserContext], playwright, default: Device, headers: dict | None = None
    ) -> None:
        self._make_context = make_context
        self.headers = headers or {}  # sent by every phone with every request: the run's world (X-Mockbank-World)
        self._playwright = playwright
        self.default_device = default
        self._phones: dict[str, Phone] = {}
        self._clock: dict | None = None  # the world clock's state once a step moved it; phones follow it

    @property
    def default(self) -> Phone:
        """The scenario's phone when its steps name none: of the kind this run of the matrix is on."""
        return self.get(self.default_device.name, self.default_device.name)

    def get(self, label: str, kind: str | None = None) -> Phone:
        """The phone the steps call `label`, made on first mention as a device of `kind` (iPhone, Android, PC)."""
        if label not in self._phones:
            device = DEVICES[kind or label]
            self._phones[label] = self._new_phone(label, device)
        phone = self._phones[label]
        if kind and phone.device.name != kind:
            raise ValueError(f"{label} is a {phone.device.name}, not a {kind}")
        return phone

    def copy(self, original: Phone, label: str, kind: str | None = None) -> Phone:
        """Another device holding a copy of `original`'s cookies and storage (R-APP-BIND), never its identity."""
        if label in self._phones:
            raise ValueError(f"{label} is already a phone of the scenario")
        state = original.context.storage_state()
        self._phones[label] = self._new_phone(label, DEVICES[kind or original.device.name], storage_state=state)
        return self._phones[label]

    def follow(self, state: dict) -> None:
        """The world clock moved: every phone's own clock follows (each with its offset)."""
        self._clock = state
        for phone in self.all():
            phone.follow_clock(state)
        for phone in self.all():
            phone.catch_up()

    def all(self) -> list[Phone]:
        """Every phone of the scenario, in the order the steps first named them."""
        return list(self._phones.values())

    def _new_phone(self, label: str, device: Device, **context_args) -> Phone:
        identity = uuid.uuid4().hex
        context = self._make_context(**device.context_args(self._playwright), **context_args)
        phone = Phone(label=label, device=device, context=context, identity=identity)
        self._send_headers(phone)
        if device.biometrics:
            phone.biometric = Biometric(context, device.biometrics)
            context.on("page", phone.biometric.attach)  # a page the phone opens by itself (a popup) gets it too
        context.expose_binding("mockbankScreenShown", lambda _source, screen: phone.screens.append(screen))
        context.add_init_script(REPORT_SCREENS)
        context.on("request", lambda _request: _count(phone))
        if self._clock is not None:
            phone.follow_clock(self._clock)
        return phone

    def collect_screens(self) -> None:
        """Read the screen each open page shows now, in case its own report has not arrived (evidence)."""
        for phone in self.all():
            for _name, page in phone.open_pages():
                try:
                    page.wait_for_load_state("domcontentloaded", timeout=5000)
                    screen = page.evaluate("() => (document.body && document.body.dataset.screen) || null")
                except Exception:  # a closing page shows nothing more; the evidence stands as reported
                    continue
                if screen:
                    phone.screens.append(screen)

    def drop_failure_artifacts(self) -> None:
        """The run passed: leave pytest-playwright nothing to record for a failure as the contexts close (with
        --tracing=retain-on-failure and --screenshot=only-on-failure it zips a trace and screenshots every open page,
        then throws them away). Each trace's recording so far is dropped in the driver, and the pages are closed."""
        for phone in self.all():
            try:
                phone.context.tracing.stop_chunk()  # no path: dropped, nothing written
                phone.context.tracing.start_chunk()
            except PlaywrightError:  # no trace running (--tracing=off)
                pass
            for page in list(phone.context.pages):
                page.close()

    def give_line(self, phone: Phone, number: str) -> None:
        """Give a phone a line number of its own (one the bank may not know)."""
        phone.line = number
        self._send_headers(phone)

    def _send_headers(self, phone: Phone) -> None:
        """The one place a phone's headers are set: the run's world, its identity, its line once it has one."""
        line = {LINE_HEADER: phone.line} if phone.line else {}
        phone.context.set_extra_http_headers({**self.headers, DEVICE_HEADER: phone.identity, **line})


def _count(phone: Phone) -> None:
    phone.activity += 1


def on_real_time(state: dict) -> bool:
    """Whether the world clock runs unmoved (real time, no skews): then a phone's own clock needs no setting."""
    drift = abs(datetime.fromisoformat(state["now"]) - datetime.now(UTC))
    return not state["frozen"] and not state["skews"] and drift < timedelta(seconds=1)


THIS_PHONE = "このスマートフォン"  # the scenario's own phone, of the kind this run of the matrix is on


def named(phones: Phones, label: str, kind: str | None = None) -> Phone:
    """The phone a step names: 「このスマートフォン」 is the matrix's; any other is made on first mention."""
    return phones.default if label == THIS_PHONE else phones.get(label, kind)
