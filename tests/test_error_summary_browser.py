"""Every form screen refused in a browser: the summary has the focus, links each message to its field, and each
refused field carries aria-invalid and an aria-describedby that names its own message; a message that must not
say which entry was wrong (R-LOGIN-MATCH) marks no field."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pages.devices import DEVICES
from reporting.accessibility import describe, violations

# (screen, persona kind and overrides or None, session role or None, address, what the customer sends refused)
FORMS = [
    ("SID001", None, None, "/netbank/customer-info", {}),
    ("S-ID", {"kind": "new"}, "applicant", "/netbank/login-id", {}),
    ("S-ID-DONE", {"kind": "new", "step": "first_login"}, "login_id_done", "/netbank/login-id/done", {}),
    ("S-QA", {"kind": "new", "step": "qa"}, "customer", "/netbank/secret-qa", {}),
    ("S-PW", {"kind": "new", "step": "pw"}, "customer", "/netbank/password", {}),
    ("S-INFO", {"kind": "new", "step": "info"}, "customer", "/netbank/customer-registration", {}),
    ("S-OTPAPP", {"kind": "new", "step": "otp"}, "customer", "/netbank/otp-application", {}),
    ("S-REISSUE-AUTH", {"kind": "active"}, None, "/netbank/token-reissue/login", {}),
    ("A-SETUP", None, None, "/app/setup", {}),
    ("A-MENU", None, None, "/app/settings", {}),
    ("A-NAME", None, None, "/app/name?token=S0001:U0001", {"トークン表示名": "", "追加文言": "x" * 21}),
    ("T-PHONE", None, None, "/phone/dial", {"この電話の番号": "でんわ"}),
    ("M-MAIL", None, None, "/mailbox/taro@example.jp/settings", {"拒否するドメイン": "例え.jp"}),
]
# Login-type screens: the bank says only that something was wrong (R-LOGIN-MATCH), never which entry.
LOGINS = [
    ("S-LOGIN1", {"kind": "new", "step": "first_login"}, "/netbank/first-login"),
    ("S-LOGIN", {"kind": "active"}, "/netbank/login"),
]
TIED = """() => {
  const summary = document.getElementById("error-summary");
  const links = [...summary.querySelectorAll('[role="alert"] a[href^="#"]')];
  return {
    focused: document.activeElement === summary,
    links: links.map((a) => {
      const field = document.getElementById(a.getAttribute("href").slice(1));
      const described = ((field && field.getAttribute("aria-describedby")) || "").split(/\\s+/).filter(Boolean);
      return {
        message: a.textContent.trim(),
        found: !!field,
        invalid: !!field && field.getAttribute("aria-invalid") === "true",
        described: described.map((id) => (document.getElementById(id) || {}).textContent || "").map((t) => t.trim()),
      };
    }),
    unlinked: [...summary.querySelectorAll('[role="alert"] li')].filter((li) => !li.querySelector('a[href^="#"]')).length,
    marked: document.querySelectorAll('[aria-invalid="true"]').length,
  };
}"""


def device_context(browser, playwright, base_url, world, device: str):
    """A browser context of `device` on the embedded bank, in the run's world."""
    return browser.new_context(
        base_url=base_url, extra_http_headers=world.headers, **DEVICES[device].context_args(playwright)
    )


@pytest.fixture
def page(browser, playwright, base_url, world):
    """An iPhone's browser on the embedded bank, the world emptied first."""
    world.reset()
    context = device_context(browser, playwright, base_url, world, "iPhone")
    yield context.new_page()
    context.close()


def refuse(page, world, base_url, persona, role, address, typed) -> dict:
    """Open the screen as the persona (at `role`), send it refused, and read how its messages are tied."""
    if persona:
        seeded = world.persona(persona["kind"], **{k: v for k, v in persona.items() if k != "kind"})
        if role:
            cookie = world.session_cookie(seeded["customer_id"], role)
            page.context.add_cookies([{**cookie, "url": base_url}])
    page.goto(address)
    for label, value in typed.items():
        page.get_by_label(label, exact=True).fill(value)
    page.locator("main form button[type=submit]:not([value=cancel])").first.click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#error-summary")).to_be_focused()  # autofocus acts once the page has rendered
    return page.evaluate(TIED)


def assert_tied(page, screen: str) -> dict:
    """The refused screen: summary focused, each message linked to its invalid field and named by it, axe clean."""
    expect(page.locator("#error-summary")).to_be_focused()
    tied = page.evaluate(TIED)
    assert page.locator("body").get_attribute("data-screen") == screen
    assert tied["links"], "the summary links a message to its field"
    for link in tied["links"]:
        assert link["found"] and link["invalid"], link
        assert link["described"] and link["message"] in link["described"][0], link  # its own message, then hints
    assert [describe(v) for v in violations(page)] == []  # the refused state passes axe (WCAG 2.0/2.1 A, AA)
    return tied


