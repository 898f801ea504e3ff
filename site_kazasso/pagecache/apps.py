from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "site_kazasso.pagecache"
    label = "pagecache"
    verbose_name = "Cache des pages"

    def ready(self) -> None:
        from site_kazasso.pagecache.signals import connect_purge_signals

        connect_purge_signals()
