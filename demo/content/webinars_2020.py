"""The eight webinars of spring 2020, as past events with their attendance and replay.

Driven by the CRAJEP and Ligue 974 during the first lockdown, hosted in turn by the members.
Each one took place two days before the replay or FAQ fiche that sums it up was published.
"""

from __future__ import annotations

from datetime import date, time

from demo.events_spec import EventSpec, guest, member, replay
from demo.spec import ASSOCIATIONS_GOUV, SERVICE_PUBLIC, document, heading, key_points, links, paragraph

COVID = ("Covid-19", "Confinement", "Webinaire")
SUPPORTS = document("supports-webinaires-2020", "Les messages clés des huit webinaires du printemps 2020.")

NADIA = member("Nadia R.", "Chargée de mission vie associative", "crajep-reunion")
FABRICE = member("Fabrice L.", "Responsable administratif et financier", "ligue-enseignement-reunion")
JEAN_MARC = member("Jean-Marc T.", "Délégué général", "ligue-enseignement-reunion")
ISABELLE = member("Isabelle G.", "Coordinatrice", "mouvement-associatif-reunion")
ACCOUNTANT = guest("Sylvie M.", "Expert-comptable", "Cabinet d'expertise comptable")

WEBINARS_2020: tuple[EventSpec, ...] = (
    EventSpec(
        slug="webinaire-2020-chomage-partiel",
        title="Webinaire : le chômage partiel dans les associations employeuses",
        chapo="Premier webinaire du cycle du confinement : qui peut recourir à l'activité partielle, "
        "comment déposer la demande, comment calculer l'indemnité et comment en parler à l'équipe.",
        format="webinaire",
        typology="replay-webinaire",
        day=date(2020, 4, 14),
        start_time=time(9, 30),
        minutes=90,
        structure="crajep-reunion",
        co_organisers=("ligue-enseignement-reunion",),
        themes=("emploi-rh", "crise-resilience"),
        tags=(*COVID, "Chômage partiel"),
        speakers=(NADIA, FABRICE, ACCOUNTANT),
        audience="Associations employeuses : dirigeants bénévoles, directions et trésoriers",
        attendance=186,
        replay_url=replay("chomage-partiel"),
        body=(
            paragraph(
                "Au lendemain du confinement, la question revenait dans tous les appels : nos salariés "
                "n'ont plus d'activité, avons-nous droit au chômage partiel ? Ce premier webinaire a "
                "rassemblé près de deux cents associations autour des règles alors en vigueur."
            ),
            heading("Au programme"),
            paragraph(
                "<ul><li>Les associations concernées et les salariés éligibles.</li>"
                "<li>La demande en ligne et le délai de réponse de l'administration.</li>"
                "<li>Le calcul de l'indemnité et de l'allocation remboursée à l'employeur.</li>"
                "<li>Le dialogue avec l'équipe salariée et les bénévoles.</li></ul>"
            ),
            key_points(
                "La demande se fait en ligne, avant ou dans les trente jours suivant le début de la mesure.",
                "Le salarié reçoit une indemnité, remboursée en grande partie à l'employeur.",
                "Expliquez la mesure à l'équipe par écrit et gardez le lien pendant l'arrêt.",
            ),
        ),
        resources=(SUPPORTS,),
    ),
    EventSpec(
        slug="webinaire-2020-pret-garanti-etat",
        title="Webinaire : le prêt garanti par l'État (PGE) ouvert aux associations",
        chapo="Les associations qui ont une activité économique pouvaient demander un PGE. Conditions, "
        "montant, démarches auprès de la banque et points de vigilance avant de s'endetter.",
        format="webinaire",
        typology="replay-webinaire",
        day=date(2020, 4, 15),
        start_time=time(14, 0),
        minutes=90,
        structure="ligue-enseignement-reunion",
        co_organisers=("mouvement-associatif-reunion",),
        themes=("financement", "crise-resilience"),
        tags=(*COVID, "PGE", "Trésorerie"),
        speakers=(
            JEAN_MARC,
            guest(
                "Corinne B.", "Chargée d'affaires économie sociale", "Banque partenaire du secteur associatif"
            ),
            member("Patrice D.", "Trésorier bénévole", "mouvement-associatif-reunion"),
        ),
        audience="Associations ayant une activité économique, salariés ou non",
        attendance=142,
        replay_url=replay("pret-garanti-etat"),
        body=(
            paragraph(
                "Le prêt garanti par l'État n'était pas réservé aux entreprises : les associations "
                "employeuses ou assujetties aux impôts commerciaux pouvaient aussi le demander à leur banque."
            ),
            heading("Ce que nous avons vu"),
            paragraph(
                "Les critères d'accès, le plafond du prêt, l'absence de remboursement la première année et "
                "les questions à se poser avant de signer : l'association pourra-t-elle rembourser ?"
            ),
            key_points(
                "Un PGE reste un prêt : il soulage la trésorerie mais ne compense pas une perte.",
                "Préparez un plan de trésorerie avant le rendez-vous avec la banque.",
                "Le conseil d'administration doit autoriser l'emprunt.",
            ),
        ),
        resources=(SUPPORTS, document("plan-tresorerie", "Le modèle présenté pendant le webinaire.")),
    ),
    EventSpec(
        slug="webinaire-2020-fonds-de-solidarite",
        title="Webinaire : les associations et le fonds de solidarité",
        chapo="Le fonds de solidarité s'adressait aussi aux associations employeuses touchées par la "
        "crise. Conditions, perte de chiffre d'affaires, déclaration en ligne : réponses aux questions.",
        format="webinaire",
        typology="replay-webinaire",
        day=date(2020, 4, 21),
        start_time=time(9, 30),
        minutes=90,
        structure="mouvement-associatif-reunion",
        co_organisers=("crajep-reunion",),
        themes=("financement", "crise-resilience"),
        tags=(*COVID, "Fonds de solidarité"),
        speakers=(ISABELLE, ACCOUNTANT),
        audience="Dirigeants bénévoles, trésoriers et salariés d'associations",
        attendance=171,
        replay_url=replay("fonds-de-solidarite"),
        body=(
            paragraph(
                "Troisième rendez-vous du cycle, ce webinaire a surtout été un temps de questions : plus "
                "de soixante ont été posées dans la conversation et reprises ensuite dans une foire aux "
                "questions."
            ),
            heading("Les points abordés"),
            paragraph(
                "<ul><li>Les associations éligibles : activité économique, salariés, impôts commerciaux.</li>"
                "<li>Le calcul de la perte de recettes d'un mois sur l'autre.</li>"
                "<li>La demande sur l'espace professionnel des impôts.</li></ul>"
            ),
            key_points(
                "Vérifiez d'abord l'éligibilité de l'association avant de calculer la perte.",
                "Gardez les justificatifs : l'aide pouvait être contrôlée.",
            ),
        ),
        resources=(SUPPORTS, links(SERVICE_PUBLIC)),
    ),
    EventSpec(
        slug="webinaire-2020-report-des-charges",
        title="Webinaire : reporter ses charges sociales et fiscales",
        chapo="Pendant la crise, les associations employeuses ont pu reporter leurs cotisations et certains "
        "impôts. Comment le demander, ce qui était reporté ou annulé, et comment préparer l'échéancier.",
        format="webinaire",
        typology="replay-webinaire",
        day=date(2020, 4, 28),
        start_time=time(9, 30),
        minutes=90,
        structure="udaf-reunion",
        co_organisers=("ligue-enseignement-reunion",),
        themes=("comptabilite-fiscalite", "emploi-rh", "crise-resilience"),
        tags=(*COVID, "Charges sociales", "Trésorerie"),
        speakers=(
            member("Marie-Laure H.", "Responsable des ressources humaines", "udaf-reunion"),
            guest("Didier V.", "Conseiller entreprises", "URSSAF"),
            FABRICE,
        ),
        audience="Trésoriers, comptables et responsables de la paie des associations employeuses",
        attendance=124,
        replay_url=replay("report-des-charges"),
        body=(
            paragraph(
                "Reporter n'est pas annuler : ce webinaire a rappelé que les cotisations reportées devaient "
                "être payées plus tard, selon un échéancier à anticiper dans le budget."
            ),
            heading("Les démarches"),
            paragraph(
                "La modulation du paiement dans la déclaration sociale, la demande de délai pour les impôts, "
                "puis les plans d'apurement proposés à la sortie de crise."
            ),
            key_points(
                "Les sommes reportées restent dues, sauf exonération décidée ensuite.",
                "Notez les montants reportés pour ne pas être surpris à l'échéance.",
            ),
        ),
        resources=(SUPPORTS,),
    ),
    EventSpec(
        slug="webinaire-2020-difficultes-de-tresorerie",
        title="Webinaire : faire face aux difficultés de trésorerie",
        chapo="Subventions versées en retard, événements annulés, dépenses qui continuent : un atelier "
        "pratique pour construire un plan de trésorerie et repérer à temps le mois difficile.",
        format="webinaire",
        typology="replay-webinaire",
        day=date(2020, 5, 5),
        start_time=time(14, 0),
        minutes=120,
        structure="mda-saint-benoit",
        co_organisers=("ligue-enseignement-reunion",),
        themes=("financement", "comptabilite-fiscalite", "crise-resilience"),
        tags=(*COVID, "Trésorerie"),
        speakers=(
            member("Christelle A.", "Directrice", "mda-saint-benoit"),
            FABRICE,
            ACCOUNTANT,
        ),
        audience="Trésoriers et dirigeants bénévoles, même sans formation comptable",
        attendance=158,
        replay_url=replay("difficultes-de-tresorerie"),
        body=(
            paragraph(
                "Un atelier de deux heures, tableur ouvert : chaque participant est reparti avec son plan "
                "de trésorerie sur douze mois et la liste des financeurs à relancer."
            ),
            heading("La méthode"),
            paragraph(
                "Partir du solde bancaire, inscrire les recettes à la date où elles arrivent vraiment, "
                "les dépenses à la date où elles sortent, et regarder le point le plus bas."
            ),
            key_points(
                "Un plan de trésorerie se met à jour chaque mois.",
                "Prévenez vos financeurs et votre banque avant l'incident, pas après.",
                "Demandez le versement anticipé des subventions accordées.",
            ),
        ),
        resources=(SUPPORTS, document("plan-tresorerie", "Le modèle de plan de trésorerie de l'atelier.")),
    ),
    EventSpec(
        slug="webinaire-2020-ag-a-distance",
        title="Webinaire : tenir son assemblée générale à distance",
        chapo="Les règles d'urgence permettaient de réunir l'assemblée générale par visioconférence ou "
        "consultation écrite. Cadre juridique, outils de vote et conseils pour garder un vrai débat.",
        format="webinaire",
        typology="replay-webinaire",
        day=date(2020, 5, 12),
        start_time=time(9, 30),
        minutes=120,
        structure="crajep-reunion",
        co_organisers=("cros-reunion",),
        themes=("gouvernance-vie-statutaire", "communication-numerique", "crise-resilience"),
        tags=(*COVID, "AG à distance", "Visioconférence"),
        speakers=(
            NADIA,
            guest("Grégory F.", "Avocat en droit des associations", "Cabinet d'avocats"),
            member("Laurent K.", "Chargé du numérique", "cros-reunion"),
        ),
        audience="Présidents, secrétaires et membres des conseils d'administration",
        attendance=193,
        replay_url=replay("ag-a-distance"),
        body=(
            paragraph(
                "Le webinaire le plus suivi du cycle : à la veille de l'approbation des comptes, beaucoup "
                "d'associations ne savaient pas comment réunir leurs membres."
            ),
            heading("Le déroulé"),
            paragraph(
                "Le cadre de l'ordonnance du 25 mars 2020, puis une démonstration d'outils de "
                "visioconférence et de vote, et enfin les conseils d'associations qui l'avaient déjà fait."
            ),
            key_points(
                "Envoyez la convocation, les documents et le lien de connexion ensemble.",
                "Vérifiez le quorum en début de séance et notez-le au procès-verbal.",
                "Séparez l'animation du débat et l'assistance technique.",
            ),
        ),
        resources=(SUPPORTS, document("convocation-ag", "Un modèle de convocation à adapter à vos statuts.")),
    ),
    EventSpec(
        slug="webinaire-2020-garder-le-lien-benevoles",
        title="Webinaire : garder le lien avec ses bénévoles pendant le confinement",
        chapo="Activités suspendues, bénévoles isolés ou au contraire très sollicités : des associations "
        "racontent comment elles ont maintenu le contact et préparé le retour de chacun.",
        format="webinaire",
        typology="replay-webinaire",
        day=date(2020, 5, 26),
        start_time=time(14, 0),
        minutes=90,
        structure="cros-reunion",
        co_organisers=("ligue-enseignement-reunion",),
        themes=("benevolat-engagement", "crise-resilience"),
        tags=(*COVID, "Bénévoles"),
        speakers=(
            member("Émilie C.", "Responsable vie associative", "cros-reunion"),
            JEAN_MARC,
            guest("Annick S.", "Présidente", "Association de randonnée des Hauts de l'Ouest"),
        ),
        audience="Responsables de bénévoles, présidents et coordinateurs d'activités",
        attendance=117,
        replay_url=replay("garder-le-lien-benevoles"),
        body=(
            paragraph(
                "Plutôt qu'un exposé, des témoignages : un club sportif, une association de quartier et "
                "une association culturelle ont partagé ce qui avait marché, et ce qui n'avait pas marché."
            ),
            heading("Les idées retenues"),
            paragraph(
                "Un appel téléphonique régulier aux bénévoles âgés, un groupe de messagerie par activité, "
                "des missions à distance et un moment convivial en ligne chaque semaine."
            ),
            key_points(
                "Le téléphone reste l'outil le plus sûr pour les bénévoles isolés.",
                "Donnez des nouvelles de l'association, même quand il n'y a pas d'activité.",
            ),
        ),
        resources=(
            SUPPORTS,
            document(
                "livret-accueil-benevole", "Une trame de livret d'accueil pour le retour des bénévoles."
            ),
        ),
    ),
    EventSpec(
        slug="webinaire-2020-preparer-la-reprise",
        title="Webinaire : préparer la reprise après le confinement",
        chapo="Dernier webinaire du cycle : rouvrir les locaux et reprendre les activités en sécurité, "
        "revoir le budget de l'année et tirer les leçons de la crise pour la suite.",
        format="webinaire",
        typology="replay-webinaire",
        day=date(2020, 6, 9),
        start_time=time(9, 0),
        minutes=120,
        structure="ligue-enseignement-reunion",
        co_organisers=("crajep-reunion", "drajes-reunion"),
        themes=("crise-resilience", "gouvernance-vie-statutaire"),
        tags=(*COVID, "Reprise", "Résilience"),
        speakers=(
            JEAN_MARC,
            NADIA,
            member("Thierry B.", "Conseiller vie associative", "drajes-reunion"),
        ),
        audience="Dirigeants bénévoles et salariés d'associations",
        attendance=135,
        replay_url=replay("preparer-la-reprise"),
        body=(
            paragraph(
                "Pour clore le cycle, le collectif a réuni les questions pratiques de la reprise et un "
                "premier bilan de huit semaines de webinaires."
            ),
            heading("Reprendre, étape par étape"),
            paragraph(
                "Les protocoles sanitaires de l'époque, l'information des adhérents, la révision du budget "
                "et le dialogue avec les financeurs sur les actions reportées."
            ),
            key_points(
                "Reprenez progressivement et expliquez les règles à chacun.",
                "Révisez le budget avec le conseil d'administration.",
                "Gardez les outils à distance qui ont fait leurs preuves.",
            ),
        ),
        resources=(SUPPORTS, links(ASSOCIATIONS_GOUV)),
    ),
)
