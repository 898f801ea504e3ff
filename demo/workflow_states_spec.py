"""The states of the workflow demo and the people who take pages there; the webinar left at step 1.

A fiche spec says which state its page is taken to, by whom: the editor of its structure writes and
submits it, `reviewer` acts at step 1 (an editor of another structure who belongs to "Relecture")
and `coordinator` at step 2. The fiches themselves are in `workflow_states_data`; `workflow_states`
drives them all through the real workflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from demo.events_spec import EventSpec, guest, member
from demo.spec import FicheSpec, document, heading, key_points, paragraph

DRAFT = "brouillon"
PEER_REVIEW = "relecture par un pair"
COORDINATION = "validation par la coordination"
NEEDS_CHANGES = "modifications demandées"
SCHEDULED = "publication programmée"
PUBLISHED = "publiée par le circuit"
STATES = (DRAFT, PEER_REVIEW, COORDINATION, NEEDS_CHANGES, SCHEDULED, PUBLISHED)
"""In the order a page goes through them (changes requested branch off step 1)."""

LOAD_DAY = date.max
"""Written now: `build_fiche` clamps `updated` to the day of the load; `published` is not used."""

GO_LIVE_DAYS = 10
GO_LIVE_TIME = time(8, 0)


@dataclass(frozen=True)
class WorkflowFicheSpec:
    """A fiche and the state it is left in; reviewer and coordinator are demo usernames."""

    state: str
    fiche: FicheSpec
    reviewer: str = ""
    coordinator: str = ""
    comment: str = ""
    go_live_days: int = 0


@dataclass(frozen=True)
class WorkflowEventSpec:
    """An upcoming event submitted by its structure's editor and left at step 1."""

    state: str
    event: EventSpec


WORKFLOW_EVENTS: tuple[WorkflowEventSpec, ...] = (
    WorkflowEventSpec(
        state=PEER_REVIEW,
        event=EventSpec(
            slug="webinaire-comptabilite-tableur",
            title="Webinaire : tenir la comptabilité de son association avec un tableur",
            chapo="Recettes, dépenses, rapprochement bancaire et bilan de fin d'année : une heure et demie "
            "pour construire, pas à pas, le tableur de comptabilité d'une petite association.",
            format="webinaire",
            days_ahead=30,
            start_time=time(18, 0),
            minutes=90,
            structure="mda-saint-benoit",
            themes=("comptabilite-fiscalite",),
            tags=("Webinaire", "Comptabilité", "Tableur"),
            speakers=(
                member("Rose-May C.", "Conseillère vie associative", "mda-saint-benoit"),
                guest("Didier P.", "Expert-comptable bénévole", "Association d'aide à la gestion"),
            ),
            audience="Trésoriers bénévoles de petites associations",
            body=(
                paragraph(
                    "Un webinaire en fin de journée, pour les trésoriers qui tiennent les comptes le soir. "
                    "Nous partirons d'un tableur vierge pour arriver à un suivi prêt pour l'assemblée "
                    "générale."
                ),
                heading("Au programme"),
                paragraph(
                    "<ul><li>Organiser le journal des recettes et des dépenses.</li>"
                    "<li>Rapprocher le tableur du relevé bancaire chaque mois.</li>"
                    "<li>Présenter les comptes de l'année en une page.</li></ul>"
                ),
                key_points(
                    "Un ordinateur avec un tableur suffit.",
                    "Le lien de connexion est envoyé par courriel aux personnes inscrites.",
                ),
            ),
            resources=(document("plan-tresorerie", "Le tableau utilisé pendant le webinaire."),),
        ),
    ),
)
