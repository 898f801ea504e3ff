from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from site_kazasso import password_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's views under their own paths and names, with the rate limits (password_views.py).
    path(
        "admin/password_reset/",
        password_views.PasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        password_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", include("search.urls")),
    path("alertes/", include("alerts.urls")),
    # Draft preview links for people without an account (a token, not a page: editorial/sharing.py).
    path("apercu/", include("editorial.public_urls")),
    path("structures/", include(("browse.structure_urls", "members"))),
    # /tags/, /themes/<slug>/, /flux/…, /sitemap.xml, /robots.txt
    path("", include("browse.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
