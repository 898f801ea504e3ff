"""Demo images and documents: what they show or contain; files.py draws and writes them."""

from __future__ import annotations

from demo.spec import DocumentSpec, ImageSpec

IMAGES: tuple[ImageSpec, ...] = (
    ImageSpec("webinaire", "Bandeau – Réunion en visioconférence", "#1f4e79", "#f2a541", "screen"),
    ImageSpec("tresorerie", "Bandeau – Suivi de trésorerie", "#2e7d32", "#c5e1a5", "bars"),
    ImageSpec("benevoles", "Bandeau – Bénévoles", "#e4572e", "#ffd166", "circles"),
    ImageSpec("assemblee", "Bandeau – Assemblée générale", "#5b3f8c", "#f6c1d9", "assembly"),
    ImageSpec("territoire", "Bandeau – Réseau d'associations sur l'île", "#00838f", "#7fd1ae", "island"),
    ImageSpec("manifestation", "Bandeau – Manifestation associative", "#c62828", "#ffca28", "tent"),
    ImageSpec("documents", "Bandeau – Documents administratifs", "#455a64", "#90caf9", "papers"),
)

# Placeholder logo colours per structure slug (background, ring).
LOGO_COLOURS: dict[str, tuple[str, str]] = {
    "mouvement-associatif-reunion": ("#1f4e79", "#f2a541"),
    "ligue-enseignement-reunion": ("#c62828", "#ffffff"),
    "crajep-reunion": ("#5b3f8c", "#ffd166"),
    "mda-saint-benoit": ("#00838f", "#ffffff"),
    "drajes-reunion": ("#263238", "#90caf9"),
    "udaf-reunion": ("#2e7d32", "#c5e1a5"),
    "cros-reunion": ("#0d47a1", "#ffca28"),
}
DEFAULT_LOGO_COLOURS = ("#455a64", "#ffffff")

MONTHS = (
    "Janvier",
    "Février",
    "Mars",
    "Avril",
    "Mai",
    "Juin",
    "Juillet",
    "Août",
    "Septembre",
    "Octobre",
    "Novembre",
    "Décembre",
)


def _row(label: str, cells: int) -> str:
    """One spreadsheet row with a label and empty cells to fill in."""
    return " | ".join([label, *([""] * cells)])


CASH_PLAN_ROWS = (
    " | ".join(["Poste", *MONTHS, "Total"]),
    _row("Solde de trésorerie en début de mois", 13),
    _row("ENCAISSEMENTS", 13),
    _row("Cotisations des adhérents", 13),
    _row("Subventions (versements attendus)", 13),
    _row("Dons et mécénat", 13),
    _row("Ventes, prestations, buvette", 13),
    _row("Aides exceptionnelles", 13),
    _row("Total des encaissements", 13),
    _row("DÉCAISSEMENTS", 13),
    _row("Salaires nets", 13),
    _row("Cotisations sociales (CGSS)", 13),
    _row("Loyer et charges locatives", 13),
    _row("Assurances", 13),
    _row("Achats pour les activités", 13),
    _row("Remboursement d'emprunt", 13),
    _row("Total des décaissements", 13),
    _row("Solde de trésorerie en fin de mois", 13),
)

BUDGET_ROWS = (
    "Charges | Montant (€) | Produits | Montant (€)",
    "60 – Achats | | 70 – Ventes de produits, prestations de services | ",
    "61 – Services extérieurs (locations, entretien, assurances) | | 74 – Subventions d'exploitation | ",
    "62 – Autres services extérieurs (honoraires, publicité, déplacements) | | État (préciser le service) | ",
    "63 – Impôts et taxes | | Région | ",
    "64 – Charges de personnel | | Département | ",
    "65 – Autres charges de gestion courante | | Commune ou intercommunalité | ",
    "66 – Charges financières | | Autres financeurs (préciser) | ",
    "67 – Charges exceptionnelles | | 75 – Autres produits de gestion courante (cotisations, dons) | ",
    "68 – Dotations aux amortissements | | 76 – Produits financiers | ",
    "TOTAL DES CHARGES | | TOTAL DES PRODUITS | ",
    "86 – Emplois des contributions volontaires en nature | | 87 – Contributions volontaires en nature | ",
    "Mise à disposition gratuite de biens et services | | Bénévolat | ",
    "Personnel bénévole | | Prestations en nature | ",
    "TOTAL | | TOTAL | ",
)

PROCESSING_REGISTER_ROWS = (
    "Traitement | Finalité | Personnes concernées | Données collectées | Qui y a accès | "
    "Durée de conservation | Mesures de sécurité",
    "Gestion des adhésions | Tenir la liste des membres, appeler les cotisations, convoquer l'AG | "
    "Adhérents | Nom, prénom, coordonnées, date d'adhésion, cotisation | Membres du bureau | "
    "À définir par le bureau | Fichier protégé par mot de passe, accès limité",
    "Suivi des bénévoles | Organiser les plannings et les formations | Bénévoles | "
    "Nom, prénom, téléphone, disponibilités | Responsable des bénévoles | À définir par le bureau | "
    "Tableau partagé avec droits restreints",
    "Lettre d'information | Informer des activités | Abonnés ayant donné leur accord | Adresse "
    "électronique | Chargé·e de communication | Jusqu'au désabonnement | Lien de désabonnement "
    "dans chaque envoi",
    "Photos des manifestations | Illustrer le site et les réseaux sociaux | Participants | Image | "
    "Chargé·e de communication | À définir par le bureau | Autorisation écrite, parentale pour les mineurs",
)

