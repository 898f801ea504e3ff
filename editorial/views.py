"""Admin views the editorial pages use instead of Wagtail's defaults (registered in wagtail_hooks)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page


class OneAtATimeCreateView(CreateView):
    """Creations under one parent run one after the other, so that the slug check (editorial.forms)
    sees the page a concurrent request, a first autosave, has just created instead of colliding
    with it at save time (a 500)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=self.parent_page.pk).values_list("pk"))
            self.parent_page.refresh_from_db()  # its child count, which the tree reads to place the page
            return super().post(request, *args, **kwargs)


class EditorialPageViewSet(PageViewSet):
    add_view_class = OneAtATimeCreateView
