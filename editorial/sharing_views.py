"""Admin views of draft preview links: a page's links, create one, revoke one."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from editorial import sharing
from editorial.models import PreviewLink


def shareable_page(request: HttpRequest, page_id: int) -> Page:
    page = get_object_or_404(Page, pk=page_id).specific
    if not sharing.can_share(page, request.user):
        raise PermissionDenied
    return page


class PreviewLinksView(WagtailAdminTemplateMixin, TemplateView):
    """GET lists the page's links; POST creates one and shows its address."""

    page_title = gettext_lazy("Partager un aperçu")
    header_icon = "link"
    template_name = "editorial/preview_links.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.page = shareable_page(request, kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        links = sharing.links_of(self.page)
        for link in links:
            link.url = self.request.build_absolute_uri(reverse("editorial_shared_preview", args=[link.token]))
        return {
            **super().get_context_data(**kwargs),
            "page": self.page,
            "links": links,
            "days": sharing.lifetime().days,
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        link = sharing.create_link(self.page, request.user)
        url = request.build_absolute_uri(reverse("editorial_shared_preview", args=[link.token]))
        messages.success(
            request,
            _("Lien d'aperçu créé, valable jusqu'au %(date)s : %(url)s")
            % {"date": timezone.localtime(link.expires_at).strftime("%d/%m/%Y à %H:%M"), "url": url},
        )
        return redirect("editorial_preview_links", page_id=self.page.pk)


@require_POST
def revoke(request: HttpRequest, link_id: int) -> HttpResponse:
    link = get_object_or_404(PreviewLink.objects.select_related("page"), pk=link_id)
    page = shareable_page(request, link.page_id)
    if sharing.revoke_link(link, request.user):
        messages.success(request, _("Lien d'aperçu révoqué : il ne montre plus la page."))
    return redirect("editorial_preview_links", page_id=page.pk)
