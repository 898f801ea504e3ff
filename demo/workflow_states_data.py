"""The fiches written by the demo editors, one for each state of the workflow "Relecture et validation".

`workflow_states_spec` describes the states and the people; `workflow_states` drives the pages.
"""

from __future__ import annotations

from demo.spec import (
    ASSOCIATIONS_GOUV,
    LEGIFRANCE,
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
from demo.workflow_states_spec import (
    COORDINATION,
    DRAFT,
    GO_LIVE_DAYS,
    LOAD_DAY,
    NEEDS_CHANGES,
    PEER_REVIEW,
    PUBLISHED,
    SCHEDULED,
    WORKFLOW_EVENTS,
    WorkflowFicheSpec,
)

WORKFLOW_FICHES: tuple[WorkflowFicheSpec, ...] = (
    WorkflowFicheSpec(
        state=DRAFT,
        fiche=FicheSpec(
            slug="bourse-vetements-jouets",
            title="Organiser une bourse aux vêtements et aux jouets",
            chapo="Une bourse aux vêtements ou aux jouets rapporte un peu d'argent à l'association tout en "
            "rendant service aux familles. Déclaration en mairie, registre des exposants, dépôt et vente : "
            "les étapes pour que la journée se passe bien.",
            structure="udaf-reunion",
            typology="fiche-pratique",
            themes=("evenements", "financement"),
            tags=("Bourse aux vêtements", "Familles", "Vente au déballage"),
            published=LOAD_DAY,
            updated=LOAD_DAY,
            body=(
                paragraph(
                    "Deux formules existent : le dépôt-vente, où l'association vend pour le compte des "
                    "familles et retient une petite commission, et le vide-grenier, où chaque exposant "
                    "tient son propre stand. Dans les deux cas, comptez deux à trois mois de préparation."
                ),
                heading("Les démarches"),
                bullets(
                    [
                        "Déclarez la vente au déballage à la mairie, au moins quinze jours avant la date.",
                        "Sur la voie publique, demandez aussi une autorisation d'occupation du domaine "
                        "public.",
                        "Tenez un registre des exposants (identité, pièce d'identité, adresse) et gardez-le "
                        "à disposition pendant la vente : la mairie vous dira où le déposer ensuite.",
                        "Vérifiez avec votre assureur que la manifestation est couverte.",
                    ]
                ),
                heading("Le jour de la vente", "h3"),
                bullets(
                    [
                        "Réception des dépôts la veille, avec une fiche par déposant et des étiquettes "
                        "numérotées.",
                        "Une caisse unique, tenue par deux bénévoles qui se relaient.",
                        "Restitution des invendus en fin de journée, ou don à une association partenaire.",
                    ]
                ),
                key_points(
                    "Déclarez la vente en mairie au moins quinze jours avant.",
                    "Le registre des exposants est obligatoire.",
                    "Décidez à l'avance du sort des invendus.",
                ),
                document("checklist-manifestation", "De la déclaration au rangement, pour ne rien oublier."),
                links(SERVICE_PUBLIC),
            ),
            related=("organiser-une-manifestation", "organiser-une-buvette"),
        ),
    ),
    WorkflowFicheSpec(
        state=PEER_REVIEW,
        fiche=FicheSpec(
            slug="jeunes-dans-la-gouvernance",
            title="Faire une place aux jeunes dans la gouvernance de l'association",
            chapo="Depuis 2017, un jeune de seize ans peut créer une association et l'administrer. Comment "
            "accueillir des jeunes au conseil d'administration ou au bureau, et quelles solutions pour les "
            "plus jeunes, comme les Juniors Associations ?",
            structure="crajep-reunion",
            typology="fiche-pratique",
            themes=("gouvernance-vie-statutaire", "benevolat-engagement"),
            tags=("Jeunesse", "Gouvernance", "Mineurs", "Junior Association"),
            published=LOAD_DAY,
            updated=LOAD_DAY,
            body=(
                paragraph(
                    "Beaucoup d'associations comptent des jeunes parmi leurs adhérents, rarement parmi leurs "
                    "dirigeants. La loi leur ouvre pourtant la porte des instances, et leur présence change "
                    "souvent la façon dont l'association parle aux jeunes qu'elle accueille."
                ),
                heading("Ce que prévoit la loi de 1901"),
                bullets(
                    [
                        "Tout mineur peut adhérer à une association.",
                        "Dès seize ans, il peut participer à sa création et à son administration ; "
                        "l'association en informe ses représentants légaux.",
                        "Avant seize ans, il le peut avec l'accord écrit préalable de son représentant "
                        "légal.",
                        "Les actes de disposition (vendre un bien, emprunter) restent hors de sa portée.",
                    ]
                ),
                heading("Des pistes pour les accueillir", "h3"),
                bullets(
                    [
                        "Un binôme avec un administrateur expérimenté pendant la première année.",
                        "Des réunions à des horaires compatibles avec les cours et les transports.",
                        "Une commission jeunesse qui prépare des propositions pour le conseil.",
                        "Un mandat plus court, renouvelable, pour tenir compte des études.",
                    ]
                ),
                testimony(
                    "Deux lycéennes sont entrées au conseil l'an dernier. Elles ont revu notre page sur les "
                    "réseaux sociaux et, surtout, elles posent les questions que nous ne posions plus.",
                    "Jocelyne",
                    "Présidente d'une association de quartier à Saint-André",
                ),
                paragraph(
                    "Pour des jeunes de 11 à 18 ans qui veulent monter leur projet sans créer d'association "
                    "déclarée, le dispositif Junior Association leur permet d'ouvrir un compte bancaire et "
                    "d'être assurés, avec l'appui d'un accompagnateur local."
                ),
                key_points(
                    "À seize ans, un jeune peut être administrateur de l'association.",
                    "Informez les représentants légaux, et recueillez leur accord écrit avant seize ans.",
                    "Accompagnez la prise de responsabilités plutôt que de la limiter.",
                ),
                links(LEGIFRANCE, ASSOCIATIONS_GOUV),
            ),
            related=("rediger-ses-statuts", "accueillir-volontaire-service-civique"),
        ),
    ),
    WorkflowFicheSpec(
        state=COORDINATION,
        reviewer="redaction-ligue974",
        fiche=FicheSpec(
            slug="agrement-jeunesse-education-populaire",
            title="Demander l'agrément jeunesse et éducation populaire",
            chapo="L'agrément « jeunesse et éducation populaire » reconnaît la qualité du projet d'une "
            "association et ouvre l'accès à certains soutiens de l'État. Conditions, dossier et conseils "
            "avant de se lancer.",
            structure="drajes-reunion",
            typology="fiche-pratique",
            themes=("creation-formalites", "financement"),
            tags=("Agrément", "Éducation populaire", "Jeunesse"),
            published=LOAD_DAY,
            updated=LOAD_DAY,
            body=(
                paragraph(
                    "Délivré par le préfet, après instruction par les services chargés de la jeunesse (à La "
                    "Réunion, la DRAJES), l'agrément s'adresse aux associations dont l'activité relève de "
                    "l'éducation populaire ou de l'action en faveur des jeunes."
                ),
                heading("Les conditions"),
                bullets(
                    [
                        "Un objet d'intérêt général.",
                        "Un fonctionnement démocratique : assemblée générale régulière, instances élues.",
                        "La transparence de la gestion financière.",
                        "L'égal accès des femmes et des hommes aux instances dirigeantes.",
                        "Une activité réelle et durable dans le champ de la jeunesse ou de l'éducation "
                        "populaire.",
                    ]
                ),
                heading("Constituer le dossier", "h3"),
                bullets(
                    [
                        "Les statuts à jour et la composition du conseil d'administration.",
                        "Les derniers rapports d'activité et comptes approuvés en assemblée générale.",
                        "Une présentation du projet associatif et des publics accueillis.",
                    ]
                ),
                faq(
                    (
                        "L'agrément est-il obligatoire ?",
                        "Non. Il n'est nécessaire ni pour exister ni pour demander une subvention, mais "
                        "certains financements et dispositifs le demandent.",
                    ),
                    (
                        "Notre fédération est agréée : devons-nous faire la demande ?",
                        "Renseignez-vous d'abord auprès d'elle : l'affiliation à une fédération agréée peut "
                        "simplifier la démarche.",
                    ),
                ),
                key_points(
                    "Préparez des statuts et des comptes à jour avant de déposer la demande.",
                    "Prenez contact avec la DRAJES pour un premier échange sur votre projet.",
                ),
                links(ASSOCIATIONS_GOUV),
            ),
            related=("rediger-ses-statuts", "demander-une-subvention"),
        ),
    ),
    WorkflowFicheSpec(
        state=NEEDS_CHANGES,
        reviewer="redaction-mda",
        comment="Merci d'ajouter un exemple chiffré (nombre d'heures × taux horaire retenu) et de préciser "
        "d'où vient le taux : sans cela, un trésorier débutant ne saura pas par où commencer.",
        fiche=FicheSpec(
            slug="valoriser-benevolat-comptes-annuels",
            title="Valoriser le bénévolat dans ses comptes annuels",
            chapo="Le temps donné par les bénévoles ne coûte rien, mais il a une valeur. L'inscrire en "
            "contributions volontaires en nature montre aux adhérents et aux financeurs la réalité de "
            "l'activité de l'association.",
            structure="mouvement-associatif-reunion",
            typology="guide",
            themes=("comptabilite-fiscalite", "benevolat-engagement"),
            tags=("Bénévolat", "Comptabilité", "Contributions volontaires"),
            published=LOAD_DAY,
            updated=LOAD_DAY,
            body=(
                paragraph(
                    "Une association qui fonctionne surtout grâce à ses bénévoles paraît, dans ses comptes, "
                    "bien plus petite qu'elle ne l'est. Valoriser le bénévolat corrige cette image."
                ),
                heading("Compter les heures"),
                bullets(
                    [
                        "Une feuille de présence par activité, remplie par les responsables.",
                        "Les heures de réunion des dirigeants, comptées à part.",
                        "Un relevé mensuel, plus fiable qu'une estimation en fin d'année.",
                    ]
                ),
                heading("Choisir un taux horaire", "h3"),
                paragraph(
                    "Retenez un taux simple à justifier, le même d'une année à l'autre, et indiquez-le dans "
                    "l'annexe des comptes."
                ),
                heading("Présenter les chiffres", "h3"),
                paragraph(
                    "Les contributions volontaires en nature figurent au pied du compte de résultat : en "
                    "emplois (compte 86, personnel bénévole) et en ressources (compte 87, bénévolat), pour "
                    "un même montant."
                ),
                image(
                    "benevoles", "Bandeau orange avec des cercles entrelacés, évoquant un groupe de bénévoles"
                ),
                key_points(
                    "Comptez les heures au fil de l'année.",
                    "Expliquez la méthode dans l'annexe.",
                    "Les montants se compensent : le résultat ne change pas.",
                ),
            ),
            related=("comptabilite-de-tresorerie", "compte-engagement-citoyen"),
        ),
    ),
    WorkflowFicheSpec(
        state=SCHEDULED,
        reviewer="redaction-mda",
        coordinator="coordination-1",
        go_live_days=GO_LIVE_DAYS,
        fiche=FicheSpec(
            slug="preparer-forum-des-associations",
            title="Préparer le forum des associations de la rentrée",
            chapo="Le forum de la rentrée est souvent le moment où un club rencontre la plupart de ses "
            "nouveaux adhérents. Stand, supports, inscriptions sur place et suivi des contacts : une "
            "préparation simple pour en tirer le meilleur parti.",
            structure="cros-reunion",
            typology="fiche-pratique",
            themes=("evenements", "communication-numerique"),
            tags=("Forum des associations", "Adhérents", "Rentrée"),
            published=LOAD_DAY,
            updated=LOAD_DAY,
            body=(
                paragraph(
                    "Une journée, quelques mètres carrés et des centaines de visiteurs : le forum se prépare "
                    "comme une petite manifestation, avec une équipe, un matériel et un objectif clair."
                ),
                heading("Trois semaines avant"),
                bullets(
                    [
                        "Inscrivez le club auprès de la commune organisatrice.",
                        "Constituez une équipe de trois ou quatre bénévoles qui se relaient.",
                        "Préparez une fiche d'inscription courte et les tarifs de la saison.",
                        "Mettez à jour le site et les réseaux sociaux : les visiteurs iront les voir.",
                    ]
                ),
                heading("Sur le stand", "h3"),
                bullets(
                    [
                        "Une démonstration ou des photos qui montrent l'activité.",
                        "Les créneaux d'entraînement affichés en grand.",
                        "Un cahier pour noter les contacts des personnes qui veulent réfléchir.",
                    ]
                ),
                testimony(
                    "Nous proposons une séance d'essai gratuite à chaque visiteur. La moitié de nos "
                    "nouveaux licenciés viennent du forum.",
                    "Ludovic",
                    "Secrétaire d'un club de handball à Saint-Louis",
                ),
                heading("Après le forum", "h3"),
                paragraph(
                    "Recontactez dans la semaine les personnes qui ont laissé leurs coordonnées, et notez "
                    "d'où viennent vos nouveaux adhérents pour préparer le forum suivant."
                ),
                image("manifestation", "Bandeau rouge avec une tente de manifestation jaune"),
                key_points(
                    "Une équipe et un objectif, pas seulement un stand.",
                    "Des horaires et des tarifs lisibles d'un coup d'œil.",
                    "Un suivi des contacts dans la semaine.",
                ),
            ),
            related=("recruter-fideliser-benevoles", "organiser-une-manifestation"),
        ),
    ),
    WorkflowFicheSpec(
        state=PUBLISHED,
        reviewer="redaction-cros",
        coordinator="coordination-2",
        fiche=FicheSpec(
            slug="debat-mouvant-animer-une-reunion",
            title="Le débat mouvant : faire participer tout le monde à une réunion",
            chapo="Une affirmation, deux côtés de la salle, des arguments qui font changer de camp : le "
            "débat mouvant, outil classique de l'éducation populaire, aide à préparer une décision "
            "collective en assemblée générale ou en conseil d'administration.",
            structure="ligue-enseignement-reunion",
            typology="outil",
            themes=("gouvernance-vie-statutaire", "accompagnement"),
            tags=("Éducation populaire", "Animation", "Participation"),
            published=LOAD_DAY,
            updated=LOAD_DAY,
            body=(
                paragraph(
                    "Dans beaucoup de réunions, les mêmes personnes parlent et les autres se taisent. Le "
                    "débat mouvant donne une place à chacun en demandant d'abord de se positionner, avec "
                    "les pieds, avant d'argumenter."
                ),
                heading("Le principe"),
                paragraph(
                    "L'animateur lit une affirmation volontairement tranchée, par exemple « Notre "
                    "association devrait supprimer la cotisation ». Chacun choisit un côté de la salle : "
                    "d'accord ou pas d'accord. Pas de milieu."
                ),
                heading("Le déroulé, en 45 minutes environ", "h3"),
                bullets(
                    [
                        "Présenter la règle et l'affirmation (5 minutes).",
                        "Chaque camp avance un argument à tour de rôle ; on peut changer de côté à tout "
                        "moment.",
                        "Demander à ceux qui ont bougé ce qui les a convaincus.",
                        "Noter les arguments au tableau et en tirer les questions à trancher.",
                    ],
                    ordered=True,
                ),
                heading("Conseils d'animation", "h3"),
                bullets(
                    [
                        "Choisissez une affirmation courte et discutable, jamais une question.",
                        "Faites parler en priorité ceux qui ne se sont pas encore exprimés.",
                        "Rappelez que l'on débat d'idées, pas de personnes.",
                    ]
                ),
                key_points(
                    "Se positionner d'abord, argumenter ensuite.",
                    "Changer de camp est encouragé : c'est le signe que le débat avance.",
                    "Les arguments recueillis préparent la décision, ils ne la remplacent pas.",
                ),
            ),
            related=("preparer-assemblee-generale", "metier-accompagnateur"),
        ),
    ),
)


def workflow_slugs() -> list[str]:
    """Slugs of every page this step creates, fiches then events."""
    return [spec.fiche.slug for spec in WORKFLOW_FICHES] + [spec.event.slug for spec in WORKFLOW_EVENTS]
