"""Upcoming events, dated from the day the demo is loaded, and the associations registered to them.

Together they show every format and every registration setup: unlimited seats, a limited event
without waiting list, an event full with a waiting list, and one whose registrations open later.
"""

from __future__ import annotations

from datetime import time

from demo.events_spec import AssociationSpec, EventSpec, guest, member
from demo.spec import COMPTE_ASSO, document, heading, key_points, links, paragraph

ASSOCIATIONS: tuple[AssociationSpec, ...] = (
    AssociationSpec(
        "jardins-butor",
        "Association Les Jardins du Butor",
        "Josiane H.",
        "jardins.butor@exemple.re",
        "W974003127",
    ),
    AssociationSpec(
        "foot-bras-panon",
        "Club de football de Bras-Panon",
        "Yannick P.",
        "foot.braspanon@exemple.re",
        "W974001856",
    ),
    AssociationSpec(
        "amis-mediatheque",
        "Les Amis de la médiathèque de Sainte-Suzanne",
        "Mireille F.",
        "amis.mediatheque@exemple.re",
    ),
    AssociationSpec(
        "fetes-plaine",
        "Comité des fêtes de la Plaine-des-Palmistes",
        "Jean-Claude G.",
        "fetes.plaine@exemple.re",
        "W974004512",
    ),
    AssociationSpec(
        "randonneurs", "Les Randonneurs du Piton des Neiges", "Sandrine L.", "randonneurs@exemple.re"
    ),
    AssociationSpec(
        "apiculteurs-est",
        "Association des apiculteurs de l'Est",
        "Gilbert M.",
        "apiculteurs.est@exemple.re",
        "W974002690",
    ),
    AssociationSpec(
        "jeunesse-sainte-rose", "Collectif Jeunesse de Sainte-Rose", "Kévin R.", "jeunesse.sr@exemple.re"
    ),
    AssociationSpec(
        "ti-kaz-zarboutan",
        "Association culturelle Ti Kaz Zarboutan",
        "Marie-Rose T.",
        "tikaz@exemple.re",
        "W974005038",
    ),
    AssociationSpec(
        "parents-filaos",
        "Parents d'élèves de l'école Les Filaos",
        "Stéphanie B.",
        "parents.filaos@exemple.re",
    ),
    AssociationSpec(
        "entraide-seniors",
        "Entraide Seniors de Saint-Joseph",
        "Raymond D.",
        "entraide.seniors@exemple.re",
        "W974006271",
    ),
    AssociationSpec(
        "couture-solidaire", "Atelier Couture Solidaire de Saint-Pierre", "Nathalie C.", "couture@exemple.re"
    ),
    AssociationSpec(
        "mots-partages",
        "Les Mots Partagés de Saint-André",
        "Véronique A.",
        "mots.partages@exemple.re",
        "W974003984",
    ),
    AssociationSpec("voile-port", "Club de voile du Port", "Alain E.", "voile.port@exemple.re", "W974007415"),
)

ISABELLE = member("Isabelle G.", "Coordinatrice", "mouvement-associatif-reunion")
THIERRY = member("Thierry B.", "Conseiller vie associative", "drajes-reunion")

