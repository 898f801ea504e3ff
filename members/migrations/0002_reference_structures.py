"""Load the member structures of shared/docs/taxonomy.md; the reverse removes them."""

from django.db import migrations

STRUCTURES = [
    {
        "slug": "mouvement-associatif-reunion",
        "name": "Le Mouvement Associatif de La Réunion",
        "acronym": "MAR",
        "kind": "tete-de-reseau",
        "territory": "ile",
        "support_level": "information",
        "description": (
            "Tête de réseau des associations réunionnaises, le Mouvement Associatif accueille "
            "depuis septembre 2019 la commission « Centre de ressources Vie Associative », "
            "d'où est né le collectif Kaz Asso."
        ),
    },
    {
        "slug": "ligue-enseignement-reunion",
        "name": "Ligue de l'Enseignement – Fédération de La Réunion",
        "acronym": "Ligue 974",
        "kind": "education-populaire",
        "territory": "ile",
        "support_level": "accompagnement-generaliste",
        "description": (
            "Fédération d'éducation populaire, la Ligue de l'Enseignement a co-piloté le collectif "
            "pendant le confinement de 2020 ; elle en assure la coordination et l'animation "
            "depuis 2021."
        ),
    },
    {
        "slug": "crajep-reunion",
        "name": "CRAJEP Réunion (Comité régional des associations de jeunesse et d'éducation populaire)",
        "acronym": "CRAJEP",
        "kind": "coordination-regionale",
        "territory": "ile",
        "support_level": "accompagnement-generaliste",
        "description": (
            "Coordination régionale des associations de jeunesse et d'éducation populaire, "
            "le CRAJEP a co-piloté les webinaires du printemps 2020."
        ),
    },
    {
        "slug": "mda-saint-benoit",
        "name": "Maison des Associations de Saint-Benoît",
        "acronym": "MDA Saint-Benoît",
        "kind": "maison-des-associations",
        "territory": "est",
        "support_level": "accompagnement-generaliste",
        "description": (
            "Membre du Réseau national des maisons des associations, elle accueille, informe et "
            "accompagne les associations de l'Est de l'île."
        ),
    },
    {
        "slug": "drajes-reunion",
        "name": (
            "DRAJES La Réunion (Délégation régionale académique à la jeunesse, "
            "à l'engagement et aux sports)"
        ),
        "acronym": "DRAJES",
        "kind": "service-etat",
        "territory": "ile",
        "support_level": "information",
        "description": (
            "Service de l'État chargé de la vie associative, de la jeunesse et de l'engagement "
            "(anciennement DRJSCS), partenaire du collectif depuis la conférence du "
            "17 décembre 2019."
        ),
    },
    {
        "slug": "udaf-reunion",
        "name": "UDAF de La Réunion",
        "acronym": "UDAF",
        "kind": "union-familiale",
        "territory": "ile",
        "support_level": "orientation",
        "description": (
            "Union départementale des associations familiales, membre fondateur du Mouvement "
            "Associatif de La Réunion."
        ),
    },
    {
        "slug": "cros-reunion",
        "name": "CROS de La Réunion (Comité régional olympique et sportif)",
        "acronym": "CROS",
        "kind": "reseau-sportif",
        "territory": "ile",
        "support_level": "accompagnement-specialiste",
        "description": (
            "Tête de réseau du mouvement sportif réunionnais, membre fondateur du Mouvement "
            "Associatif de La Réunion ; il accompagne les clubs et ligues sportives."
        ),
    },
]


def load(apps, schema_editor):
    Structure = apps.get_model("members", "Structure")
    for data in STRUCTURES:
        values = dict(data)
        Structure.objects.update_or_create(slug=values.pop("slug"), defaults=values)


def unload(apps, schema_editor):
    apps.get_model("members", "Structure").objects.filter(slug__in=[s["slug"] for s in STRUCTURES]).delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
