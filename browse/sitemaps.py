"""/sitemap.xml and /robots.txt: what search engines may crawl, and where to find it all.

Wagtail lists the live, public pages; the routes that are not Wagtail pages (structures,
tags, themes) get plain Django sitemaps beside it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view

from browse.queries import TagUsage, used_tags
from members.models import Structure
from taxonomy.models import Theme


class StaticViewSitemap(Sitemap):
    """Index pages served by Django views rather than Wagtail."""

    def items(self) -> list[str]:
        return ["members:structure_list", "browse:tag_list"]

    def location(self, item: str) -> str:
        return reverse(item)


class StructureSitemap(Sitemap):
    def items(self) -> QuerySet[Structure]:
        return Structure.objects.order_by("name").only("slug")

    def location(self, item: Structure) -> str:
        return item.get_absolute_url()


class ThemeSitemap(Sitemap):
    def items(self) -> QuerySet[Theme]:
        return Theme.objects.ordered().only("slug")

    def location(self, item: Theme) -> str:
        return reverse("browse:theme_detail", args=[item.slug])


class TagSitemap(Sitemap):
    """Only tags that live content carries: the others have no page worth indexing."""

    def items(self) -> list[TagUsage]:
        return [tag for tag in used_tags() if tag.url]

    def location(self, item: TagUsage) -> str:
        return item.url or ""


SITEMAPS: dict[str, Any] = {
    "pages": WagtailSitemap,
    "index": StaticViewSitemap,
    "structures": StructureSitemap,
    "themes": ThemeSitemap,
    "tags": TagSitemap,
}


def sitemap(request: HttpRequest) -> HttpResponse:
    return wagtail_sitemap_view(request, sitemaps=SITEMAPS)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything but the admin, search results and registrants' private cancellation links."""
    return render(
        request,
        "browse/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("browse:sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
