"""Create the role groups and one editor group per existing structure; the reverse removes them."""

from django.db import migrations

COORDINATION_GROUP = "Coordination"
REVIEW_GROUP = "Relecture"
EDITOR_GROUP_PREFIX = "Rédaction – "


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Structure = apps.get_model("members", "Structure")
    for name in (COORDINATION_GROUP, REVIEW_GROUP):
        Group.objects.get_or_create(name=name)
    for structure in Structure.objects.filter(editor_group__isnull=True):
        name = f"{EDITOR_GROUP_PREFIX}{structure.acronym or structure.name}"[:150]
        group, _ = Group.objects.get_or_create(name=name)
        structure.editor_group = group
        structure.save(update_fields=["editor_group"])


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Structure = apps.get_model("members", "Structure")
    ids = list(Structure.objects.exclude(editor_group=None).values_list("editor_group_id", flat=True))
    Structure.objects.update(editor_group=None)
    Group.objects.filter(pk__in=ids).delete()
    Group.objects.filter(name__in=[COORDINATION_GROUP, REVIEW_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_structure_editor_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
