"""Steps in the Wagtail admin, as a person does them in the browser."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.seed import PASSWORD


def log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/")


def footer_action(page, label: str) -> None:
    """Open the footer's action menu and pick one of its actions by its French label."""
    footer = page.locator("footer, .footer").last
    footer.locator(".w-dropdown__toggle").first.click()
    footer.get_by_role("button", name=label, exact=True).click()


def approve_from_dashboard(page, title: str) -> None:
    """A reviewer's "Approuver" in the dashboard panel of pages awaiting them (no edit form posted)."""
    page.goto("/admin/")
    row = page.locator("tr", has=page.get_by_role("link", name=title, exact=True))
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation(url="**/admin/") as navigation:
        row.get_by_role("button", name="Approuver", exact=True).click()
    assert navigation.value.request.redirected_from.method == "POST"
    expect(row).to_have_count(0)


def type_rich_text(page, field: str, text: str) -> None:
    """Type into a Draftail editor, then wait until it has saved its content into the form field."""
    editor = page.locator(f'[data-field-input]:has(input[name="{field}"]) .public-DraftEditor-content')
    editor.click()
    editor.press_sequentially(text)
    expect(page.locator(f'input[name="{field}"]')).to_have_value(re.compile(re.escape(text.split()[-1])))