DOCUMENTS: tuple[DocumentSpec, ...] = (
    DocumentSpec(
        "modele-statuts",
        "Modèle de statuts d'association (loi 1901)",
        "modele-statuts-association-loi-1901.pdf",
        (
            "Ce modèle est un point de départ : les fondateurs fixent librement le contenu des statuts, "
            "dans le respect de la loi. Adaptez chaque article à votre projet.",
            "",
            "Article 1 – Constitution et dénomination. Il est fondé entre les adhérents aux présents "
            "statuts une association régie par la loi du 1er juillet 1901 et le décret du 16 août 1901, "
            "ayant pour titre : [nom de l'association].",
            "Article 2 – Objet. Cette association a pour objet : [à compléter].",
            "Article 3 – Siège social. Le siège social est fixé à : [adresse], La Réunion. Il pourra être "
            "transféré par décision du conseil d'administration.",
            "Article 4 – Durée. La durée de l'association est illimitée.",
            "Article 5 – Composition. L'association se compose de membres actifs, de membres "
            "bienfaiteurs et de membres d'honneur [à adapter].",
            "Article 6 – Admission. Pour faire partie de l'association, il faut adhérer aux présents "
            "statuts et s'acquitter de la cotisation [préciser si le bureau agrée les demandes].",
            "Article 7 – Cotisation. Son montant est fixé chaque année par l'assemblée générale.",
            "Article 8 – Perte de la qualité de membre. Elle se perd par la démission, le décès ou la "
            "radiation prononcée par le conseil d'administration pour non-paiement de la cotisation ou "
            "pour motif grave, l'intéressé ayant été invité à fournir ses explications.",
            "Article 9 – Ressources. Elles comprennent les cotisations, les subventions de l'État, des "
            "collectivités territoriales et des établissements publics, les dons manuels et toute "
            "ressource autorisée par la loi.",
            "Article 10 – Assemblée générale ordinaire. Elle réunit tous les membres à jour de leur "
            "cotisation, au moins une fois par an. Les membres sont convoqués [délai] avant la date "
            "fixée ; l'ordre du jour figure sur la convocation. L'assemblée entend le rapport moral et "
            "le rapport financier, approuve les comptes et élit les membres du conseil "
            "d'administration. Préciser les règles de quorum, de majorité, de pouvoirs et, si "
            "vous le souhaitez, de participation à distance.",
            "Article 11 – Assemblée générale extraordinaire. Elle est seule compétente pour modifier "
            "les statuts ou prononcer la dissolution [préciser convocation, quorum et majorité].",
            "Article 12 – Conseil d'administration. L'association est dirigée par un conseil de "
            "[nombre] membres élus pour [durée] par l'assemblée générale.",
            "Article 13 – Bureau. Le conseil élit parmi ses membres un bureau composé au moins d'un "
            "président ou d'une présidente et d'un trésorier ou d'une trésorière [à adapter].",
            "Article 14 – Gratuité du mandat. Les fonctions des administrateurs sont bénévoles ; seuls "
            "les frais engagés pour l'association peuvent être remboursés sur justificatifs.",
            "Article 15 – Règlement intérieur. Un règlement intérieur peut préciser les points non "
            "prévus par les statuts.",
            "Article 16 – Dissolution. En cas de dissolution, l'assemblée générale extraordinaire "
            "désigne un ou plusieurs liquidateurs ; l'actif net est attribué à une ou plusieurs "
            "associations poursuivant un but similaire. Il ne peut pas être partagé entre les membres.",
            "",
            "Fait à [commune], le [date]. Signatures d'au moins deux responsables de l'association.",
        ),
    ),
    DocumentSpec(
        "plan-tresorerie",
        "Plan de trésorerie sur 12 mois (modèle)",
        "plan-de-tresorerie-12-mois.ods",
        CASH_PLAN_ROWS,
    ),
    DocumentSpec(
        "budget-previsionnel",
        "Budget prévisionnel (modèle)",
        "budget-previsionnel-modele.ods",
        BUDGET_ROWS,
    ),
    DocumentSpec(
        "registre-rgpd",
        "Registre des activités de traitement (modèle simplifié)",
        "registre-traitements-rgpd.ods",
        PROCESSING_REGISTER_ROWS,
    ),
    DocumentSpec(
        "convocation-ag",
        "Modèle de convocation à l'assemblée générale",
        "modele-convocation-assemblee-generale.odt",
        (
            "[Nom de l'association] – [adresse du siège]",
            "",
            "Objet : convocation à l'assemblée générale ordinaire",
            "",
            "Madame, Monsieur, cher adhérent, chère adhérente,",
            "",
            "Conformément à l'article [n°] de nos statuts, vous êtes invité·e à l'assemblée générale "
            "ordinaire de l'association, le [date] à [heure], [à l'adresse suivante / en "
            "visioconférence : le lien de connexion sera envoyé la veille].",
            "",
            "Ordre du jour :",
            "1. Rapport moral",
            "2. Rapport d'activité",
            "3. Rapport financier et approbation des comptes de l'exercice [année]",
            "4. Affectation du résultat",
            "5. Budget prévisionnel et montant de la cotisation",
            "6. Renouvellement du conseil d'administration",
            "7. Questions diverses",
            "",
            "Seuls les membres à jour de leur cotisation prennent part aux votes. Si vous ne pouvez pas "
            "être présent·e, vous pouvez donner pouvoir à un autre membre [si les statuts le prévoient].",
            "",
            "POUVOIR",
            "Je soussigné·e [nom, prénom], membre de l'association, donne pouvoir à [nom, prénom] pour me "
            "représenter à l'assemblée générale du [date] et prendre part aux votes en mon nom.",
            "Fait à [commune], le [date]. Signature :",
        ),
    ),
    DocumentSpec(
        "checklist-manifestation",
        "Check-list d'organisation d'une manifestation",
        "check-list-organisation-manifestation.pdf",
        (
            "Trois mois avant",
            "- Définir l'objectif, le public attendu, la date, le lieu et un budget prévisionnel.",
            "- Prévenir la mairie ; demander l'autorisation d'occuper le domaine public si besoin.",
            "- Vérifier avec l'assureur que la manifestation et les bénévoles sont couverts.",
            "- Pour une buvette temporaire, demander l'autorisation au maire.",
            "- Pour une épreuve sportive sur la voie publique, se renseigner sur les formalités en "
            "préfecture.",
            "",
            "Un mois avant",
            "- Déclarer la diffusion de musique auprès de la Sacem.",
            "- Organiser l'accueil, la sécurité, les premiers secours et l'accessibilité.",
            "- Constituer le planning des bénévoles et désigner un ou une responsable par poste.",
            "- En saison cyclonique ou de fortes pluies, prévoir un plan de report ou d'annulation.",
            "",
            "Le jour J",
            "- Faire le point avec l'équipe, afficher les numéros utiles et les consignes.",
            "- Tenir une caisse avec un fond de caisse compté et un cahier des recettes.",
            "",
            "Après",
            "- Remercier bénévoles et partenaires, faire le bilan, déposer les recettes en banque.",
            "- Préparer le compte rendu pour les financeurs.",
        ),
    ),
    DocumentSpec(
        "supports-webinaires-2020",
        "Synthèse des webinaires du printemps 2020",
        "synthese-webinaires-printemps-2020.pdf",
        (
            "Au printemps 2020, pendant le premier confinement, le collectif a produit 8 webinaires en "
            "2 mois, suivis chacun par 100 à 200 associations. Les dispositifs présentés étaient ceux "
            "en vigueur à cette date ; beaucoup ont depuis évolué ou pris fin. Vérifiez les règles "
            "actuelles sur service-public.fr.",
            "",
            "1. Chômage partiel : qui peut en bénéficier, comment faire la demande.",
            "2. Prêt garanti par l'État : pour quelles associations, comment en parler à sa banque.",
            "3. Fonds de solidarité : les associations concernées et la démarche.",
            "4. Report des charges sociales et fiscales : contacter la CGSS et les impôts.",
            "5. Trésorerie : construire un plan de trésorerie pour les mois à venir.",
            "6. Assemblées générales à distance : ce que permettaient les règles d'urgence.",
            "7. Garder le lien avec les bénévoles : téléphone, messageries, rendez-vous réguliers.",
            "8. Reprendre ses activités : consignes sanitaires, assurance, accueil du public.",
            "",
            "Chaque webinaire était animé à tour de rôle par une structure membre, à partir d'une "
            "plateforme partagée qui rassemblait l'information par thème.",
        ),
    ),
    DocumentSpec(
        "livret-accueil-benevole",
        "Trame de livret d'accueil du bénévole",
        "trame-livret-accueil-benevole.odt",
        (
            "1. Bienvenue : un mot du président ou de la présidente.",
            "2. Notre association : son projet, son histoire, ses valeurs, ses activités.",
            "3. Qui fait quoi : le conseil d'administration, le bureau, les salariés, les référents.",
            "4. Votre mission : ce que l'on attend de vous, le temps que vous souhaitez donner.",
            "5. Votre référent ou référente : son nom et comment le ou la joindre.",
            "6. Assurance : l'association assure ses bénévoles pendant leurs missions.",
            "7. Vos frais : ils sont remboursés sur justificatifs ; vous pouvez aussi y renoncer et en "
            "faire un don à l'association.",
            "8. Se former : les formations proposées aux bénévoles.",
            "9. Notre charte du bénévole : les engagements réciproques.",
        ),
    ),
)
