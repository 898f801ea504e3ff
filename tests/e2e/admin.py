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


def confirm_in_modal(page, label: str, expect_text: str) -> None:
    """Wagtail's workflow modal: check what it says comes next, then confirm."""
    modal = page.locator(".modal.show, .modal:visible").last
    expect(modal).to_contain_text(expect_text)
    modal.get_by_role("button", name=label, exact=True).click()


def approve_from_dashboard(page, title: str, expect_text: str) -> None:
    """ "Approuver" in the dashboard panel of pages awaiting the user asks for a confirmation that
    says what comes next; once confirmed, the dashboard says what happened."""
    page.goto("/admin/")
    row = page.locator("tr", has=page.get_by_role("link", name=title, exact=True))
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approuver", exact=True).click()
    with page.expect_navigation(url="**/admin/?transition=approve*"):
        confirm_in_modal(page, "Approuver", expect_text)
    expect(row).to_have_count(0)


def primary_action(page, name: str):
    """The footer's visible button (not behind the chevron) whose workflow action or name this is."""
    footer = page.locator("footer, .footer").last
    button = footer.locator(f'button[name="{name}"], button[data-workflow-action-name="{name}"]').first
    expect(button).to_be_visible()
    return button


def click_past_offline_notice(page, button) -> None:
    """Click an editor's action button. The browser tests cut Wagtail's editing-session heartbeats
    (conftest), so once a heartbeat has failed Wagtail asks before going on: confirm it."""
    button.click()
    notice = page.locator("#w-save-confirmation-dialog [data-w-dialog-target='confirm']")
    modal = page.locator(".modal.show, .modal:visible")
    expect(notice.or_(modal).first).to_be_visible()
    if notice.is_visible():
        notice.click()


def claim_review(page, title: str) -> None:
    """The reviewer finds the page in « Relectures en cours » and takes it (« Je m'en occupe »)."""
    page.goto("/admin/relectures/")
    row = page.locator("tbody tr", has=page.get_by_role("link", name=title, exact=True))
    with page.expect_navigation():
        row.get_by_role("button", name="Je m'en occupe").click()
    expect(row.get_by_role("button", name="Je ne m'en occupe plus")).to_be_visible()


def type_rich_text(page, field: str, text: str) -> None:
    """Type into a Draftail editor, then wait until it has saved its content into the form field."""
    editor = page.locator(f'[data-field-input]:has(input[name="{field}"]) .public-DraftEditor-content')
    editor.click()
    editor.press_sequentially(text)
    expect(page.locator(f'input[name="{field}"]')).to_have_value(re.compile(re.escape(text.split()[-1])))
