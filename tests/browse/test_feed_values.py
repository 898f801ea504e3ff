"""Feeds read the site's name from the settings (WAGTAIL_SITE_NAME), not from a copy."""

import feedparser
import pytest

from tests.factories import EventFactory, reunion


@pytest.mark.django_db
def test_feed_title_comes_from_settings(client, event_index, frozen_now, settings):
    frozen_now(reunion(2030, 3, 1, 12))
    EventFactory(title="Atelier trésorerie")
    settings.WAGTAIL_SITE_NAME = "Kaz Asso Essai"
    feed = feedparser.parse(client.get("/flux/evenements/").content)
    assert feed.feed.title == "Kaz Asso Essai – événements à venir"
