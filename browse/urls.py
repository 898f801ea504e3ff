"""Routes of the tag and theme pages, their feeds, the sitemap and robots.txt (mounted at the root)."""

from django.urls import path

from browse import feeds, sitemaps, views

app_name = "browse"

urlpatterns = [
    path("tags/", views.tag_list, name="tag_list"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag_detail"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("flux/ressources/", feeds.LatestFichesFeed(), name="feed_fiches"),
    path("flux/ressources/atom/", feeds.LatestFichesFeed(atom=True), name="feed_fiches_atom"),
    path("flux/evenements/", feeds.UpcomingEventsFeed(), name="feed_events"),
    path("flux/evenements/atom/", feeds.UpcomingEventsFeed(atom=True), name="feed_events_atom"),
    path("flux/themes/<slug:slug>/", feeds.ThemeFeed(), name="feed_theme"),
    path("flux/themes/<slug:slug>/atom/", feeds.ThemeFeed(atom=True), name="feed_theme_atom"),
    path("flux/tags/<slug:slug>/", feeds.TagFeed(), name="feed_tag"),
    path("flux/tags/<slug:slug>/atom/", feeds.TagFeed(atom=True), name="feed_tag_atom"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
