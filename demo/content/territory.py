"""Working with the territory: local authorities, shared diagnostics, pooling, and the support trade."""

from __future__ import annotations

from datetime import date

from demo.spec import (
    ASSOCIATIONS_GOUV,
    FicheSpec,
    bullets,
    heading,
    image,
    key_points,
    links,
    paragraph,
    testimony,
)

ALT_TERRITOIRE = (
    "Bandeau turquoise avec une forme d'île et des points reliés entre eux, "
    "évoquant un réseau d'associations sur le territoire"
)

FICHES: tuple[FicheSpec, ...] = (
    FicheSpec(
        slug="cooperer-avec-sa-commune",
        title="Coopérer avec sa commune : retours d'expérience",
        chapo="Locaux, subventions, conventions, projets communs : la relation avec la commune compte "
        "pour la plupart des associations. Des associations de l'Est racontent comment elles ont "
        "construit un partenariat dans la durée.",
        structure="mda-saint-benoit",
        typology="cas-pratiques-temoignages",
        themes=("co-construction-developpement-local", "financement"),
        tags=("Coopération", "Collectivités", "Convention"),
        published=date(2024, 4, 9),
        updated=date(2024, 4, 9),
        body=(
            paragraph(
                "La commune est souvent le premier partenaire d'une association : prêt de salles, "
                "subventions, soutien logistique lors des manifestations. Ce partenariat fonctionne mieux "
                "quand il est préparé et formalisé."
            ),
            heading("Se faire connaître"),
            paragraph(
                "Présentez l'association aux élus et aux services concernés, envoyez votre rapport "
                "d'activité chaque année, invitez-les à vos temps forts. Un interlocuteur identifié dans "
                "les services facilite beaucoup les démarches."
            ),
            testimony(
                "Nous avons demandé un rendez-vous au service vie associative pour présenter notre "
                "projet, avant toute demande. L'année suivante, la commune nous proposait une convention "
                "de mise à disposition de salle.",
                "Josué",
                "Président d'une association de quartier à Saint-Benoît",
            ),
            heading("Formaliser le partenariat"),
            bullets(
                [
                    "Une convention de mise à disposition de locaux ou de matériel précise les "
                    "conditions, les horaires et l'assurance.",
                    "Une convention d'objectifs accompagne les subventions importantes et fixe les "
                    "engagements de chacun.",
                    "La charte des engagements réciproques entre l'État, les collectivités territoriales "
                    "et les associations donne un cadre de référence au partenariat.",
                ]
            ),
            image("territoire", ALT_TERRITOIRE),
            heading("Co-construire", "h3"),
            paragraph(
                "Au-delà du financement, des communes associent les associations à la définition des "
                "politiques locales : diagnostics partagés, conseils de la vie associative, appels à "
                "initiatives. Participer à ces instances, c'est faire entendre les besoins des habitants."
            ),
            key_points(
                "Se présenter avant de demander.",
                "Formaliser les mises à disposition par une convention.",
                "Participer aux instances de concertation locales.",
            ),
            links(ASSOCIATIONS_GOUV),
        ),
        related=("diagnostic-partage-territoire", "mutualiser-locaux-materiel", "demander-une-subvention"),
    ),
    FicheSpec(
        slug="metier-accompagnateur",
        title="Accompagner une association : posture et méthode",
        chapo="Pour les salariés et bénévoles des structures d'accompagnement : accueillir une "
        "association, poser un diagnostic partagé, orienter vers le bon interlocuteur et accompagner "
        "sans faire à la place. Un guide nourri par l'expérience du collectif.",
        structure="mouvement-associatif-reunion",
        typology="guide",
        themes=("accompagnement",),
        tags=("Accompagnement", "Guid'Asso", "Diagnostic"),
        published=date(2024, 6, 18),
        updated=date(2026, 10, 6),
        body=(
            paragraph(
                "Accompagner une association, c'est l'aider à trouver ses propres réponses. Les structures "
                "du collectif interviennent à des niveaux différents, que le label national Guid'Asso "
                "distingue ainsi : l'orientation, l'information, l'accompagnement généraliste et "
                "l'accompagnement spécialiste."
            ),
            heading("Les étapes d'un accompagnement"),
            bullets(
                [
                    "Accueillir : écouter la demande telle qu'elle est formulée.",
                    "Faire un diagnostic partagé : reformuler, repérer le besoin réel, qui n'est pas "
                    "toujours celui qui est exprimé.",
                    "Orienter si besoin vers la structure la mieux placée, en faisant le lien.",
                    "Construire avec l'association un plan d'action réaliste, avec des échéances.",
                    "Faire le point quelques mois plus tard.",
                ],
                ordered=True,
            ),
            heading("La posture", "h3"),
            paragraph(
                "L'accompagnateur ne décide pas à la place des dirigeants. Il apporte des informations "
                "fiables, des outils et un regard extérieur ; les choix restent ceux de l'association, et "
                "la responsabilité des décisions appartient à ses instances."
            ),
            testimony(
                "Une association venait pour « une subvention ». En discutant, nous avons compris que le "
                "vrai sujet était un désaccord au sein du bureau. Nous avons d'abord travaillé là-dessus.",
                "Murielle",
                "Accompagnatrice dans une maison des associations",
            ),
            heading("Travailler en réseau", "h3"),
            paragraph(
                "Aucune structure ne sait tout faire. Connaître les compétences des autres membres du "
                "collectif permet d'orienter juste et vite, comme pendant les webinaires de 2020, où "
                "chacun a apporté son expertise."
            ),
            key_points(
                "Partir de la demande, chercher le besoin.",
                "Accompagner sans faire à la place.",
                "Orienter vers le bon interlocuteur, en faisant le lien.",
            ),
            links(ASSOCIATIONS_GOUV),
        ),
        related=("diagnostic-partage-territoire", "huit-webinaires-en-deux-mois"),
    ),
    FicheSpec(
        slug="diagnostic-partage-territoire",
        title="Faire un diagnostic partagé de la vie associative d'un territoire",
        chapo="Avant de lancer une action pour les associations d'une commune ou d'un quartier, mieux "
        "vaut connaître leurs besoins. Un guide pour mener un diagnostic partagé avec les "
        "associations, les habitants et les collectivités.",
        structure="crajep-reunion",
        typology="guide",
        themes=("co-construction-developpement-local", "accompagnement"),
        tags=("Coopération", "Diagnostic", "Territoire"),
        published=date(2025, 10, 14),
        updated=date(2025, 10, 14),
        body=(
            paragraph(
                "Un diagnostic partagé réunit les acteurs d'un territoire pour dresser ensemble un état "
                "des lieux : quelles associations, quelles activités, quels besoins, quelles ressources. "
                "Parce qu'il est partagé, il devient un point d'appui commun pour agir."
            ),
            heading("Les étapes"),
            bullets(
                [
                    "Réunir un groupe de pilotage : associations, collectivité, structures d'accompagnement.",
                    "Rassembler les données existantes et les compléter par un questionnaire ou des "
                    "entretiens.",
                    "Organiser des temps d'échange ouverts aux associations pour discuter des premiers "
                    "résultats.",
                    "Hiérarchiser les besoins et proposer des pistes d'action.",
                    "Restituer le diagnostic à tous ceux qui y ont contribué.",
                ],
                ordered=True,
            ),
            image("territoire", ALT_TERRITOIRE),
            testimony(
                "Le diagnostic a montré que les associations des hauts de la commune ne venaient jamais "
                "aux formations, faute de transport. Nous avons organisé des permanences au plus près de "
                "chez elles.",
                "Valérie",
                "Animatrice vie associative dans l'Ouest de l'île",
            ),
            key_points(
                "Associer les associations dès le départ.",
                "S'appuyer sur les données existantes avant d'en produire de nouvelles.",
                "Restituer les résultats à tous les contributeurs.",
            ),
            links(ASSOCIATIONS_GOUV),
        ),
        related=("cooperer-avec-sa-commune", "metier-accompagnateur"),
    ),
    FicheSpec(
        slug="mutualiser-locaux-materiel",
        title="Partager des locaux et du matériel entre associations",
        chapo="Une salle, un barnum, une sono, un véhicule : partager ses moyens entre associations "
        "réduit les coûts et crée des liens. Des associations de l'Est racontent leur expérience, "
        "avec des conseils pour mutualiser sans conflit.",
        structure="mda-saint-benoit",
        typology="cas-pratiques-temoignages",
        themes=("co-construction-developpement-local", "evenements"),
        tags=("Coopération", "Mutualisation", "Locaux"),
        published=date(2026, 9, 22),
        updated=date(2026, 9, 22),
        body=(
            paragraph(
                "Beaucoup d'associations possèdent du matériel qui ne sert que quelques jours par an, "
                "pendant que d'autres le louent. La mutualisation permet de mieux utiliser ces ressources, "
                "à condition d'en fixer les règles."
            ),
            testimony(
                "Cinq associations du quartier ont acheté ensemble un barnum et une sono. Un planning "
                "partagé et une petite participation à l'entretien : cela fonctionne depuis trois saisons.",
                "Laurent",
                "Trésorier d'une association de quartier à Saint-Benoît",
            ),
            heading("Les règles à fixer"),
            bullets(
                [
                    "Qui est propriétaire du matériel, et qui l'assure.",
                    "Comment réserver : un planning partagé et une personne référente.",
                    "Qui paie l'entretien et les réparations.",
                    "Que faire en cas de casse ou de perte.",
                    "Comment une nouvelle association peut rejoindre la mutualisation.",
                ]
            ),
            heading("Formaliser", "h3"),
            paragraph(
                "Une convention simple, signée par chaque association, évite les malentendus. Pour des "
                "locaux, vérifiez avec le propriétaire et les assureurs que le partage est autorisé et "
                "couvert."
            ),
            image("territoire", ALT_TERRITOIRE, "Mutualiser, c'est aussi se connaître entre voisins."),
            key_points(
                "Un propriétaire identifié et une assurance vérifiée.",
                "Un planning partagé et une personne référente.",
                "Une convention simple, signée par tous.",
            ),
            links(ASSOCIATIONS_GOUV),
        ),
        related=("cooperer-avec-sa-commune", "organiser-une-manifestation"),
    ),
)
