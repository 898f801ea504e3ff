"""French typography: « 1er » in dates, non-breaking spaces, lowercase months, ASCII slugs, wording."""

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from django.conf import settings
from django.template import Context, Template
from django.utils.safestring import SafeString, mark_safe

from site_kazasso.typography import first_of_month, french_spacing, typo
from tests.factories import EventFactory, FicheFactory, aware, reunion

NB = "\u00a0"


def render(source: str, **context) -> str:
    """Through the template engine: the filters are builtins, no {% load %}."""
    return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (dt.date(2026, 4, 1), "j F Y", "1er avril 2026"),
        (dt.date(2026, 4, 2), "j F Y", "2 avril 2026"),
        (dt.date(2026, 12, 1), "l j F", "mardi 1er décembre"),
        (dt.date(2026, 4, 1), "d/m/Y", "01/04/2026"),  # a numeric day stays numeric
        (dt.date(2026, 4, 1), r"\j j", "j 1er"),  # an escaped letter stays a letter
        (dt.date(2026, 4, 1), "j", "1er"),  # the day badge of event cards
    ],
)
def test_fr_date(value, fmt, expected):
    assert render("{{ d|fr_date:f }}", d=value, f=fmt) == expected


def test_fr_date_reads_the_day_in_reunion_time():
    # 31 March 22:00 UTC is 1 April 02:00 in La Réunion.
    assert (
        render('{{ d|fr_date:"j F Y à H\\hi" }}', d=dt.datetime(2026, 3, 31, 22, tzinfo=dt.UTC))
        == "1er avril 2026 à 02h00"
    )
    assert render("{{ d|fr_date }}", d=None) == ""


def test_first_of_month_only_rewrites_the_plain_day():
    assert first_of_month(r"l j F \j") == r"l \1\e\r F \j"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Titre : suite", f"Titre{NB}: suite"),
        ("« mot »", f"«{NB}mot{NB}»"),
        ("«mot»", f"«{NB}mot{NB}»"),
        ("Vraiment ? Oui ! Ensuite ; fin", f"Vraiment{NB}? Oui{NB}! Ensuite{NB}; fin"),
        ("À  :  deux espaces", f"À{NB}:  deux espaces"),
        ("10:30, https://kazasso.re/?q=1", "10:30, https://kazasso.re/?q=1"),  # glued marks untouched
    ],
)
def test_french_spacing(text, expected):
    assert french_spacing(text) == expected


def test_typo_escapes_plain_text_and_keeps_safe_markup_safe():
    assert render("{{ t|typo }}", t="<b>Attention :</b>") == f"&lt;b&gt;Attention{NB}:&lt;/b&gt;"
    assert isinstance(typo(mark_safe("<em>Oui !</em>")), SafeString)
    assert render("{{ t|typo }}", t=mark_safe("<em>Oui !</em>")) == f"<em>Oui{NB}!</em>"


def test_event_card_month_is_not_capitalised_by_the_stylesheet():
    css = (Path(settings.BASE_DIR) / "site_kazasso/static/css/kazasso.css").read_text()
    rule = re.search(r"\.event-card__month \{[^}]*\}", css).group(0)
    assert "capitalize" not in rule and "uppercase" not in rule


# Rendered pages -------------------------------------------------------------------------------

# A regular space before a high punctuation mark or a closing quote, or after an opening quote.
LOOSE = re.compile(r"« | [»:;!?](?=\s|$)")


def visible_text(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    return soup.get_text()


@pytest.mark.django_db
def test_pages_show_first_of_month_and_no_loose_punctuation(client, fiche_index, event_index):
    fiche = FicheFactory(
        title="Assemblée générale : « le guide » !",
        chapo="À quoi sert l'AG ? Tout savoir : convocation, quorum, vote.",
        tags=["Gouvernance"],
        published_at=aware(2026, 4, 1),
        updated_on=dt.date(2026, 12, 1),
    )
    event = EventFactory(title="Atelier : budget", start=reunion(2030, 3, 1, 9), tags=["Gouvernance"])
    pages = {
        fiche.url: ["1er avril 2026", "1er décembre 2026"],
        event.url: ["vendredi 1er mars 2030"],
        "/ressources/?tri=pertinence&annee=20x": [],
        "/evenements/": ["1er", "mars 2030"],
        "/tags/gouvernance/": [],
        "/recherche/?q=guide": [],
    }
    for url, dates in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response)
        for shown in dates:
            assert shown in text, (url, shown)
        assert not LOOSE.findall(text), (
            url,
            [text[max(0, m.start() - 30) : m.end() + 10] for m in LOOSE.finditer(text)],
        )
    notices = client.get("/ressources/?tri=pertinence").context["notices"]
    assert notices  # rendered through typo: checked above on the same page


# Slugs ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_slug_of_a_new_page_is_ascii(fiche_index):
    fiche = FicheFactory(title="L'égalité femmes–hommes à l'école", slug="")
    assert fiche.slug == "legalite-femmeshommes-a-lecole"
    assert fiche.url == "/ressources/legalite-femmeshommes-a-lecole/"


def test_demo_slugs_are_ascii():
    slugs = []

    def walk(node):
        if isinstance(node, dict):
            slugs.extend(str(v) for k, v in node.items() if k == "slug")
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for path in (Path(settings.BASE_DIR) / "demo/data").rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text()))
    assert len(slugs) > 30
    assert [slug for slug in slugs if not slug.isascii()] == []


# Wording --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_tag_page_counts_in_words_without_zero_parts(client, fiche_index):
    FicheFactory(title="Une seule fiche", tags=["Solitaire"])
    lead = BeautifulSoup(client.get("/tags/solitaire/").content, "html.parser").select_one(".lead")
    assert lead.get_text() == f"Portent ce mot-clé{NB}: 1 ressource."


@pytest.mark.django_db
def test_fiche_names_its_structure_once(client, fiche_index):
    fiche = FicheFactory(title="Une fiche")
    soup = BeautifulSoup(client.get(fiche.url).content, "html.parser")
    facts = {
        dt_.get_text(strip=True): dd.get_text(strip=True)
        for dt_, dd in zip(soup.select(".fiche__facts dt"), soup.select(".fiche__facts dd"), strict=True)
    }
    assert facts["Publiée par"] == fiche.structure.name
    assert "Structure" not in facts
    assert soup.select_one("article.fiche").get_text().count(fiche.structure.name) == 1


def test_demo_contact_address_says_a_la_reunion():
    values = yaml.safe_load((Path(settings.BASE_DIR) / "demo/data/home.yaml").read_text())["site_settings"]
    assert "vie associative à La Réunion" in values["contact_address"]
    assert "vie associative La Réunion" not in " ".join(values["contact_address"].split())
