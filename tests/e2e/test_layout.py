"""Layout of every public page type at 1280 and 375 px: screenshots kept as CI artifacts
(tests/e2e/artifacts/, or $KAZASSO_E2E_ARTIFACTS) and the checks a reader's eye makes: nothing wider
than the window, a compact header that the floating suggestions do not grow, no card or panel
with a tall empty bottom, images at their natural ratio."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.e2e.seed import E2E, seed_site
from tests.e2e.test_pages import PAGES
from tests.factories import FicheFactory, aware

pytestmark = E2E

LAYOUT_PAGES = {
    **PAGES,
    "ressources": "/ressources/",
    "fiche illustrée": "/ressources/fiche-illustree/",
    "structures": "/structures/",
    "mot-clé": "/tags/subventions/",
    "thème": "/themes/financement/",
    "alertes": "/alertes/?theme=financement",
}
WIDTHS = (1280, 375)
MAX_HEADER_PHONE = 120  # px, with the suggestions open
MAX_EMPTY_BOTTOM = 200  # px of blank space at the bottom of a card or panel
PANELS = (
    ".card, .facets, .fiche__header, .fiche__body, .fiche__aside section, .speakers, .registration, "
    ".replay, .about, .tag-top, .empty, .theme-tile, .member-list a"
)

# Elements sticking out of the window horizontally (1 px of rounding allowed; the visually hidden
# helpers are 1 px boxes and do not count).
OVERFLOWING = """() => {
  const root = document.documentElement, width = root.clientWidth;
  const out = [];
  if (root.scrollWidth > width + 1) out.push("document: " + root.scrollWidth);
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (box.right > width + 1 || box.left < -1) {
      out.push(el.tagName + "." + el.className + " " + Math.round(box.left) + "→" + Math.round(box.right));
    }
  }
  return out.slice(0, 10);
}"""

# Blank height between a panel's content and its inner bottom edge.
EMPTY_BOTTOMS = """([selector, limit]) => {
  const found = [];
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    if (!box.height) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const content = range.getBoundingClientRect();
    const style = getComputedStyle(el);
    const inner = box.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth);
    const empty = inner - content.bottom;
    if (empty > limit) found.push(el.tagName + "." + el.className + ": " + Math.round(empty) + " px");
  }
  return found;
}"""

# Shown images whose rendered ratio differs from their file's by more than 2 %.
DISTORTED = """() => Array.from(document.images)
  .filter(img => img.naturalWidth && img.getBoundingClientRect().width)
  .map(img => {
    const box = img.getBoundingClientRect();
    const drawn = box.width / box.height, natural = img.naturalWidth / img.naturalHeight;
    return {src: img.currentSrc, gap: Math.abs(drawn - natural) / natural};
  })"""


def illustrated_fiche() -> None:
    """A short fiche (a 320 × 200 image, its sidebar is taller), a picture for the ratio check and
    enough tags for the tag facet of /ressources/ to fold after eight."""
    image = get_image_model().objects.create(
        title="Réunion de bureau", file=get_test_image_file(size=(320, 200))
    )
    body = [
        {
            "type": "image",
            "value": {"image": image.pk, "alt": "Une réunion de bureau", "caption": "En réunion."},
        }
    ]
    FicheFactory(
        title="Une fiche illustrée",
        slug="fiche-illustree",
        themes=["financement"],
        tags=["Subventions", *(f"Mot-clé {n}" for n in range(1, 10))],  # the tag facet folds
        body=json.dumps(body),
        published_at=aware(2025, 4, 1),
    )


def serve_media(page) -> None:
    """The live server does not serve uploads (DEBUG is off): the browser reads them from MEDIA_ROOT."""
    root = Path(settings.MEDIA_ROOT)

    def fulfil(route):
        path = root / route.request.url.split("/media/", 1)[1].split("?")[0]
        route.fulfill(path=str(path)) if path.is_file() else route.fulfill(status=404)

    page.context.route(re.compile(r"/media/"), fulfil)


def open_suggestions(page) -> None:
    page.locator("#header-q").fill("subvention")
    expect(page.locator("#header-q")).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("listbox")).to_be_visible()


# True once every image has loaded or failed. Polled from here: the site's CSP forbids the eval
# that page.wait_for_function needs.
IMAGES_LOADED = "() => Array.from(document.images).every(img => img.complete)"
EAGER_IMAGES = (
    "() => document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })"
)


def wait_for_images(page, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not page.evaluate(IMAGES_LOADED):
        pending = page.evaluate(
            "() => Array.from(document.images).filter(i => !i.complete).map(i => i.currentSrc || i.src)"
        )
        assert time.monotonic() < deadline, f"images non chargées : {page.url} {pending}"
        page.wait_for_timeout(100)


def test_every_page_type_at_both_widths(desktop_page, shots):
    page = desktop_page
    seed_site(extra_fiches=12)  # enough cards to paginate and a tag facet to fold
    illustrated_fiche()
    serve_media(page)
    problems, measured = [], 0
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900 if width > 400 else 812})
        for number, (name, path) in enumerate(LAYOUT_PAGES.items()):
            response = page.goto(path)
            assert response.status == 200, path
            # Lazy images load only near the viewport: load them all, to measure them.
            page.evaluate(
                "() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
            )
            wait_for_images(page)
            page.evaluate("window.scrollTo(0, 0)")
            shots(page, f"{name.replace(' ', '-')}-{width}")
            problems += [f"{width} {path} déborde : {item}" for item in page.evaluate(OVERFLOWING)]
            problems += [
                f"{width} {path} vide : {item}"
                for item in page.evaluate(EMPTY_BOTTOMS, [PANELS, MAX_EMPTY_BOTTOM])
            ]
            images = page.evaluate(DISTORTED)
            measured += len(images)
            problems += [f"{width} {path} image déformée : {item}" for item in images if item["gap"] > 0.02]
            if path == "/ressources/":
                assert page.locator("details.facet__more summary").count() == 1, "facette non repliée"
            if number == 0:  # the header is the same everywhere: open the suggestions once per width
                header = page.locator("header.site-header")
                closed = header.bounding_box()["height"]
                open_suggestions(page)
                shots(page, f"suggestions-{width}")
                opened = header.bounding_box()["height"]
                assert opened == closed, "les suggestions agrandissent l'en-tête"
                if width < 400:
                    assert opened < MAX_HEADER_PHONE, opened
                problems += [f"{width} suggestions : {item}" for item in page.evaluate(OVERFLOWING)]
    assert problems == []
    assert measured >= 2, "aucune image mesurée"  # the illustrated fiche, at each width
