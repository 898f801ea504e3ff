"""Spring 2020 webinars on money and jobs: short-time work, PGE, solidarity fund, charges, cash."""

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

ALT_TRESORERIE = "Bandeau vert avec un histogramme et une courbe stylisés, évoquant le suivi de la trésorerie"

FICHES: tuple[FicheSpec, ...] = (
    FicheSpec(
        slug="webinaire-chomage-partiel",
        title="Chômage partiel : ce que les associations employeuses doivent savoir",
        chapo="Replay du premier webinaire du printemps 2020. Pendant le confinement, les associations "
        "employeuses ont pu recourir à l'activité partielle : qui était concerné, comment faire la "
        "demande et comment en parler à l'équipe salariée.",
        structure="crajep-reunion",
        typology="replay-webinaire",
        themes=("emploi-rh", "crise-resilience"),
        tags=("Chômage partiel", "Covid-19", "Confinement", "Webinaire"),
        published=date(2020, 4, 9),
        updated=date(2020, 6, 30),
        body=(
            paragraph(
                "Ce webinaire a été le premier d'un cycle de huit, organisé en deux mois par le collectif "
                "pendant le confinement. Il répondait à la question la plus posée par les associations "
                "employeuses en mars 2020 : que faire de l'équipe salariée quand les activités s'arrêtent ?"
            ),
            heading("L'activité partielle, c'est quoi ?"),
            paragraph(
                "L'activité partielle, appelée couramment chômage partiel, permet à un employeur confronté "
                "à une baisse ou à un arrêt d'activité de réduire ou de suspendre le temps de travail de "
                "ses salariés. Pendant les heures non travaillées, l'employeur verse une indemnité au "
                "salarié et reçoit en contrepartie une allocation de l'État. Les associations employeuses "
                "y ont accès comme les entreprises."
            ),
            heading("Les étapes de la demande au printemps 2020"),
            bullets(
                [
                    "Identifier les postes concernés et la réduction d'heures prévue.",
                    "Consulter le comité social et économique, s'il existe.",
                    "Déposer la demande d'autorisation sur le service en ligne du ministère du Travail.",
                    "Verser les indemnités aux salariés à la date habituelle de la paie.",
                    "Demander chaque mois le remboursement de l'allocation.",
                ],
                ordered=True,
            ),
            key_points(
                "L'activité partielle concerne les salariés, pas les bénévoles ni les volontaires en "
                "service civique.",
                "Le dialogue avec l'équipe salariée est essentiel : expliquer la situation, les heures "
                "concernées et la durée prévue.",
                "Les règles ont beaucoup évolué depuis 2020 : vérifiez les conditions en vigueur avant "
                "toute demande.",
            ),
            testimony(
                "Nous avions quatre salariés et plus aucune activité du jour au lendemain. Le webinaire "
                "nous a permis de déposer la demande dans la semaine, et surtout d'expliquer calmement la "
                "situation à l'équipe.",
                "Nadia",
                "Trésorière d'une association d'éducation populaire à Saint-Denis",
            ),
            document(
                "supports-webinaires-2020",
                "Les messages clés des huit webinaires du printemps 2020.",
            ),
            links(SERVICE_PUBLIC, ASSOCIATIONS_GOUV),
        ),
        related=("report-charges-sociales", "tresorerie-en-temps-de-crise", "premier-salarie"),
    ),
    FicheSpec(
        slug="pret-garanti-etat-associations",
        title="Le prêt garanti par l'État (PGE) : les associations aussi",
        chapo="Replay du webinaire d'avril 2020 consacré au prêt garanti par l'État. Ouvert aux "
        "associations ayant une activité économique, le PGE a aidé certaines d'entre elles à passer "
        "le cap du confinement, à condition d'anticiper son remboursement.",
        structure="ligue-enseignement-reunion",
        typology="replay-webinaire",
        themes=("financement", "crise-resilience", "comptabilite-fiscalite"),
        tags=("PGE", "Trésorerie", "Covid-19", "Webinaire"),
        published=date(2020, 4, 16),
        updated=date(2021, 3, 10),
        body=(
            paragraph(
                "Le prêt garanti par l'État a été créé en mars 2020 pour aider les entreprises à faire "
                "face à la crise. Les associations et fondations ayant une activité économique pouvaient "
                "aussi le demander. Le prêt est accordé par la banque ; l'État en garantit une partie, par "
                "l'intermédiaire de Bpifrance."
            ),
            heading("Pour quelles associations ?"),
            paragraph(
                "Le dispositif visait les associations ayant une activité économique, par exemple celles "
                "qui emploient des salariés ou qui vendent des prestations. Les conditions précises "
                "figuraient dans les textes et ont évolué : votre banque et les structures "
                "d'accompagnement peuvent vous aider à vérifier votre situation."
            ),
            heading("Un prêt reste un prêt"),
            paragraph(
                "Le PGE apporte de la trésorerie, pas des ressources : il faut le rembourser. Avant de le "
                "demander, l'association doit vérifier qu'elle pourra faire face aux échéances, à l'aide "
                "d'un plan de trésorerie sur plusieurs mois. Aucun remboursement n'était exigé la première "
                "année ; l'emprunteur pouvait ensuite choisir d'étaler le remboursement sur plusieurs "
                "années."
            ),
            image("tresorerie", ALT_TRESORERIE, "Un plan de trésorerie avant toute demande de prêt."),
            faq(
                (
                    "Le PGE est-il une subvention ?",
                    "Non. C'est un prêt bancaire, que l'association doit rembourser. La garantie de "
                    "l'État protège la banque, pas l'emprunteur.",
                ),
                (
                    "Qui décide de l'accorder ?",
                    "La banque de l'association, après examen de la demande. Préparez vos derniers "
                    "comptes, un budget prévisionnel et un plan de trésorerie.",
                ),
                (
                    "Peut-on cumuler le PGE avec d'autres aides ?",
                    "Oui, le PGE pouvait s'ajouter aux autres mesures de soutien, comme le chômage "
                    "partiel ou le fonds de solidarité, sous réserve des conditions propres à chacune.",
                ),
            ),
            key_points(
                "Le PGE finance un besoin de trésorerie passager, pas un déficit durable.",
                "Un plan de trésorerie sur douze mois est indispensable avant de s'endetter.",
                "Parlez-en tôt à votre banque, avec des chiffres à jour.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("tresorerie-en-temps-de-crise", "fonds-de-solidarite-associations"),
    ),
    FicheSpec(
        slug="fonds-de-solidarite-associations",
        title="Fonds de solidarité : les associations étaient-elles concernées ?",
        chapo="Les réponses aux questions posées lors du webinaire d'avril 2020 sur le fonds de "
        "solidarité, l'aide de l'État aux très petites structures économiques touchées par le "
        "confinement, ouverte sous conditions aux associations.",
        structure="crajep-reunion",
        typology="faq",
        themes=("financement", "crise-resilience"),
        tags=("Fonds de solidarité", "Covid-19", "Confinement", "Webinaire"),
        published=date(2020, 4, 23),
        updated=date(2020, 11, 20),
        body=(
            paragraph(
                "Créé en mars 2020, le fonds de solidarité a versé des aides aux petites entreprises, aux "
                "indépendants et à certaines associations dont l'activité avait été interrompue ou "
                "fortement réduite par la crise sanitaire. Les questions ci-dessous reprennent celles que "
                "les associations ont posées pendant le webinaire."
            ),
            faq(
                (
                    "Quelles associations pouvaient en bénéficier ?",
                    "Celles qui avaient une activité économique : par exemple les associations "
                    "employeuses ou celles soumises aux impôts commerciaux. Les conditions, notamment de "
                    "taille et de perte d'activité, ont été précisées et modifiées plusieurs fois par "
                    "décret.",
                ),
                (
                    "Où faire la demande ?",
                    "En ligne, sur le site des impôts (impots.gouv.fr), pour chaque période concernée. Le "
                    "numéro SIRET de l'association et ses coordonnées bancaires étaient demandés.",
                ),
                (
                    "Existait-il une aide complémentaire ?",
                    "Oui : un second volet, géré avec les Régions, pouvait s'ajouter pour les structures "
                    "les plus en difficulté, sous conditions.",
                ),
                (
                    "Le fonds de solidarité existe-t-il encore ?",
                    "Non, il a pris fin avec la sortie de crise. Pour une difficulté actuelle, "
                    "rapprochez-vous d'une structure d'accompagnement : elle vous orientera vers les "
                    "dispositifs en vigueur.",
                ),
            ),
            key_points(
                "Le fonds de solidarité était réservé aux associations ayant une activité économique.",
                "La demande se faisait en ligne, période par période.",
                "Conservez les justificatifs : l'administration pouvait contrôler les aides versées.",
            ),
            links(SERVICE_PUBLIC, ASSOCIATIONS_GOUV),
        ),
        related=("pret-garanti-etat-associations", "webinaire-chomage-partiel"),
    ),
    FicheSpec(
        slug="report-charges-sociales",
        title="Reporter ses cotisations sociales et ses échéances fiscales pendant la crise",
        chapo="Au printemps 2020, les associations employeuses ont pu reporter le paiement de leurs "
        "cotisations sociales. Ce qui a été décidé, le rôle de la CGSS à La Réunion et les bons "
        "réflexes pour ne pas être surpris au moment de payer.",
        structure="ligue-enseignement-reunion",
        typology="actualite-reglementaire",
        themes=("emploi-rh", "comptabilite-fiscalite", "crise-resilience"),
        tags=("Covid-19", "Trésorerie", "Confinement", "Charges sociales"),
        published=date(2020, 4, 30),
        updated=date(2020, 9, 15),
        body=(
            paragraph(
                "Dès mars 2020, les organismes de recouvrement ont permis aux employeurs de reporter tout "
                "ou partie du paiement des cotisations sociales, sans pénalité. À La Réunion, ces "
                "cotisations sont recouvrées par la Caisse générale de sécurité sociale (CGSS), qui joue "
                "le rôle de l'Urssaf."
            ),
            heading("Ce qu'il fallait faire"),
            bullets(
                [
                    "Continuer à déposer la déclaration sociale nominative (DSN) aux dates habituelles : "
                    "seul le paiement pouvait être reporté.",
                    "Moduler ou suspendre le paiement selon les consignes publiées par la CGSS.",
                    "Pour les impôts, par exemple la taxe sur les salaires, demander un report au service "
                    "des impôts des entreprises.",
                ]
            ),
            heading("Un report n'est pas une annulation"),
            paragraph(
                "Les sommes reportées restaient dues. Des plans d'apurement ont ensuite été proposés pour "
                "étaler les paiements, et certains employeurs ont bénéficié d'exonérations ou d'aides au "
                "paiement selon leur secteur. Pour ne pas fragiliser la trésorerie à la sortie de crise, "
                "il fallait provisionner les montants reportés."
            ),
            key_points(
                "Déclarer toujours, payer plus tard : la déclaration reste obligatoire.",
                "Les cotisations reportées devaient être payées ensuite : notez-les dans votre plan de "
                "trésorerie.",
                "À La Réunion, l'interlocuteur pour les cotisations sociales est la CGSS.",
            ),
            testimony(
                "Nous avons reporté deux échéances, mais nous les avons inscrites tout de suite dans "
                "notre tableau de trésorerie. À la reprise, nous savions exactement ce que nous devions.",
                "Jean-Marc",
                "Trésorier d'un club de football à Saint-Pierre",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("webinaire-chomage-partiel", "tresorerie-en-temps-de-crise"),
    ),
    FicheSpec(
        slug="tresorerie-en-temps-de-crise",
        title="Piloter sa trésorerie en temps de crise",
        chapo="Un outil et une méthode présentés lors du webinaire de mai 2020 : le plan de trésorerie "
        "mois par mois, pour voir venir les difficultés, dialoguer avec sa banque et ses financeurs, "
        "et décider à temps.",
        structure="mouvement-associatif-reunion",
        typology="outil",
        themes=("comptabilite-fiscalite", "crise-resilience"),
        tags=("Trésorerie", "Résilience", "Covid-19", "Webinaire"),
        published=date(2020, 5, 7),
        updated=date(2026, 3, 12),
        body=(
            paragraph(
                "Une association peut être en bonne santé sur l'année et manquer d'argent un mois donné : "
                "une subvention versée en retard, une manifestation annulée, des salaires à payer. Le plan "
                "de trésorerie permet d'anticiper ces creux."
            ),
            heading("Construire son plan de trésorerie"),
            bullets(
                [
                    "Partir du solde bancaire réel au début du mois.",
                    "Inscrire, mois par mois, les encaissements attendus à la date où l'argent arrivera "
                    "réellement, pas à la date de la décision.",
                    "Inscrire les décaissements : salaires, cotisations sociales, loyer, assurances, achats.",
                    "Calculer le solde de fin de mois, qui devient le solde de début du mois suivant.",
                    "Mettre le tableau à jour chaque mois et le comparer avec la réalité.",
                ],
                ordered=True,
            ),
            document("plan-tresorerie", "Un tableau à remplir sur douze mois, à ouvrir avec un tableur."),
            image("tresorerie", ALT_TRESORERIE),
            heading("Si un creux apparaît"),
            paragraph(
                "Parlez-en tôt : à votre banque, à vos financeurs (certains peuvent verser une avance ou "
                "accélérer un versement) et à votre conseil d'administration. Une structure "
                "d'accompagnement peut vous aider à préparer ces échanges."
            ),
            key_points(
                "Le plan de trésorerie se remplit avec des dates d'encaissement réalistes.",
                "Il se met à jour tous les mois, en bureau ou en conseil d'administration.",
                "Un creux anticipé se négocie ; un découvert subi coûte cher.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("comptabilite-de-tresorerie", "budget-previsionnel", "pret-garanti-etat-associations"),
    ),
)
