"""Real-browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

The live server runs in a thread of the test process, so it shares the test database, the
locmem mail outbox and any monkeypatched clock. Tests here use a transactional database with
serialized rollback: the reference data of the data migrations (themes, structures, groups,
home and index pages) is restored before each test, even after another transactional test
has flushed the tables.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("KAZASSO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Screenshots go here (git-ignored; .ci/run keeps one folder per database and prints where).
ARTIFACTS = Path(os.environ.get("KAZASSO_E2E_ARTIFACTS") or Path(__file__).resolve().parent / "artifacts")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Remember a failed test body so the page fixtures can screenshot what the browser showed."""
    report = yield
    if report.when == "call" and report.failed:
        item.e2e_failed = True
    return report


@pytest.fixture(autouse=True)
def _allow_orm_beside_playwright(monkeypatch: pytest.MonkeyPatch) -> None:
    """Playwright's sync API runs an event loop in this thread; the tests' ORM calls are still plain
    synchronous calls. Only for these tests: a subprocess (check --deploy) must not inherit it."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_rate_limits(transactional_db: None) -> None:
    """The rate-limit counters live in a cache table that flushing the database leaves alone:
    start each browser test without the registrations and requests of the tests before it."""
    from django.conf import settings
    from django.core.cache import caches

    caches[settings.KAZASSO_RATELIMIT_CACHE_ALIAS].clear()


@pytest.fixture
def browser(_allow_orm_beside_playwright: None) -> Iterator[object]:
    """One Chromium per test: Playwright's event loop then runs only inside the test, never while
    pytest-django sets up or flushes the database, and the environment variable goes with it."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium est introuvable ({CHROMIUM}) : lancez « apt-get install -y chromium » "
            "ou la commande de test du README, qui l'installe.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Shots:
    """Saves numbered screenshots of one test under tests/e2e/artifacts/<test>/."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def __call__(self, page, name: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Shots:
    """Screenshots of the test, kept by CI; on failure every open page is added (NN-echec-…)."""
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("*.png"), *folder.glob("*.html")]:
        old.unlink()
    return Shots(folder)


@pytest.fixture
def base_url(live_server) -> str:
    return live_server.url


def _new_page(browser, viewport: dict, base_url: str):
    context = browser.new_context(viewport=viewport, base_url=base_url, locale="fr-FR")
    context.set_default_timeout(15_000)
    # The admin's editing-session heartbeats (and their "release" beacon when a page closes) would
    # reach the live server while pytest-django flushes or restores the database after the test.
    context.route(re.compile(r"/admin/editing-sessions/"), lambda route: route.abort())
    return context, context.new_page()


@pytest.fixture(params=["bureau", "telephone"])
def viewport(request: pytest.FixtureRequest) -> dict:
    """Each journey runs on a desktop window and on a 375 px wide phone."""
    return DESKTOP if request.param == "bureau" else PHONE


def _close(request: pytest.FixtureRequest, shots: Shots, contexts: list) -> None:
    for number, context in enumerate(contexts, start=1):
        if getattr(request.node, "e2e_failed", False):
            for page in context.pages:
                shots(page, f"echec-navigateur-{number}")
                (shots.folder / f"echec-navigateur-{number}.html").write_text(page.content())
        context.close()


@pytest.fixture
def new_page(browser, base_url: str, viewport: dict, request: pytest.FixtureRequest, shots: Shots):
    """A factory of fresh browser pages (one context each: separate cookies, as separate people)."""
    contexts = []

    def make():
        context, page = _new_page(browser, viewport, base_url)
        contexts.append(context)
        return page

    yield make
    _close(request, shots, contexts)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def desktop_page(browser, base_url: str, request: pytest.FixtureRequest, shots: Shots):
    context, page = _new_page(browser, DESKTOP, base_url)
    yield page
    _close(request, shots, [context])