UPCOMING_EVENTS: tuple[EventSpec, ...] = (
    EventSpec(
        slug="webinaire-compte-asso-subvention",
        title="Webinaire : déposer sa demande de subvention sur Le Compte Asso",
        chapo="Une démonstration pas à pas du Compte Asso : mettre à jour les informations de "
        "l'association, joindre les pièces, remplir le budget de l'action et suivre la demande.",
        format="webinaire",
        days_ahead=5,
        start_time=time(9, 0),
        minutes=90,
        structure="mouvement-associatif-reunion",
        co_organisers=("drajes-reunion",),
        themes=("financement", "communication-numerique"),
        tags=("Webinaire", "Subventions", "Le Compte Asso"),
        speakers=(ISABELLE, THIERRY),
        audience="Dirigeants bénévoles et salariés d'associations",
        body=(
            paragraph(
                "La campagne de subventions approche : une heure et demie pour faire ensemble le tour du "
                "Compte Asso, avec un compte de démonstration, puis répondre à vos questions."
            ),
            heading("Au programme"),
            paragraph(
                "<ul><li>Créer ou retrouver l'accès au compte de l'association.</li>"
                "<li>Mettre à jour les statuts, les dirigeants et les comptes.</li>"
                "<li>Remplir la demande et le budget de l'action.</li></ul>"
            ),
            key_points(
                "Munissez-vous de votre numéro RNA et de votre numéro SIRET.",
                "Le lien de connexion est envoyé par courriel aux personnes inscrites.",
            ),
        ),
        resources=(links(COMPTE_ASSO),),
        registrations=(
            ("jardins-butor", 2),
            ("foot-bras-panon", 1),
            ("amis-mediatheque", 1),
            ("fetes-plaine", 2),
            ("randonneurs", 1),
        ),
    ),
    EventSpec(
        slug="atelier-budget-previsionnel-saint-benoit",
        title="Atelier : construire le budget prévisionnel de son association",
        chapo="Un atelier en petit groupe à Saint-Benoît pour bâtir, ordinateur ouvert, le budget "
        "prévisionnel de l'année et celui d'une action à présenter aux financeurs.",
        format="presentiel",
        days_ahead=12,
        start_time=time(8, 30),
        minutes=210,
        structure="mda-saint-benoit",
        co_organisers=("ligue-enseignement-reunion",),
        address="Maison des Associations, Saint-Benoît",
        themes=("financement", "comptabilite-fiscalite"),
        tags=("Budget", "Subventions", "Atelier"),
        speakers=(
            member("Christelle A.", "Directrice", "mda-saint-benoit"),
            member("Fabrice L.", "Responsable administratif et financier", "ligue-enseignement-reunion"),
        ),
        audience="Trésoriers et dirigeants bénévoles d'associations de l'Est",
        capacity=12,
        max_seats=3,
        waitlist=True,
        body=(
            paragraph(
                "Douze places seulement, pour que chacun avance sur son propre budget. Apportez les comptes "
                "de l'an dernier et, si possible, un ordinateur portable."
            ),
            heading("Déroulé de la matinée"),
            paragraph(
                "Les charges et les produits, les contributions volontaires en nature, puis le budget "
                "d'une action tel que le demandent les financeurs."
            ),
            key_points(
                "Café d'accueil à 8 h 15.", "Si l'atelier est complet, inscrivez-vous en liste d'attente."
            ),
        ),
        resources=(document("budget-previsionnel", "Le modèle utilisé pendant l'atelier."),),
        registrations=(
            ("apiculteurs-est", 3),
            ("foot-bras-panon", 2),
            ("jeunesse-sainte-rose", 3),
            ("amis-mediatheque", 1),
            ("fetes-plaine", 2),
            ("ti-kaz-zarboutan", 1),
            ("parents-filaos", 2),
            ("entraide-seniors", 1),
            ("couture-solidaire", 3),
        ),
    ),
    EventSpec(
        slug="rencontre-benevoles-saint-denis",
        title="Rencontre : accueillir et fidéliser ses bénévoles",
        chapo="Une soirée d'échanges à Saint-Denis, ouverte aussi à distance, pour partager les pratiques "
        "d'accueil, de formation et de reconnaissance des bénévoles.",
        format="hybride",
        days_ahead=21,
        start_time=time(17, 30),
        minutes=120,
        structure="ligue-enseignement-reunion",
        co_organisers=("udaf-reunion",),
        address="Salle polyvalente, Saint-Denis",
        themes=("benevolat-engagement",),
        tags=("Bénévoles", "Engagement", "Rencontre"),
        speakers=(
            member("Jean-Marc T.", "Délégué général", "ligue-enseignement-reunion"),
            member("Marie-Laure H.", "Responsable des ressources humaines", "udaf-reunion"),
            guest("Samir O.", "Coordinateur bénévole", "Réseau d'associations de quartier"),
        ),
        audience="Présidents, coordinateurs et responsables de bénévoles",
        capacity=30,
        max_seats=3,
        waitlist=False,
        body=(
            paragraph(
                "Trois associations présentent leur façon d'accueillir un nouveau bénévole, puis la "
                "discussion s'ouvre, dans la salle comme en ligne."
            ),
            heading("Pour préparer la soirée"),
            paragraph("Venez avec une question ou une difficulté que vous rencontrez avec vos bénévoles."),
            key_points(
                "Trente places dans la salle, sans liste d'attente.", "Participation libre à distance."
            ),
        ),
        resources=(document("livret-accueil-benevole", "Une trame de livret d'accueil à adapter."),),
        registrations=(
            ("jardins-butor", 2),
            ("mots-partages", 3),
            ("parents-filaos", 1),
            ("randonneurs", 2),
            ("voile-port", 3),
            ("entraide-seniors", 2),
        ),
    ),
    EventSpec(
        slug="webinaire-rgpd-registre-traitements",
        title="Webinaire : le RGPD dans une petite association",
        chapo="Fichier des adhérents, photos, listes de diffusion : ce que le RGPD demande vraiment à une "
        "association, et comment tenir un registre des traitements simple.",
        format="webinaire",
        days_ahead=42,
        start_time=time(14, 0),
        minutes=90,
        structure="crajep-reunion",
        co_organisers=("mouvement-associatif-reunion",),
        themes=("communication-numerique", "gouvernance-vie-statutaire"),
        tags=("Webinaire", "RGPD", "Données personnelles"),
        speakers=(
            member("Nadia R.", "Chargée de mission vie associative", "crajep-reunion"),
            guest("Karine J.", "Déléguée à la protection des données", "Cabinet de conseil"),
        ),
        audience="Dirigeants bénévoles et salariés d'associations",
        body=(
            paragraph(
                "Les associations traitent des données personnelles tous les jours. Ce webinaire démêle les "
                "obligations et propose une méthode à la portée d'une équipe de bénévoles."
            ),
            heading("Les points abordés"),
            paragraph(
                "Les données à collecter ou non, l'information des adhérents, la durée de conservation."
            ),
            key_points(
                "Ne collectez que ce qui sert.", "Notez vos traitements dans un registre, même simple."
            ),
        ),
        resources=(document("registre-rgpd", "Le modèle de registre présenté pendant le webinaire."),),
        registrations=(("ti-kaz-zarboutan", 1), ("couture-solidaire", 1), ("voile-port", 2)),
    ),
    EventSpec(
        slug="manifestation-sportive-securite-saint-paul",
        title="Matinée : organiser une manifestation sportive en toute sécurité",
        chapo="Déclarations, secours, assurance et buvette : une matinée pour les clubs qui préparent une "
        "course, un tournoi ou une fête du sport. Les inscriptions ouvrent un mois avant.",
        format="presentiel",
        days_ahead=61,
        start_time=time(9, 0),
        minutes=180,
        structure="cros-reunion",
        address="Salle de réunion du complexe sportif, Saint-Paul",
        themes=("evenements", "assurance-responsabilite"),
        tags=("Manifestation", "Sport", "Sécurité"),
        speakers=(
            member("Émilie C.", "Responsable vie associative", "cros-reunion"),
            guest("Hervé N.", "Préventionniste", "Service départemental d'incendie et de secours"),
        ),
        audience="Dirigeants et bénévoles de clubs sportifs",
        capacity=40,
        max_seats=2,
        opens_days_before=30,
        body=(
            paragraph(
                "Organiser une manifestation sportive engage la responsabilité du club. Cette matinée passe "
                "en revue les démarches, dans l'ordre où il faut les faire."
            ),
            heading("Le programme"),
            paragraph("Les déclarations en mairie et en préfecture, le dispositif de secours, l'assurance."),
            key_points("Deux places au plus par club.", "Les inscriptions ouvrent un mois avant la matinée."),
        ),
        resources=(document("checklist-manifestation", "La check-list remise aux participants."),),
    ),
    EventSpec(
        slug="ag-approbation-des-comptes-saint-pierre",
        title="Soirée : préparer l'assemblée générale et l'approbation des comptes",
        chapo="Calendrier, convocation, rapport financier et vote des comptes : une soirée à Saint-Pierre, "
        "ouverte aussi à distance, pour préparer une assemblée générale sans surprise.",
        format="hybride",
        days_ahead=92,
        start_time=time(17, 0),
        minutes=120,
        structure="drajes-reunion",
        co_organisers=("mouvement-associatif-reunion",),
        address="Salle polyvalente, Saint-Pierre",
        themes=("gouvernance-vie-statutaire", "comptabilite-fiscalite"),
        tags=("Assemblée générale", "Comptes annuels", "Rencontre"),
        speakers=(
            THIERRY,
            member("Patrice D.", "Trésorier bénévole", "mouvement-associatif-reunion"),
            guest("Sylvie M.", "Expert-comptable", "Cabinet d'expertise comptable"),
        ),
        audience="Présidents, secrétaires et trésoriers d'associations",
        body=(
            paragraph(
                "L'assemblée générale approuve les comptes de l'exercice écoulé. Cette soirée aide à la "
                "préparer : documents à envoyer, délais, présentation des comptes et vote."
            ),
            heading("Avec vos questions"),
            paragraph("Envoyez vos questions à l'avance : les intervenants y répondront pendant la soirée."),
            key_points(
                "Convoquez dans le délai prévu par vos statuts.", "Joignez les comptes à la convocation."
            ),
        ),
        resources=(document("convocation-ag", "Un modèle de convocation à adapter à vos statuts."),),
        registrations=(("foot-bras-panon", 2), ("apiculteurs-est", 1)),
    ),
)
