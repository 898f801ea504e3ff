from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The anonymous page cache; what purges it is the content version (site_kazasso.content_version)."""

    name = "site_kazasso.pagecache"
    verbose_name = "Cache des pages"
