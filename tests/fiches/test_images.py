"""Pictures of fiches and events: alt text required, responsive renditions on cards and in the home
hero, a drawing when there is no image, and no query per card for them."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from taxonomy.models import Typology
from tests.factories import EventFactory, FicheFactory, aware

pytestmark = pytest.mark.django_db

ALT = "Des bénévoles autour d'une table, en assemblée générale."


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_image(description: str = ALT, size: tuple[int, int] = (160, 90)):
    return get_image_model().objects.create(
        title="Assemblée", description=description, file=get_test_image_file(size=size)
    )


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_an_image_without_alt_text_is_refused_in_french(fiche_index, event_index, home_page):
    silent = make_image(description="  ")
    for page, field in (
        (FicheFactory(), "image"),
        (EventFactory(), "image"),
        (home_page, "hero_image"),
    ):
        setattr(page, field, silent)
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        assert "n'a pas de texte alternatif" in " ".join(refused.value.message_dict[field])
        setattr(page, field, make_image())
        page.full_clean()  # with its description, the same page is valid


def test_cards_show_the_image_in_responsive_formats_or_the_typology_drawing(client, fiche_index, event_index):
    FicheFactory(title="Avec image", image=make_image(size=(800, 450)), published_at=aware(2024))
    FicheFactory(title="Sans image", typology=Typology.objects.get(slug="guide"), published_at=aware(2023))
    EventFactory(title="Webinaire illustré", image=make_image())
    EventFactory(title="Webinaire sans image")

    cards = soup_of(client, "/ressources/")
    with_image, without = cards.select(".card-list .card")
    picture = with_image.select_one(".card__media picture")
    assert [s["type"] for s in picture.select("source")] == ["image/avif", "image/webp"]
    for srcset in [s["srcset"] for s in picture.select("source")]:
        assert " 400w" in srcset and " 800w" in srcset
    img = picture.select_one("img")
    assert (img["alt"], img["width"], img["height"], img["loading"]) == (ALT, "400", "225", "lazy")
    assert "fill-400x225" in img["src"] and " 800w" in img["srcset"]
    drawing = without.select_one(".card__media img")
    assert drawing["src"].endswith("/taxonomy/illustrations/guide.svg")
    assert (drawing["alt"], drawing["width"], drawing["height"], drawing["loading"]) == (
        "",
        "400",
        "225",
        "lazy",
    )

    events = soup_of(client, "/evenements/").select(".event-card")
    assert events[0].select_one("picture img")["alt"] == ALT
    assert events[1].select_one(".card__media img")["src"].endswith("/illustrations/replay-webinaire.svg")


def test_home_hero_shows_its_image_eagerly_or_the_site_drawing(client, home_page):
    hero = soup_of(client, "/").select_one(".hero__media img")
    assert hero["src"].endswith("/home/hero.svg") and hero["alt"] == "" and hero["loading"] == "eager"
    home_page.hero_image = make_image(description="Le lagon et le Piton.")
    home_page.save_revision().publish()
    hero = soup_of(client, "/").select_one(".hero__media picture img")
    assert (hero["alt"], hero["loading"]) == ("Le lagon et le Piton.", "eager")
    assert hero.find_parent("picture").select_one("source[type='image/avif']")
    assert int(hero["width"]) * 3 == int(hero["height"]) * 4  # cropped to 4:3, never enlarged


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/ressources/", "/evenements/", "/structures/crajep-reunion/"])
def test_pictures_cost_no_query_per_card(client, fiche_index, event_index, url):
    def add(count: int) -> None:
        for _ in range(count):
            FicheFactory(image=make_image())
            EventFactory(image=make_image())

    add(2)
    client.get(url)  # makes the renditions, warms the catalogue
    with_2 = count_queries(client, url)
    add(3)
    client.get(url)
    assert count_queries(client, url) == with_2
