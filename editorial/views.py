"""Admin views the editorial pages use instead of Wagtail's defaults (registered in wagtail_hooks)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from members.roles import user_structures


class OneAtATimeCreateView(CreateView):
    """Creations under one parent run one after the other, so that the slug check (editorial.forms)
    sees the page a concurrent request, a first autosave, has just created instead of colliding
    with it at save time (a 500)."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """The new page starts with the editor's structure (the one the dashboard button names,
        for someone who writes for several); EditorialPageForm keeps the choice to their own."""
        if hasattr(self.page, "structure_id"):
            structures = user_structures(request.user)
            wanted = request.GET.get("structure", "")
            chosen = structures.filter(pk=wanted).first() if wanted.isdigit() else None
            if chosen is None and len(structures[:2]) == 1:
                chosen = structures.first()
            if chosen is not None:
                self.page.structure = chosen
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=self.parent_page.pk).values_list("pk"))
            self.parent_page.refresh_from_db()  # its child count, which the tree reads to place the page
            return super().post(request, *args, **kwargs)


class EditorialPageViewSet(PageViewSet):
    add_view_class = OneAtATimeCreateView
