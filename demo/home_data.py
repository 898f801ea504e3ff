"""Home page text and site settings; every fact comes from shared/docs/taxonomy.md."""

from __future__ import annotations

HERO_TITLE = "Les ressources des associations de La Réunion"

INTRO = (
    "<p>Fiches pratiques, guides, modèles de documents et retours d'expérience, rédigés par les "
    "structures qui accompagnent les associations de La Réunion : pour <b>créer</b>, <b>animer</b>, "
    "<b>financer</b> et faire vivre votre association.</p>"
)

ABOUT = (
    "<p><b>Kaz Asso</b> est le collectif des structures d'accompagnement de la vie associative à "
    "La Réunion. Il est né en septembre 2019 au sein du Mouvement Associatif de La Réunion, dans la "
    "commission « Centre de ressources Vie Associative », et a été conforté lors de la conférence du "
    "17 décembre 2019 par les services de l'État chargés de la jeunesse et de la cohésion sociale.</p>"
    "<p>Pendant le premier confinement, au printemps 2020, le collectif, porté par le CRAJEP et la "
    "Ligue de l'Enseignement, a produit <b>8 webinaires en 2 mois</b>, suivis chacun par 100 à 200 "
    "associations, sur les questions concrètes du moment : chômage partiel, prêt garanti par l'État, "
    "fonds de solidarité, report des charges sociales, trésorerie, assemblées générales à distance, "
    "lien avec les bénévoles et reprise des activités.</p>"
    "<p>Une méthode de travail simple a rendu cela possible :</p>"
    "<ul>"
    "<li>une plateforme partagée pour rassembler l'information par thème ;</li>"
    "<li>l'animation de chaque webinaire confiée à tour de rôle à l'un des membres ;</li>"
    "<li>des outils mis en commun : un membre a construit le site web, un autre a prêté son outil "
    "de visioconférence.</li>"
    "</ul>"
    "<p>Depuis 2021, la Ligue de l'Enseignement assure la coordination et l'animation du collectif.</p>"
)

SITE_SETTINGS: dict[str, str] = {
    "contact_email": "contact@kazasso.re",
    "contact_address": (
        "Kaz Asso – collectif des structures d'accompagnement de la vie associative\nLa Réunion"
    ),
    "footer_text": (
        "Kaz Asso réunit les structures d'accompagnement de la vie associative à La Réunion. "
        "Les contenus de ce site sont rédigés par ses structures membres."
    ),
}
