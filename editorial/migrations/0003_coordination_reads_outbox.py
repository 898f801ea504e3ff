"""The coordination reads the outbox in the admin (what failed to leave, and why); nobody edits it."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="outbox", model="outboxemail")
    view, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_outboxemail", defaults={"name": "Can view courriel"}
    )
    for group in Group.objects.filter(name="Coordination"):
        group.permissions.add(view)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="outbox", codename="view_outboxemail").first()
    if view is not None:
        for group in Group.objects.filter(name="Coordination"):
            group.permissions.remove(view)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_workflow_and_roles"),
        ("outbox", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
