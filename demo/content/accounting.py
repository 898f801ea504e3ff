"""Accounting and tax: bookkeeping, donations, tax receipts and the tax ruling procedure."""

from __future__ import annotations

from datetime import date

from demo.spec import (
    ASSOCIATIONS_GOUV,
    LEGIFRANCE,
    SERVICE_PUBLIC,
    FicheSpec,
    bullets,
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

FICHES: tuple[FicheSpec, ...] = (
    FicheSpec(
        slug="mecenat-recus-fiscaux",
        title="Mécénat et reçus fiscaux : les règles à connaître",
        chapo="Les dons aux associations d'intérêt général ouvrent droit à une réduction d'impôt pour les "
        "donateurs, particuliers comme entreprises. Quelles associations peuvent émettre des reçus "
        "fiscaux, et comment le faire sans risque.",
        structure="mouvement-associatif-reunion",
        typology="guide",
        themes=("financement", "comptabilite-fiscalite"),
        tags=("Mécénat", "Reçu fiscal", "Dons"),
        published=date(2022, 3, 8),
        updated=date(2024, 3, 19),
        body=(
            paragraph(
                "Un don à une association peut ouvrir droit à une réduction d'impôt pour le donateur. Cet "
                "avantage est réservé aux dons faits à des organismes d'intérêt général : l'association "
                "doit avoir une activité non lucrative, une gestion désintéressée, et ne pas fonctionner "
                "au profit d'un cercle restreint de personnes."
            ),
            heading("Les conditions"),
            bullets(
                [
                    "Une activité non lucrative et une gestion désintéressée : dirigeants bénévoles, pas "
                    "de distribution de bénéfices.",
                    "Une activité ouverte à tous, et non au seul bénéfice des membres.",
                    "Un objet qui entre dans les catégories prévues par le code général des impôts : "
                    "philanthropique, éducatif, scientifique, social, humanitaire, sportif, familial, "
                    "culturel, environnemental…",
                ]
            ),
            heading("Pour le donateur", "h3"),
            paragraph(
                "Un particulier bénéficie d'une réduction d'impôt sur le revenu égale à 66 % du montant du "
                "don, dans la limite de 20 % de son revenu imposable. Les entreprises relèvent de règles "
                "propres au mécénat d'entreprise. Ces règles évoluent : vérifiez-les chaque année."
            ),
            heading("Émettre un reçu", "h3"),
            paragraph(
                "Le reçu fiscal suit un modèle officiel (formulaire Cerfa) et mentionne notamment "
                "l'identité de l'association et du donateur, le montant et la date du don. Une association "
                "qui délivre des reçus sans remplir les conditions s'expose à une amende fiscale. En cas "
                "de doute, la procédure de rescrit permet d'interroger l'administration."
            ),
            testimony(
                "Une entreprise voulait nous aider en échange d'une grande publicité sur nos maillots et "
                "à chaque match. Nous avons compris que ce n'était pas du mécénat mais du parrainage, avec "
                "des règles différentes.",
                "Dimitri",
                "Trésorier d'un club de handball à Saint-Joseph",
            ),
            key_points(
                "Seules les associations d'intérêt général peuvent émettre des reçus fiscaux.",
                "Le reçu suit un modèle officiel.",
                "En cas de doute, demandez un rescrit avant d'émettre des reçus.",
            ),
            links(SERVICE_PUBLIC, ASSOCIATIONS_GOUV),
        ),
        related=("rescrit-fiscal", "declaration-annuelle-dons"),
    ),
    FicheSpec(
        slug="rescrit-fiscal",
        title="Le rescrit fiscal mécénat en questions",
        chapo="Avant d'émettre des reçus fiscaux, une association peut demander à l'administration "
        "fiscale de confirmer qu'elle est bien d'intérêt général. Les réponses aux questions les "
        "plus fréquentes sur cette procédure de rescrit.",
        structure="mouvement-associatif-reunion",
        typology="faq",
        themes=("comptabilite-fiscalite", "financement"),
        tags=("Rescrit", "Mécénat", "Intérêt général"),
        published=date(2023, 2, 14),
        updated=date(2023, 2, 14),
        body=(
            paragraph(
                "Le rescrit est une prise de position de l'administration fiscale sur la situation d'un "
                "contribuable, qui l'engage tant que cette situation ne change pas. Le rescrit « mécénat » "
                "répond à une question précise : l'association peut-elle délivrer des reçus qui permettent "
                "à ses donateurs de bénéficier d'une réduction d'impôt ?"
            ),
            faq(
                (
                    "Est-il obligatoire ?",
                    "Non. Une association qui remplit les conditions peut émettre des reçus sans rescrit. "
                    "Le rescrit apporte une sécurité : il la protège contre l'amende prévue en cas de "
                    "reçus délivrés à tort.",
                ),
                (
                    "Comment le demander ?",
                    "Par écrit, auprès de la direction des finances publiques dont dépend le siège de "
                    "l'association, avec une présentation précise de l'association, de ses activités, de "
                    "son fonctionnement et de ses ressources, et les documents qui les justifient : "
                    "statuts, comptes, rapport d'activité.",
                ),
                (
                    "Quel est le délai de réponse ?",
                    "L'administration dispose de six mois pour répondre. Faute de réponse dans ce délai, "
                    "son silence vaut accord.",
                ),
                (
                    "Que faire en cas de réponse négative ?",
                    "L'association peut demander un second examen. Surtout, elle doit comprendre les "
                    "motifs, souvent une activité lucrative ou une gestion insuffisamment désintéressée. "
                    "Une structure d'accompagnement peut vous aider à analyser la réponse.",
                ),
                (
                    "Le rescrit est-il valable indéfiniment ?",
                    "Il reste valable tant que la situation décrite ne change pas. Si les activités ou le "
                    "fonctionnement évoluent, il faut réexaminer la situation.",
                ),
            ),
            key_points(
                "Le rescrit sécurise l'émission de reçus fiscaux.",
                "Le dossier décrit précisément les activités et le fonctionnement.",
                "Sans réponse au bout de six mois, la réponse est réputée favorable.",
            ),
            links(SERVICE_PUBLIC, LEGIFRANCE),
        ),
        related=("mecenat-recus-fiscaux", "declaration-annuelle-dons"),
    ),
    FicheSpec(
        slug="declaration-annuelle-dons",
        title="Dons et reçus fiscaux : la déclaration annuelle à l'administration",
        chapo="Depuis la loi du 24 août 2021, les associations qui délivrent des reçus fiscaux déclarent "
        "chaque année à l'administration le montant des dons reçus et le nombre de reçus émis. Qui "
        "est concerné et comment s'organiser.",
        structure="udaf-reunion",
        typology="actualite-reglementaire",
        themes=("comptabilite-fiscalite",),
        tags=("Dons", "Reçu fiscal", "Mécénat"),
        published=date(2022, 4, 5),
        updated=date(2024, 5, 6),
        body=(
            paragraph(
                "La loi du 24 août 2021 confortant le respect des principes de la République a renforcé la "
                "transparence du mécénat. Les organismes qui délivrent des reçus fiscaux déclarent chaque "
                "année à l'administration fiscale le montant global des dons mentionnés sur ces reçus et "
                "le nombre de reçus délivrés."
            ),
            heading("Ce qu'il faut faire"),
            bullets(
                [
                    "Tenir un état des reçus émis dans l'année : numéro, date, donateur, montant.",
                    "Déclarer le montant des dons et le nombre de reçus dans les délais, selon les "
                    "modalités indiquées par l'administration fiscale.",
                    "Conserver les justificatifs des dons et les doubles des reçus, en cas de contrôle.",
                ]
            ),
            heading("S'organiser avec le trésorier", "h3"),
            paragraph(
                "Le plus simple est de numéroter les reçus et de les enregistrer au fil de l'eau dans un "
                "tableau, rapproché des encaissements en banque. La déclaration annuelle devient alors une "
                "simple addition."
            ),
            image("documents", ALT_DOCUMENTS),
            key_points(
                "La déclaration concerne toutes les associations qui délivrent des reçus fiscaux.",
                "Numérotez et enregistrez chaque reçu au moment où vous l'émettez.",
                "Gardez les justificatifs : l'administration peut les demander.",
            ),
            links(SERVICE_PUBLIC, LEGIFRANCE),
        ),
        related=("mecenat-recus-fiscaux", "rescrit-fiscal", "comptabilite-de-tresorerie"),
    ),
    FicheSpec(
        slug="comptabilite-de-tresorerie",
        title="Tenir une comptabilité de trésorerie simple",
        chapo="Pour beaucoup de petites associations, une comptabilité de trésorerie bien tenue suffit : "
        "noter chaque recette et chaque dépense, garder les justificatifs et rapprocher les comptes "
        "des relevés bancaires. La méthode, pas à pas.",
        structure="udaf-reunion",
        typology="fiche-pratique",
        themes=("comptabilite-fiscalite",),
        tags=("Comptabilité", "Trésorerie", "Trésorier"),
        published=date(2021, 6, 22),
        updated=date(2026, 8, 27),
        body=(
            paragraph(
                "La loi de 1901 n'impose pas à toutes les associations de tenir une comptabilité selon un "
                "plan comptable. Des obligations s'appliquent toutefois selon la situation : montant des "
                "subventions publiques reçues, activité économique, émission de reçus fiscaux, exigences "
                "des statuts ou des financeurs. Pour une petite association, une comptabilité de "
                "trésorerie rigoureuse est un bon point de départ."
            ),
            heading("La méthode"),
            bullets(
                [
                    "Ouvrir un cahier ou un tableau des recettes et des dépenses, une ligne par opération.",
                    "Noter pour chaque opération la date, le libellé, le montant, le mode de paiement et "
                    "le numéro de la pièce justificative.",
                    "Classer les justificatifs dans l'ordre des numéros.",
                    "Chaque mois, rapprocher le tableau des relevés bancaires.",
                    "En fin d'exercice, présenter un compte de résultat simplifié et la situation de la "
                    "trésorerie.",
                ],
                ordered=True,
            ),
            testimony(
                "J'ai été élue trésorière sans rien y connaître. Un tableau, une boîte d'archives et un "
                "rendez-vous mensuel avec le relevé de banque : au bout de trois mois, c'était devenu une "
                "routine.",
                "Line",
                "Trésorière d'une association de parents d'élèves à Saint-Leu",
            ),
            key_points(
                "Une opération, une ligne, une pièce justificative.",
                "Le rapprochement bancaire mensuel évite les mauvaises surprises.",
                "Certaines associations ont des obligations comptables renforcées : renseignez-vous.",
            ),
            faq(
                (
                    "Peut-on payer en espèces ?",
                    "Oui, mais gardez une trace : un cahier de caisse, des reçus, des dépôts réguliers en "
                    "banque. Limitez les espèces au strict nécessaire.",
                ),
                (
                    "Combien de temps garder les justificatifs ?",
                    "Il est recommandé de conserver les pièces comptables dix ans. Renseignez-vous sur "
                    "les délais applicables aux autres documents.",
                ),
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("tresorerie-en-temps-de-crise", "budget-previsionnel", "declaration-annuelle-dons"),
    ),
)
