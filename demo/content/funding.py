"""Funding: subsidies, Le Compte Asso, the forecast budget and the FDVA."""

from __future__ import annotations

from datetime import date

from demo.spec import (
    ASSOCIATIONS_GOUV,
    COMPTE_ASSO,
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

ALT_DOCUMENTS = (
    "Bandeau gris-bleu avec des feuilles de papier superposées, évoquant des documents administratifs"
)
ALT_BENEVOLES = "Bandeau orange avec des cercles entrelacés, évoquant un groupe de bénévoles"

FICHES: tuple[FicheSpec, ...] = (
    FicheSpec(
        slug="demander-une-subvention",
        title="Demander une subvention : préparer un dossier solide",
        chapo="Une subvention finance un projet porté par l'association, pas une prestation commandée par "
        "la collectivité. Les étapes pour préparer sa demande, le formulaire commun, les pièces à "
        "réunir et le compte rendu à rendre ensuite.",
        structure="drajes-reunion",
        typology="fiche-pratique",
        themes=("financement",),
        tags=("Subventions", "Le Compte Asso", "Cerfa"),
        published=date(2021, 5, 20),
        updated=date(2026, 1, 15),
        body=(
            paragraph(
                "Une subvention est une contribution facultative d'une autorité administrative à une "
                "action, un projet ou au fonctionnement d'une association, qui en a l'initiative. Elle "
                "n'est jamais automatique : elle se demande, se justifie, et il faut ensuite rendre compte "
                "de son utilisation."
            ),
            heading("Les étapes"),
            bullets(
                [
                    "Repérer le bon financeur : commune, intercommunalité, Département, Région, services "
                    "de l'État, selon l'action et le territoire.",
                    "Vérifier le calendrier : beaucoup de financeurs lancent des appels à projets avec "
                    "une date limite.",
                    "Remplir la demande, en ligne sur Le Compte Asso ou avec le formulaire Cerfa n° 12156.",
                    "Joindre les pièces : statuts, liste des dirigeants, derniers comptes approuvés, "
                    "rapport d'activité, budget prévisionnel, RIB.",
                    "Après l'action, rendre le compte rendu financier dans les délais prévus.",
                ],
                ordered=True,
            ),
            heading("Soigner la description du projet", "h3"),
            paragraph(
                "Expliquez le besoin auquel répond le projet, le public visé, les actions prévues, les "
                "résultats attendus et la façon dont vous les mesurerez. Le budget du projet doit être "
                "équilibré et cohérent avec le budget global de l'association."
            ),
            document(
                "budget-previsionnel",
                "Un modèle qui reprend la présentation par comptes du formulaire de demande.",
            ),
            faq(
                (
                    "Faut-il un numéro SIRET ?",
                    "Oui, il est demandé dans le formulaire. Si l'association n'en a pas, elle le demande "
                    "à l'Insee.",
                ),
                (
                    "Une convention est-elle nécessaire ?",
                    "Au-delà de 23 000 euros de subvention par an, une convention précisant l'objet, le "
                    "montant et les conditions d'utilisation de la subvention doit être signée avec le "
                    "financeur.",
                ),
                (
                    "Que faire si la subvention arrive tard ?",
                    "Anticipez avec un plan de trésorerie, et n'hésitez pas à demander au financeur le "
                    "calendrier de versement ou une avance.",
                ),
            ),
            key_points(
                "Une subvention soutient un projet dont l'association a l'initiative.",
                "Le dossier se prépare avec des comptes et un budget prévisionnel à jour.",
                "Le compte rendu financier est obligatoire après l'action.",
            ),
            links(COMPTE_ASSO, ASSOCIATIONS_GOUV, SERVICE_PUBLIC),
        ),
        related=("le-compte-asso", "budget-previsionnel", "contrat-engagement-republicain"),
    ),
    FicheSpec(
        slug="le-compte-asso",
        title="Le Compte Asso : mode d'emploi",
        chapo="Le Compte Asso est le service en ligne de l'État pour les associations : mettre à jour ses "
        "informations, déposer ses documents une fois pour toutes et demander des subventions. Le "
        "guide pour créer son compte et l'utiliser au quotidien.",
        structure="drajes-reunion",
        typology="guide",
        themes=("financement", "communication-numerique", "creation-formalites"),
        tags=("Le Compte Asso", "Subventions", "Démarches en ligne"),
        published=date(2022, 1, 25),
        updated=date(2025, 9, 9),
        body=(
            paragraph(
                "Le Compte Asso rassemble les informations administratives de l'association : identité, "
                "dirigeants, statuts, comptes, rapports d'activité. Une fois déposés, les documents sont "
                "réutilisés pour chaque demande de subvention faite en ligne auprès des financeurs qui "
                "utilisent ce service."
            ),
            heading("Créer son compte"),
            bullets(
                [
                    "Créer un compte personnel avec une adresse électronique.",
                    "Rattacher l'association grâce à son numéro RNA ou SIREN.",
                    "Vérifier et compléter les informations de l'association.",
                    "Déposer les documents : statuts, liste des dirigeants, comptes approuvés, rapport "
                    "d'activité, RIB.",
                ],
                ordered=True,
            ),
            heading("Demander une subvention en ligne"),
            paragraph(
                "Le financeur communique un code de subvention, qui permet de retrouver son dispositif "
                "dans Le Compte Asso. Le formulaire en ligne reprend les rubriques du dossier de demande : "
                "présentation de l'association, projet, budget. Les attestations, dont celle du contrat "
                "d'engagement républicain, se valident en fin de saisie."
            ),
            image(
                "documents",
                ALT_DOCUMENTS,
                "Les documents déposés une fois servent pour chaque demande.",
            ),
            testimony(
                "Nous préparions trois dossiers papier par an avec les mêmes pièces. Depuis que tout est "
                "sur Le Compte Asso, nous mettons les documents à jour une fois par an, après l'AG.",
                "Fabienne",
                "Trésorière d'une association d'insertion à Saint-Denis",
            ),
            key_points(
                "Plusieurs responsables peuvent gérer le compte de l'association.",
                "Mettez les documents à jour après chaque assemblée générale.",
                "Le code de subvention est fourni par le financeur.",
            ),
            links(COMPTE_ASSO, SERVICE_PUBLIC),
        ),
        related=("demander-une-subvention", "fdva", "creer-son-association"),
    ),
    FicheSpec(
        slug="budget-previsionnel",
        title="Construire son budget prévisionnel",
        chapo="Le budget prévisionnel traduit en chiffres le projet de l'année : indispensable pour "
        "piloter l'association, il est demandé dans tout dossier de subvention. Un modèle à "
        "télécharger et la méthode pour le remplir, bénévolat compris.",
        structure="mouvement-associatif-reunion",
        typology="modele-document",
        themes=("comptabilite-fiscalite", "financement"),
        tags=("Budget prévisionnel", "Subventions", "Bénévolat valorisé"),
        published=date(2024, 1, 30),
        updated=date(2026, 2, 10),
        body=(
            paragraph(
                "Le budget prévisionnel présente les charges et les produits attendus sur un exercice. Il "
                "doit être équilibré : si les charges dépassent les produits, il faut trouver des "
                "ressources ou revoir les dépenses. Il est adopté par l'instance prévue par les statuts, "
                "souvent l'assemblée générale."
            ),
            heading("La méthode"),
            bullets(
                [
                    "Partir des actions prévues dans l'année, et non du budget de l'an dernier.",
                    "Chiffrer les charges de chaque action : achats, locations, déplacements, personnel.",
                    "Recenser les produits : cotisations, ventes, subventions attendues, dons.",
                    "Distinguer les subventions demandées de celles qui sont déjà accordées.",
                    "Valoriser les contributions volontaires : bénévolat, locaux ou matériel prêtés.",
                ],
                ordered=True,
            ),
            heading("Valoriser le bénévolat", "h3"),
            paragraph(
                "Le temps donné par les bénévoles et les biens mis à disposition gratuitement peuvent être "
                "présentés en bas du budget, dans les comptes 86 et 87. Cette valorisation montre le poids "
                "réel du projet et l'engagement de l'association."
            ),
            document(
                "budget-previsionnel",
                "Le modèle suit la présentation par comptes utilisée dans le formulaire de demande de "
                "subvention.",
            ),
            testimony(
                "Quand nous avons valorisé les heures de nos bénévoles, nous avons découvert qu'elles "
                "pesaient plus que toutes nos subventions réunies. Nos financeurs ont regardé notre "
                "dossier autrement.",
                "Patrice",
                "Président d'une association de jardins partagés au Tampon",
            ),
            key_points(
                "Un budget prévisionnel est toujours équilibré.",
                "Il se construit à partir des actions prévues.",
                "La valorisation du bénévolat montre la réalité du projet.",
            ),
            links(ASSOCIATIONS_GOUV),
        ),
        related=("demander-une-subvention", "tresorerie-en-temps-de-crise", "comptabilite-de-tresorerie"),
    ),
    FicheSpec(
        slug="fdva",
        title="Le FDVA en questions-réponses",
        chapo="Le Fonds pour le développement de la vie associative soutient la formation des bénévoles "
        "ainsi que le fonctionnement et les projets innovants des associations. Les réponses aux "
        "questions les plus fréquentes pour préparer sa demande.",
        structure="drajes-reunion",
        typology="faq",
        themes=("financement", "benevolat-engagement"),
        tags=("FDVA", "Subventions", "Formation des bénévoles"),
        published=date(2025, 2, 11),
        updated=date(2026, 3, 3),
        body=(
            paragraph(
                "Le Fonds pour le développement de la vie associative (FDVA) est un dispositif de l'État. "
                "À La Réunion, les appels à projets sont publiés chaque année par les services de l'État "
                "chargés de la vie associative, et les demandes se font en ligne sur Le Compte Asso."
            ),
            faq(
                (
                    "Que finance le FDVA ?",
                    "Il comporte deux volets : la formation des bénévoles, d'une part ; le fonctionnement "
                    "et les projets innovants des associations, en particulier des petites, d'autre part.",
                ),
                (
                    "Quelles associations peuvent candidater ?",
                    "Des associations déclarées qui respectent les critères de l'appel à projets : vie "
                    "démocratique, gestion transparente, ouverture à tous. Les critères précis et les "
                    "priorités figurent dans la note d'orientation publiée chaque année.",
                ),
                (
                    "Comment déposer sa demande ?",
                    "Sur Le Compte Asso, avec le code de subvention indiqué dans l'appel à projets, avant "
                    "la date limite.",
                ),
                (
                    "L'association peut-elle former elle-même ses bénévoles ?",
                    "L'appel à projets précise les types de formation et les intervenants possibles : "
                    "lisez-le attentivement avant de construire votre programme.",
                ),
                (
                    "Faut-il rendre compte de l'utilisation de la subvention ?",
                    "Oui, comme pour toute subvention : un compte rendu financier est à remettre après la "
                    "réalisation de l'action.",
                ),
            ),
            image("benevoles", ALT_BENEVOLES),
            key_points(
                "Deux volets : la formation des bénévoles, le fonctionnement et l'innovation.",
                "Surveillez la publication annuelle des appels à projets.",
                "La demande se fait sur Le Compte Asso.",
            ),
            links(COMPTE_ASSO, ASSOCIATIONS_GOUV),
        ),
        related=("demander-une-subvention", "le-compte-asso", "recruter-fideliser-benevoles"),
    ),
)