@pytest.mark.parametrize(("screen", "persona", "role", "address", "typed"), FORMS, ids=[f[0] for f in FORMS])
def test_a_refused_form_ties_each_message_to_its_field_and_focuses_the_summary(
    page, world, base_url, screen, persona, role, address, typed
):
    refuse(page, world, base_url, persona, role, address, typed)
    tied = assert_tied(page, screen)
    assert tied["focused"], "the error summary has the focus"
    assert tied["marked"] >= len({link["message"] for link in tied["links"]}) > 0


@pytest.mark.parametrize(("screen", "persona", "address"), LOGINS, ids=[f[0] for f in LOGINS])
def test_a_refused_login_names_no_entry_and_marks_no_field(page, world, base_url, screen, persona, address):
    seeded = world.persona(persona["kind"], **{k: v for k, v in persona.items() if k != "kind"})
    page.goto(address)
    page.get_by_label("ログインID", exact=True).fill(seeded["login_id"])
    page.get_by_label("ログインパスワード", exact=True).fill("Wrong12345")
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("alert")).to_contain_text("ログインIDまたはログインパスワードに誤りがあります。")
    expect(page.locator("#error-summary")).to_be_focused()
    tied = page.evaluate(TIED)
    assert page.locator("body").get_attribute("data-screen") == screen
    assert (tied["focused"], tied["links"], tied["unlinked"], tied["marked"]) == (True, [], 1, 0)
    assert [describe(v) for v in violations(page)] == []


def test_following_a_summary_link_moves_to_the_field(page, world, base_url):
    refuse(page, world, base_url, None, None, "/netbank/customer-info", {})
    page.get_by_role("alert").get_by_role("link", name="店番を入力してください。").click()
    expect(page.get_by_label("店番", exact=True)).to_be_focused()


def test_the_registration_confirmation_refused_ties_its_messages_too(page, world, base_url):
    seeded = world.persona("new", step="info")
    page.context.add_cookies([{**world.session_cookie(seeded["customer_id"], "customer"), "url": base_url}])
    page.goto("/netbank/customer-registration")
    for label in ("メールアドレス", "メールアドレス (確認用)"):
        page.get_by_label(label, exact=True).fill("taro@example.jp")
    for part, digits in zip(("市外局番", "市内局番", "加入者番号"), ("017", "777", "1234"), strict=True):
        page.get_by_label(f"連絡先電話番号（{part}）", exact=True).fill(digits)
    for limit in page.locator("input[name^=limit_]").all():
        limit.fill("10")
    page.get_by_role("button", name="確認画面へ").click()
    expect(page.locator("body")).to_have_attribute("data-screen", "S-INFO-OK")
    page.get_by_role("button", name="登録を確定する").click()
    expect(page.locator("#error-summary")).to_be_focused()
    tied = page.evaluate(TIED)
    assert (
        {link["message"] for link in tied["links"] if link["invalid"] and link["message"] in link["described"][0]}
        == {link["message"] for link in tied["links"]}
        != set()
    )
    assert [describe(v) for v in violations(page)] == []


def logged_in_by_password(page, seeded: dict, address: str, button: str) -> None:
    """ログインID and ログインパスワード on the screen at `address`, sent with `button`."""
    page.goto(address)
    page.get_by_label("ログインID", exact=True).fill(seeded["login_id"])
    page.get_by_label("ログインパスワード", exact=True).fill(seeded["login_password"])
    page.get_by_role("button", name=button, exact=True).click()


def test_the_reissue_form_refused_ties_its_messages_to_its_fields(page, world):
    seeded = world.persona("active", otp="active")
    page.goto("/netbank/token-reissue")
    page.get_by_role("link", name="ログインIDを入力する").click()
    logged_in_by_password(page, seeded, page.url, "次へ")
    expect(page.locator("body")).to_have_attribute("data-screen", "S-REISSUE")
    page.get_by_role("button", name="電話番号認証を行う").click()
    assert_tied(page, "S-REISSUE")


def test_the_additional_question_refused_empty_ties_its_message_to_the_answer(page, world):
    seeded = world.persona("active")
    logged_in_by_password(page, seeded, "/netbank/login", "ログイン")
    expect(page.locator("body")).to_have_attribute("data-screen", "S-RBA")  # a browser the bank has never seen
    page.locator("main form button[type=submit]").first.click()
    assert_tied(page, "S-RBA")


def test_the_mail_password_refused_empty_ties_its_message_to_the_field(browser, playwright, base_url, world):
    world.reset()
    context = device_context(browser, playwright, base_url, world, "PC")
    page = context.new_page()
    try:
        logged_in_by_password(page, world.persona("active"), "/netbank/login", "ログイン")
        expect(page.locator("body")).to_have_attribute("data-screen", "S-MAILPW")
        page.get_by_role("button", name="ログイン", exact=True).click()
        assert_tied(page, "S-MAILPW")
    finally:
        context.close()
