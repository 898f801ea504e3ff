"""The demo events, in creation order: the spring-2020 webinars, then the upcoming events.

The content lives in `demo.content.webinars_2020` and `demo.content.upcoming_events`;
this module is the single list the event builders and checks read.
"""

from __future__ import annotations

from demo.content.upcoming_events import ASSOCIATIONS, UPCOMING_EVENTS
from demo.content.webinars_2020 import WEBINARS_2020
from demo.events_spec import AssociationSpec, EventSpec

EVENTS: tuple[EventSpec, ...] = (*WEBINARS_2020, *UPCOMING_EVENTS)


def associations_by_key() -> dict[str, AssociationSpec]:
    """The registering associations, by the key the event specs use."""
    return {association.key: association for association in ASSOCIATIONS}


def event_slugs() -> set[str]:
    """Slugs of every demo event, to find duplicates."""
    return {event.slug for event in EVENTS}
