"""The coordination answers people's requests about their data and writes the consent text."""

from django.db import migrations

GRANTED = [
    ("privacyauditlog", "manage_personal_data", "Rechercher, exporter et effacer les données d'une personne"),
    ("consenttext", "add_consenttext", "Can add texte de consentement"),
    ("consenttext", "view_consenttext", "Can view texte de consentement"),
]


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    found = []
    for model, codename, name in GRANTED:
        content_type, _ = ContentType.objects.get_or_create(app_label="privacy", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        found.append(permission)
    return found


def grant(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name="Coordination"):
        group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name="Coordination"):
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_review_claims_and_preview_links"),
        ("privacy", "0001_consent_and_audit"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
