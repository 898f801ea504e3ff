"""Load the themes and typologies of shared/docs/taxonomy.md; the reverse removes them."""

from django.db import migrations

THEMES = [
    ("creation-formalites", "Création et formalités",
     "Créer son association, rédiger ses statuts, la déclarer et tenir ses registres."),
    ("gouvernance-vie-statutaire", "Gouvernance et vie statutaire (AG, CA, statuts)",
     "Assemblées générales, conseils d'administration, bureau, statuts et règlement intérieur."),
    ("emploi-rh", "Emploi et ressources humaines",
     "Devenir employeur, contrats aidés, chômage partiel, convention collective, formation."),
    ("benevolat-engagement", "Bénévolat, volontariat et engagement",
     "Accueillir, fidéliser et valoriser les bénévoles ; service civique et volontariat."),
    ("financement", "Financement, subventions et mécénat",
     "Subventions publiques, appels à projets, mécénat, dons et fonds de solidarité."),
    ("comptabilite-fiscalite", "Comptabilité, gestion et fiscalité",
     "Tenir ses comptes, établir un budget, gérer sa trésorerie, connaître ses obligations fiscales."),
    ("assurance-responsabilite", "Assurance et responsabilité",
     "Responsabilité des dirigeants, contrats d'assurance, sécurité des activités."),
    ("evenements", "Organisation d'événements",
     "Manifestations, buvettes, autorisations, sécurité et accueil du public."),
    ("communication-numerique", "Communication et numérique",
     "Site web, réseaux sociaux, outils collaboratifs, visioconférence et données personnelles."),
    ("co-construction-developpement-local", "Co-construction et développement local",
     "Coopérer avec les collectivités et les autres associations au service du territoire."),
    ("crise-resilience", "Crise, urgence et résilience",
     "Traverser une crise : mesures d'urgence, continuité d'activité, reprise."),
    ("accompagnement", "Accompagnement des associations (métier d'accompagnateur)",
     "Ressources pour les structures qui accompagnent les associations."),
]

TYPOLOGIES = [
    ("fiche-pratique", "Fiche pratique", "Une démarche expliquée pas à pas."),
    ("cas-pratiques-temoignages", "Cas pratiques & témoignages", "Des associations racontent comment elles ont fait."),
    ("guide", "Guide", "Un document de référence complet sur un sujet."),
    ("modele-document", "Modèle de document", "Un modèle à télécharger et à adapter."),
    ("replay-webinaire", "Replay de webinaire", "L'enregistrement et le support d'un webinaire."),
    ("actualite-reglementaire", "Actualité réglementaire", "Ce qui change dans les textes et ce qu'il faut faire."),
    ("outil", "Outil", "Un tableur, une grille ou une méthode prête à l'emploi."),
    ("faq", "Questions-réponses", "Les questions les plus posées et leurs réponses."),
]


def load(apps, schema_editor):
    Theme = apps.get_model("taxonomy", "Theme")
    Typology = apps.get_model("taxonomy", "Typology")
    for order, (slug, name, description) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order * 10}
        )
    for order, (slug, name, description) in enumerate(TYPOLOGIES, start=1):
        Typology.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order * 10}
        )


def unload(apps, schema_editor):
    apps.get_model("taxonomy", "Theme").objects.filter(slug__in=[t[0] for t in THEMES]).delete()
    apps.get_model("taxonomy", "Typology").objects.filter(slug__in=[t[0] for t in TYPOLOGIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
