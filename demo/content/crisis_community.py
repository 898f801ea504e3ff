"""Spring 2020 webinars on people and governance, and how the collective organised the cycle."""

from __future__ import annotations

from datetime import date

from demo.spec import (
    ASSOCIATIONS_GOUV,
    SERVICE_PUBLIC,
    FicheSpec,
    bullets,
    document,
    heading,
    image,
    key_points,
    links,
    paragraph,
    testimony,
)

ALT_ASSEMBLEE = (
    "Bandeau violet avec des points disposés en demi-cercle, évoquant les participants d'une assemblée"
)
ALT_BENEVOLES = "Bandeau orange avec des cercles entrelacés, évoquant un groupe de bénévoles"
ALT_WEBINAIRE = (
    "Bandeau bleu avec un écran stylisé et des pastilles colorées, évoquant une réunion en visioconférence"
)

FICHES: tuple[FicheSpec, ...] = (
    FicheSpec(
        slug="ag-a-distance",
        title="Tenir son assemblée générale à distance",
        chapo="Ce qu'ont permis les règles d'urgence de 2020, ce qu'il faut prévoir aujourd'hui dans ses "
        "statuts, et des conseils pratiques pour qu'une AG en visioconférence reste un vrai moment "
        "de vie démocratique.",
        structure="crajep-reunion",
        typology="guide",
        themes=("gouvernance-vie-statutaire", "communication-numerique", "crise-resilience"),
        tags=("AG à distance", "Visioconférence", "Confinement", "Statuts"),
        published=date(2020, 5, 14),
        updated=date(2025, 1, 20),
        body=(
            paragraph(
                "Le confinement du printemps 2020 a empêché les associations de réunir leurs membres au "
                "moment où beaucoup devaient approuver leurs comptes. Une ordonnance du 25 mars 2020 a "
                "permis, à titre temporaire, de tenir les assemblées et les conseils à distance, par "
                "visioconférence ou par consultation écrite, même si les statuts ne le prévoyaient pas."
            ),
            heading("Et aujourd'hui ?"),
            paragraph(
                "Ces mesures d'exception ont pris fin. Pour tenir une assemblée générale à distance ou en "
                "mode hybride, il faut désormais que les statuts ou le règlement intérieur le prévoient. "
                "Profitez d'une prochaine assemblée générale extraordinaire pour ajouter une clause sur la "
                "participation à distance et le vote électronique."
            ),
            image("assemblee", ALT_ASSEMBLEE),
            heading("Réussir une AG en visioconférence"),
            bullets(
                [
                    "Envoyer tôt la convocation et les documents (rapports, comptes), avec le lien de "
                    "connexion et un mode d'emploi.",
                    "Proposer un essai de connexion la veille aux membres peu à l'aise avec l'outil.",
                    "Vérifier l'identité des participants et le quorum en début de séance.",
                    "Prévoir un outil de vote qui garantit, si nécessaire, le secret du vote.",
                    "Confier l'animation à une personne et la technique à une autre.",
                    "Rédiger le procès-verbal en précisant les modalités de participation à distance.",
                ]
            ),
            testimony(
                "Nous pensions perdre nos adhérents les plus âgés. Nous les avons appelés un par un avant "
                "l'AG pour tester la connexion : il y avait plus de monde qu'à l'AG précédente dans notre "
                "salle.",
                "Marie-Claude",
                "Présidente d'une association de quartier à Saint-Benoît",
            ),
            document(
                "convocation-ag",
                "Un modèle de convocation avec ordre du jour et pouvoir, à adapter à vos statuts.",
            ),
            key_points(
                "Une AG à distance doit être prévue par les statuts ou le règlement intérieur.",
                "La convocation précise comment se connecter et comment voter.",
                "Le procès-verbal mentionne les modalités de participation.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("preparer-assemblee-generale", "rediger-ses-statuts"),
    ),
    FicheSpec(
        slug="garder-le-lien-benevoles",
        title="Garder le lien avec ses bénévoles pendant le confinement",
        chapo="Des associations réunionnaises racontent comment elles ont maintenu le contact avec leurs "
        "bénévoles pendant le confinement de 2020 : appels, messageries, rendez-vous en ligne et "
        "petites missions à distance.",
        structure="ligue-enseignement-reunion",
        typology="cas-pratiques-temoignages",
        themes=("benevolat-engagement", "crise-resilience", "communication-numerique"),
        tags=("Bénévoles", "Confinement", "Visioconférence", "Résilience"),
        published=date(2020, 5, 28),
        updated=date(2020, 7, 10),
        body=(
            paragraph(
                "Quand les activités se sont arrêtées, beaucoup d'associations ont craint de perdre leurs "
                "bénévoles. Celles qui ont traversé la période sans trop de dommages ont souvent pris le "
                "temps d'appeler, d'écouter et de proposer autre chose."
            ),
            testimony(
                "Chaque membre du bureau a pris une liste de dix bénévoles à appeler toutes les semaines. "
                "Certains n'avaient besoin de rien ; d'autres étaient seuls, et ces appels ont beaucoup "
                "compté.",
                "Sabine",
                "Coordinatrice bénévole d'une association d'aide aux familles au Port",
            ),
            heading("Ce qui a fonctionné"),
            bullets(
                [
                    "Une chaîne téléphonique : chaque responsable appelle régulièrement quelques bénévoles.",
                    "Un groupe de messagerie pour partager des nouvelles, avec des règles simples pour ne "
                    "pas le saturer.",
                    "Un rendez-vous en visioconférence à heure fixe, court et convivial.",
                    "Des missions à distance : appels aux adhérents isolés, préparation de la reprise, "
                    "mise à jour du site.",
                ]
            ),
            image("benevoles", ALT_BENEVOLES, "Rester en lien, même à distance."),
            testimony(
                "Nos jeunes bénévoles ont animé des ateliers de jeux en ligne pour les enfants du "
                "quartier. À la reprise, ils étaient les premiers présents.",
                "Teddy",
                "Animateur d'une association d'éducation populaire à Saint-Louis",
            ),
            key_points(
                "Appeler vaut mieux qu'écrire : la voix rassure et permet de repérer les difficultés.",
                "Proposer des missions courtes et utiles, même à distance.",
                "Préparer la reprise avec les bénévoles plutôt que sans eux.",
            ),
            links(ASSOCIATIONS_GOUV),
        ),
        related=("recruter-fideliser-benevoles", "reprise-apres-confinement"),
    ),
    FicheSpec(
        slug="reprise-apres-confinement",
        title="Reprendre ses activités après le confinement",
        chapo="Replay du dernier webinaire du cycle, en juin 2020 : comment préparer la reprise des "
        "activités associatives, entre consignes sanitaires, assurance, accueil du public et "
        "remobilisation des équipes.",
        structure="crajep-reunion",
        typology="replay-webinaire",
        themes=("crise-resilience", "evenements", "assurance-responsabilite"),
        tags=("Résilience", "Covid-19", "Confinement", "Webinaire"),
        published=date(2020, 6, 11),
        updated=date(2020, 8, 25),
        body=(
            paragraph(
                "Le huitième webinaire du cycle portait sur la reprise. Les règles sanitaires de l'époque "
                "ont depuis disparu, mais la démarche reste utile après toute interruption : crise "
                "sanitaire, cyclone ou fermeture des locaux."
            ),
            heading("Avant de rouvrir"),
            bullets(
                [
                    "Faire le point avec le conseil d'administration : quelles activités reprendre, dans "
                    "quel ordre, avec quels moyens ?",
                    "Vérifier auprès de l'assureur que les activités reprises sont bien couvertes, "
                    "surtout si elles changent de forme ou de lieu.",
                    "Adapter l'accueil du public aux consignes en vigueur et les afficher.",
                    "Informer les adhérents, les bénévoles et les partenaires du calendrier de reprise.",
                ]
            ),
            heading("Remobiliser les équipes"),
            paragraph(
                "La reprise est aussi un moment humain : certains bénévoles ne reviendront pas tout de "
                "suite, d'autres auront de nouvelles envies. Un temps collectif pour se retrouver, faire "
                "le bilan de la période et redéfinir les priorités aide chacun à retrouver sa place."
            ),
            document(
                "supports-webinaires-2020",
                "La synthèse des huit webinaires, dont celui consacré à la reprise.",
            ),
            key_points(
                "Reprendre progressivement, en commençant par les activités essentielles.",
                "Informer l'assureur des changements d'activité.",
                "Prendre le temps de se retrouver avant de relancer toutes les activités.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("garder-le-lien-benevoles", "assurance-benevoles-activites", "organiser-une-manifestation"),
    ),
    FicheSpec(
        slug="huit-webinaires-en-deux-mois",
        title="Huit webinaires en deux mois : comment le collectif s'est organisé",
        chapo="Au printemps 2020, les structures d'accompagnement réunionnaises ont produit ensemble 8 "
        "webinaires en 2 mois, suivis chacun par 100 à 200 associations. Retour sur une méthode de "
        "coopération qui a donné naissance à Kaz Asso.",
        structure="mouvement-associatif-reunion",
        typology="cas-pratiques-temoignages",
        themes=("accompagnement", "co-construction-developpement-local", "crise-resilience"),
        tags=("Coopération", "Webinaire", "Confinement", "Résilience"),
        published=date(2020, 7, 2),
        updated=date(2024, 11, 5),
        body=(
            paragraph(
                "Le collectif est né en septembre 2019 au sein du Mouvement Associatif de La Réunion, dans "
                "la commission « Centre de ressources Vie Associative ». Il a été conforté lors de la "
                "conférence du 17 décembre 2019. Quelques mois plus tard, le confinement lui a donné une "
                "première mission très concrète."
            ),
            heading("Une organisation simple"),
            bullets(
                [
                    "Une plateforme partagée pour rassembler l'information par thème, au fil des annonces.",
                    "Un animateur différent pour chaque webinaire : l'accueil des séances tournait entre "
                    "les membres.",
                    "Des outils prêtés : un membre a construit le site web, un autre a mis à disposition "
                    "son outil de visioconférence.",
                    "Un pilotage assuré par le CRAJEP et la Ligue de l'Enseignement.",
                ]
            ),
            image("webinaire", ALT_WEBINAIRE, "Huit webinaires, de 100 à 200 associations à chaque séance."),
            heading("Ce que nous en retenons"),
            paragraph(
                "Mutualiser la veille a évité à chaque structure de refaire le même travail. Faire tourner "
                "l'animation a permis à chacun de prendre sa part et de faire connaître ses compétences. "
                "Surtout, les associations ont trouvé au même endroit des réponses concrètes, au moment où "
                "elles en avaient besoin."
            ),
            testimony(
                "Chacun apportait ce qu'il avait : une salle virtuelle, un juriste, un carnet d'adresses. "
                "Nous avons appris à travailler ensemble en le faisant.",
                "Josiane",
                "Accompagnatrice dans une structure membre du collectif",
            ),
            key_points(
                "Une coopération démarre souvent par un besoin urgent et partagé.",
                "Une plateforme commune et des rôles tournants répartissent la charge.",
                "Les associations ont besoin de réponses concrètes, au bon moment.",
            ),
        ),
        related=("diagnostic-partage-territoire", "metier-accompagnateur", "webinaire-chomage-partiel"),
    ),
)
