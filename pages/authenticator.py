"""A phone's Face ID or fingerprint reader: Chromium's virtual authenticator (CDP WebAuthn), one per page of the phone,
all holding the same credentials, so every page the phone opens sees one biometric.

Chromium keeps a virtual authenticator per page (tab), not per browser context: a page opened later has none and
would wait for a real one that headless Linux lacks. So the phone adds one to each of its pages as it opens and
mirrors credentials between them: a credential made or used on one page (CDP events credentialAdded /
credentialAsserted, and `settle()` reading every page before a step) is put on the others with its signature count,
so a phone's counter grows as one. The CDP session of each page stays open with the page: detaching any session of
a page ends its authenticator (Chromium disables the WebAuthn environment of the page).

How the face or finger answers is the steps' choice: recognised (user verified), not recognised
(`setUserVerified` false: the page gets NotAllowedError at once), cancelled (presence never comes: the prompt runs
to the options' timeout), or an answer the bank must refuse (`setResponseOverrideBits`: a bad signature, no UV).
"""

from __future__ import annotations

from playwright.sync_api import BrowserContext, CDPSession, Page
from playwright.sync_api import Error as PlaywrightError

OPTIONS = {
    "protocol": "ctap2",
    "ctap2Version": "ctap2_1",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,  # Chromium's default is false: every ceremony would fail
    "automaticPresenceSimulation": True,
}
CDP_MS = 10_000  # a CDP call that does not answer in this long fails the step rather than hold it


class Biometric:
    """The phone's biometric (Face ID, Touch ID, 指紋認証): one authenticator on every page, one set of credentials."""

    def __init__(self, context: BrowserContext, kind: str) -> None:
        self.context = context
        self.kind = kind  # what the phone calls it: Face ID, Touch ID, 指紋認証
        self.credentials: dict[str, dict] = {}  # credentialId (standard base64) -> CDP Credential, newest count
        self.pages: dict[Page, tuple[CDPSession, str]] = {}
        self.verified = True
        self.present = True
        self.overrides = {"isBogusSignature": False, "isBadUV": False, "isBadUP": False}  # what tamper() set
        self._attaching: set[Page] = set()

    def attach(self, page: Page) -> None:
        """Give `page` the phone's authenticator, holding the phone's credentials (once per page)."""
        if page in self.pages or page in self._attaching or page.is_closed():
            return
        self._attaching.add(page)  # a CDP call below may run the context's "page" handler for this same page
        try:
            self._attach(page)
        finally:
            self._attaching.discard(page)

    def _attach(self, page: Page) -> None:
        cdp = self.context.new_cdp_session(page)  # kept open while the page lives: never detached
        cdp.send("WebAuthn.enable", {"enableUI": False}, timeout=CDP_MS)
        options = {**OPTIONS, "isUserVerified": self.verified, "automaticPresenceSimulation": self.present}
        added = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options}, timeout=CDP_MS)
        aid = added["authenticatorId"]
        self.pages[page] = (cdp, aid)
        if any(self.overrides.values()):  # a page opened after tamper() answers as tampered too
            cdp.send("WebAuthn.setResponseOverrideBits", {"authenticatorId": aid, **self.overrides}, timeout=CDP_MS)
        for credential in self.credentials.values():
            cdp.send("WebAuthn.addCredential", {"authenticatorId": aid, "credential": credential}, timeout=CDP_MS)
        cdp.on("WebAuthn.credentialAdded", lambda event: self.learn(page, event["credential"]))
        cdp.on("WebAuthn.credentialAsserted", lambda event: self.learn(page, event["credential"]))
        page.on("close", lambda closed: self.pages.pop(closed, None))

    def learn(self, source: Page | None, credential: dict) -> None:
        """A credential made or used on `source`: keep it and put it on every other page, with its newer count."""
        key = credential["credentialId"]
        known = self.credentials.get(key)
        if known is not None and known.get("signCount", 0) >= credential.get("signCount", 0):
            return  # an echo of what the phone already holds, or an older count
        self.credentials[key] = credential
        for page, (cdp, aid) in list(self.pages.items()):
            if page is source or page.is_closed():
                continue
            try:
                cdp.send("WebAuthn.removeCredential", {"authenticatorId": aid, "credentialId": key}, timeout=CDP_MS)
            except Exception:  # not on that page yet
                pass
            cdp.send("WebAuthn.addCredential", {"authenticatorId": aid, "credential": credential}, timeout=CDP_MS)

    def settle(self) -> None:
        """Bring every page level with what the others made or used (the events may not have arrived yet).

        A phone with one page has no other page to bring level: nothing to read (one CDP round trip a step saved).
        """
        if len(self.pages) > 1:
            self._read()

    def _read(self) -> None:
        """Read every page's credentials and put each on the other pages."""
        for page, (cdp, aid) in list(self.pages.items()):
            if page.is_closed():
                continue
            try:
                found = cdp.send("WebAuthn.getCredentials", {"authenticatorId": aid}, timeout=CDP_MS)["credentials"]
            except PlaywrightError:  # the page closed under us: it holds nothing the phone needs any more
                continue
            for credential in found:
                self.learn(page, credential)

    def held(self) -> list[dict]:
        """The credentials the phone holds now (CDP form: standard base64 IDs and PKCS#8 private keys)."""
        self._read()
        return list(self.credentials.values())

    def put(self, credential: dict) -> None:
        """Put a credential on this phone (a copy taken from another phone's `held()`): every page gets it."""
        self.credentials.pop(credential["credentialId"], None)
        self.learn(None, dict(credential))

    def answer(self, *, verified: bool = True, present: bool = True) -> None:
        """How the face or finger answers from now: recognised, not recognised (verified False), or no answer (present False)."""
        self.verified, self.present = verified, present
        for cdp, aid in self.pages.values():
            cdp.send("WebAuthn.setUserVerified", {"authenticatorId": aid, "isUserVerified": verified}, timeout=CDP_MS)
            cdp.send(
                "WebAuthn.setAutomaticPresenceSimulation", {"authenticatorId": aid, "enabled": present}, timeout=CDP_MS
            )

    def tamper(self, *, bogus_signature: bool = False, bad_uv: bool = False) -> None:
        """The next answers carry a bad signature or no UV flag for the bank to catch; all False clears it."""
        self.overrides = {"isBogusSignature": bogus_signature, "isBadUV": bad_uv, "isBadUP": False}
        for cdp, aid in self.pages.values():
            cdp.send("WebAuthn.setResponseOverrideBits", {"authenticatorId": aid, **self.overrides}, timeout=CDP_MS)
