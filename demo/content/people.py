"""People: volunteers, civic-service volunteers, first employee, and the insurance that covers them."""

from __future__ import annotations

from datetime import date

from demo.spec import (
    ASSOCIATIONS_GOUV,
    SERVICE_PUBLIC,
    FicheSpec,
    bullets,
    document,
    faq,
    heading,
    image,
    key_points,
    links,
    paragraph,
    testimony,
)

ALT_BENEVOLES = "Bandeau orange avec des cercles entrelacés, évoquant un groupe de bénévoles"

FICHES: tuple[FicheSpec, ...] = (
    FicheSpec(
        slug="assurance-benevoles-activites",
        title="Assurer ses bénévoles et ses activités",
        chapo="Qui est responsable en cas d'accident pendant une activité ? L'association doit-elle "
        "s'assurer ? Les notions de base de la responsabilité civile et les questions à poser à son "
        "assureur pour que bénévoles et participants soient bien couverts.",
        structure="udaf-reunion",
        typology="fiche-pratique",
        themes=("assurance-responsabilite", "benevolat-engagement"),
        tags=("Assurance", "Bénévoles", "Responsabilité civile"),
        published=date(2021, 9, 7),
        updated=date(2023, 5, 30),
        body=(
            paragraph(
                "La loi n'oblige pas toutes les associations à s'assurer, mais certaines activités "
                "imposent une assurance : les activités sportives, l'accueil collectif de mineurs ou le "
                "transport de personnes, par exemple. Dans les faits, toute association qui a des "
                "activités a intérêt à souscrire au moins une assurance de responsabilité civile."
            ),
            heading("Les garanties à connaître"),
            bullets(
                [
                    "La responsabilité civile de l'association : elle couvre les dommages causés à "
                    "d'autres personnes pendant les activités.",
                    "La protection des bénévoles : une garantie individuelle accident couvre leurs "
                    "propres dommages corporels.",
                    "Les locaux et le matériel : incendie, dégâts des eaux, vol, selon les contrats.",
                    "La responsabilité des dirigeants : elle peut être couverte par une garantie spécifique.",
                ]
            ),
            heading("Les bonnes questions à poser à l'assureur", "h3"),
            bullets(
                [
                    "Les bénévoles sont-ils considérés comme des tiers entre eux ?",
                    "Les activités exceptionnelles (manifestation, sortie, buvette) sont-elles couvertes ?",
                    "Que se passe-t-il si un bénévole utilise son véhicule personnel pour l'association ?",
                    "Quelles sont les exclusions et les franchises ?",
                ]
            ),
            testimony(
                "Un bénévole s'est blessé en montant un barnum. Notre contrat ne prévoyait rien pour les "
                "bénévoles eux-mêmes. Depuis, nous relisons le contrat chaque année avant la saison des "
                "manifestations.",
                "Sully",
                "Président d'un comité des fêtes à Saint-Philippe",
            ),
            key_points(
                "Une assurance de responsabilité civile est indispensable dès qu'il y a des activités.",
                "Vérifiez que les bénévoles eux-mêmes sont couverts.",
                "Signalez à l'assureur toute activité nouvelle ou exceptionnelle.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=(
            "organiser-une-buvette",
            "organiser-une-manifestation",
            "club-sportif-assurance-honorabilite",
        ),
    ),
    FicheSpec(
        slug="accueillir-volontaire-service-civique",
        title="Accueillir un volontaire en service civique",
        chapo="Le service civique permet à des jeunes de s'engager plusieurs mois dans une mission "
        "d'intérêt général. Ce qu'est une mission, l'agrément à obtenir, le tutorat et les erreurs à "
        "éviter pour une expérience réussie des deux côtés.",
        structure="ligue-enseignement-reunion",
        typology="guide",
        themes=("benevolat-engagement", "emploi-rh"),
        tags=("Service civique", "Engagement", "Jeunesse"),
        published=date(2022, 9, 13),
        updated=date(2025, 8, 19),
        body=(
            paragraph(
                "Le service civique est un engagement volontaire au service de l'intérêt général, ouvert "
                "aux jeunes de 16 à 25 ans, et jusqu'à 30 ans pour les jeunes en situation de handicap. La "
                "mission dure de six à douze mois, à raison d'au moins 24 heures par semaine. Le "
                "volontaire perçoit une indemnité versée par l'État, complétée par la structure d'accueil."
            ),
            heading("Une mission, pas un emploi"),
            paragraph(
                "Le volontaire ne remplace ni un salarié ni un stagiaire : sa mission complète l'action "
                "des salariés et des bénévoles, et lui permet de s'engager et d'apprendre. Elle ne doit "
                "pas porter sur les tâches administratives ou logistiques courantes de l'association."
            ),
            heading("Les étapes"),
            bullets(
                [
                    "Définir une mission d'intérêt général et désigner un tuteur ou une tutrice.",
                    "Obtenir l'agrément de service civique auprès des services de l'État, ou passer par "
                    "une structure déjà agréée qui peut accueillir des volontaires avec vous.",
                    "Publier la mission et recruter sur la motivation, sans condition de diplôme.",
                    "Accompagner le volontaire : tutorat, formation civique et citoyenne, réflexion sur "
                    "son projet d'avenir.",
                ],
                ordered=True,
            ),
            testimony(
                "Notre volontaire a créé un atelier numérique pour les seniors du quartier. Elle est "
                "repartie avec un projet professionnel, et l'atelier existe toujours, animé par des "
                "bénévoles.",
                "Henri",
                "Tuteur dans une association d'éducation populaire à Saint-André",
            ),
            faq(
                (
                    "Une petite association peut-elle accueillir un volontaire ?",
                    "Oui, notamment avec l'appui d'une fédération ou d'un réseau agréé qui l'accompagne "
                    "dans les démarches.",
                ),
                (
                    "Le volontaire est-il un salarié ?",
                    "Non, il n'y a pas de contrat de travail. Le volontaire signe un contrat d'engagement "
                    "de service civique et perçoit une indemnité, pas un salaire.",
                ),
            ),
            key_points(
                "Une mission d'intérêt général, complémentaire des salariés et des bénévoles.",
                "Un tuteur ou une tutrice disponible est indispensable.",
                "Les réseaux agréés peuvent accompagner les petites associations.",
            ),
            links(ASSOCIATIONS_GOUV, SERVICE_PUBLIC),
        ),
        related=("recruter-fideliser-benevoles", "premier-salarie"),
    ),
    FicheSpec(
        slug="premier-salarie",
        title="Embaucher son premier salarié",
        chapo="Passer du tout-bénévole à l'emploi est une étape importante. Les questions à se poser "
        "avant de recruter, les démarches d'embauche et les outils qui simplifient la gestion de la "
        "paie pour les petites associations.",
        structure="ligue-enseignement-reunion",
        typology="fiche-pratique",
        themes=("emploi-rh",),
        tags=("Emploi", "Premier salarié", "Chèque emploi associatif"),
        published=date(2023, 3, 21),
        updated=date(2025, 4, 8),
        body=(
            paragraph(
                "Devenir employeur engage l'association dans la durée : il faut pouvoir payer le salaire "
                "et les cotisations chaque mois, encadrer le travail et respecter le droit du travail. "
                "Avant de recruter, vérifiez que le financement du poste est assuré au-delà de la première "
                "année."
            ),
            heading("Avant de recruter"),
            bullets(
                [
                    "Définir le besoin et rédiger une fiche de poste.",
                    "Vérifier si une convention collective s'applique à l'activité de l'association.",
                    "Construire le budget du poste : salaire, cotisations, santé au travail, formation, "
                    "matériel.",
                    "Désigner au sein du bureau la personne qui exercera au quotidien le rôle d'employeur.",
                ]
            ),
            heading("Les démarches d'embauche"),
            bullets(
                [
                    "Effectuer la déclaration préalable à l'embauche (DPAE) avant la prise de poste.",
                    "Rédiger et signer le contrat de travail.",
                    "Adhérer à un service de prévention et de santé au travail.",
                    "Établir les bulletins de paie et déclarer chaque mois les salaires en DSN.",
                ],
                ordered=True,
            ),
            heading("Se simplifier la vie", "h3"),
            paragraph(
                "Des dispositifs comme le chèque emploi associatif ou Impact Emploi aident les petites "
                "associations à calculer les cotisations et à établir les bulletins de paie. "
                "Renseignez-vous auprès de la CGSS, l'interlocutrice des employeurs de La Réunion pour les "
                "cotisations sociales, et auprès d'une structure d'accompagnement."
            ),
            testimony(
                "Nous avons pris le temps de chiffrer le poste sur trois ans avant d'embaucher. Cela nous "
                "a évité de recruter sur une subvention d'un an, puis de devoir licencier.",
                "Véronique",
                "Présidente d'une association d'aide aux devoirs à Saint-Pierre",
            ),
            key_points(
                "Un emploi se finance sur plusieurs années, pas sur une subvention ponctuelle.",
                "La DPAE se fait avant le premier jour de travail.",
                "Des outils simplifient la paie des petites associations employeuses.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("webinaire-chomage-partiel", "accueillir-volontaire-service-civique", "budget-previsionnel"),
    ),
    FicheSpec(
        slug="recruter-fideliser-benevoles",
        title="Recruter et fidéliser ses bénévoles : retours d'expérience",
        chapo="Trouver des bénévoles, les accueillir et leur donner envie de rester : des associations "
        "réunionnaises partagent ce qui a marché chez elles, de la mission bien définie au livret "
        "d'accueil.",
        structure="udaf-reunion",
        typology="cas-pratiques-temoignages",
        themes=("benevolat-engagement", "gouvernance-vie-statutaire"),
        tags=("Bénévoles", "Engagement", "Accueil"),
        published=date(2024, 9, 24),
        updated=date(2024, 9, 24),
        body=(
            paragraph(
                "Beaucoup d'associations disent manquer de bénévoles. Pourtant, l'envie de s'engager "
                "existe : elle prend souvent des formes nouvelles, plus ponctuelles, liées à un projet "
                "précis. Les associations qui attirent et gardent leurs bénévoles ont en commun quelques "
                "pratiques simples."
            ),
            heading("Proposer des missions claires"),
            paragraph(
                "Une mission décrite précisément, avec le temps demandé et la personne référente, rassure. "
                "Elle permet aussi de proposer des engagements courts à ceux qui ne peuvent pas donner "
                "toutes leurs semaines."
            ),
            testimony(
                "Nous avons arrêté de demander « qui veut aider ? ». Nous publions des missions : tenir "
                "la billetterie un samedi, relire la lettre d'information. Les volontaires se présentent "
                "beaucoup plus facilement.",
                "Mélissa",
                "Secrétaire d'une association culturelle à Saint-Paul",
            ),
            heading("Bien accueillir"),
            paragraph(
                "Un premier rendez-vous, une présentation de l'association, un livret d'accueil et une "
                "personne référente : ces attentions font la différence dans les premières semaines."
            ),
            document(
                "livret-accueil-benevole",
                "Une trame à compléter pour présenter l'association à chaque nouveau bénévole.",
            ),
            testimony(
                "Chaque année, nous organisons une soirée de remerciement et nous faisons le point avec "
                "chaque bénévole sur ce qu'il a envie de faire l'année suivante.",
                "Jean-Claude",
                "Président d'une association familiale à Saint-Denis",
            ),
            key_points(
                "Des missions précises, y compris ponctuelles.",
                "Un accueil soigné et une personne référente.",
                "Remercier, reconnaître et faire évoluer les engagements.",
            ),
            links(ASSOCIATIONS_GOUV),
        ),
        related=("garder-le-lien-benevoles", "compte-engagement-citoyen", "assurance-benevoles-activites"),
    ),
    FicheSpec(
        slug="compte-engagement-citoyen",
        title="Valoriser l'engagement bénévole : le compte d'engagement citoyen",
        chapo="Les bénévoles qui exercent des responsabilités dans une association peuvent acquérir des "
        "droits à formation grâce au compte d'engagement citoyen. Les questions les plus fréquentes, "
        "pour les bénévoles et pour les associations qui les accompagnent.",
        structure="crajep-reunion",
        typology="faq",
        themes=("benevolat-engagement", "accompagnement"),
        tags=("Bénévoles", "Compte d'engagement citoyen", "Formation"),
        published=date(2025, 5, 6),
        updated=date(2026, 7, 1),
        body=(
            paragraph(
                "Le compte d'engagement citoyen (CEC) fait partie du compte personnel d'activité. Il "
                "reconnaît certains engagements, dont le bénévolat associatif, en leur attribuant des "
                "droits à formation inscrits sur le compte personnel de formation."
            ),
            faq(
                (
                    "Quels bénévoles sont concernés ?",
                    "Les bénévoles qui siègent dans l'instance de direction d'une association ou qui "
                    "encadrent d'autres bénévoles, dans une association déclarée depuis un certain temps, "
                    "et qui y consacrent un nombre minimal d'heures par an. Les conditions précises sont "
                    "détaillées sur service-public.fr.",
                ),
                (
                    "Comment déclarer ses heures ?",
                    "Le bénévole déclare ses activités en ligne, puis une personne désignée par "
                    "l'association, le valideur, confirme la déclaration. Les dates limites sont fixées "
                    "chaque année : anticipez.",
                ),
                (
                    "À quoi servent les droits acquis ?",
                    "À financer une formation, pour exercer ses responsabilités bénévoles ou pour son "
                    "parcours professionnel, comme les autres droits du compte personnel de formation.",
                ),
                (
                    "Quel est le rôle de l'association ?",
                    "Informer ses bénévoles, désigner un valideur et valider les déclarations dans les "
                    "délais. C'est une façon simple de reconnaître leur engagement.",
                ),
            ),
            image("benevoles", ALT_BENEVOLES),
            key_points(
                "Le CEC reconnaît l'engagement des bénévoles dirigeants ou encadrants.",
                "La déclaration du bénévole doit être validée par l'association.",
                "Les droits acquis financent des formations.",
            ),
            links(SERVICE_PUBLIC, ASSOCIATIONS_GOUV),
        ),
        related=("recruter-fideliser-benevoles", "fdva"),
    ),
)
