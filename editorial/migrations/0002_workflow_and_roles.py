"""Set up the roles and the workflow a fresh install needs; the reverse removes them.

- every role group can enter the admin; editor groups ("Rédaction – …") may add and change
  pages under /ressources/ and /evenements/ (restricted to their structure by
  editorial.permissions) and upload images and documents;
- Coordination may add, change, lock and unlock pages everywhere (never publish: pages go live
  through the workflow) and manages the reference data;
- the workflow "Relecture et validation" (peer review, then coordination) applies to the
  whole site, replacing Wagtail's default "Moderators approval". Wagtail's default "Editors" and "Moderators" groups, whose publish rights would
  bypass it, are removed.
"""

from django.db import migrations

WORKFLOW_NAME = "Relecture et validation"
PEER_TASK = "Relecture par un pair"
COORDINATION_TASK = "Validation par la coordination"
EDITOR_PAGE_PERMS = ["add_page", "change_page"]
COORDINATION_PAGE_PERMS = ["add_page", "change_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMS = [("wagtailimages", "image", ["add", "choose"]), ("wagtaildocs", "document", ["add", "choose"])]
COORDINATION_COLLECTION_PERMS = [
    ("wagtailimages", "image", ["add", "change", "choose"]),
    ("wagtaildocs", "document", ["add", "change", "choose"]),
]
COORDINATION_MODEL_PERMS = [
    ("members", "structure", ["add", "change", "view"]),
    ("taxonomy", "theme", ["add", "change", "delete", "view"]),
    ("taxonomy", "typology", ["add", "change", "delete", "view"]),
]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def setup(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Structure = apps.get_model("members", "Structure")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    PeerReviewTask = apps.get_model("editorial", "PeerReviewTask")
    CoordinationApprovalTask = apps.get_model("editorial", "CoordinationApprovalTask")

    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    coordination, _ = Group.objects.get_or_create(name="Coordination")
    review, _ = Group.objects.get_or_create(name="Relecture")
    editor_groups = [s.editor_group for s in Structure.objects.exclude(editor_group=None).select_related("editor_group")]

    access = permission(apps, "wagtailadmin", "admin", "access_admin")
    for group in [coordination, review, *editor_groups]:
        group.permissions.add(access)

    home = Page.objects.filter(depth=2).order_by("path").first()
    listings = list(Page.objects.filter(depth=3, slug__in=["ressources", "evenements"]))
    root_collection = Collection.objects.filter(depth=1).first()

    def grant_pages(group, pages, codenames):
        for page in pages:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission(apps, "wagtailcore", "page", codename)
                )

    def grant_collection(group, specs):
        if root_collection is None:
            return
        for app_label, model, actions in specs:
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, f"{action}_{model}"),
                )

    for group in editor_groups:
        grant_pages(group, listings, EDITOR_PAGE_PERMS)
        grant_collection(group, EDITOR_COLLECTION_PERMS)
    if home is not None:
        grant_pages(coordination, [home], COORDINATION_PAGE_PERMS)
    grant_collection(coordination, COORDINATION_COLLECTION_PERMS)
    grant_collection(review, [("wagtailimages", "image", ["choose"]), ("wagtaildocs", "document", ["choose"])])
    for app_label, model, actions in COORDINATION_MODEL_PERMS:
        for action in actions:
            coordination.permissions.add(permission(apps, app_label, model, f"{action}_{model}"))

    peer_type, _ = ContentType.objects.get_or_create(app_label="editorial", model="peerreviewtask")
    coord_type, _ = ContentType.objects.get_or_create(app_label="editorial", model="coordinationapprovaltask")
    peer = PeerReviewTask.objects.filter(name=PEER_TASK).first() or PeerReviewTask.objects.create(
        name=PEER_TASK, content_type=peer_type, active=True
    )
    peer.groups.add(review)
    coord = CoordinationApprovalTask.objects.filter(name=COORDINATION_TASK).first()
    if coord is None:
        coord = CoordinationApprovalTask.objects.create(name=COORDINATION_TASK, content_type=coord_type, active=True)
    coord.groups.add(coordination)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=peer, defaults={"sort_order": 0})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=coord, defaults={"sort_order": 1})
    # Wagtail's default workflow ("Moderators approval") relied on the removed Moderators group.
    default = Workflow.objects.filter(name="Moderators approval").first()
    if default is not None:
        Task = apps.get_model("wagtailcore", "Task")
        Task.objects.filter(workflow_tasks__workflow=default).delete()
        default.delete()
    WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).delete()
    for page in [p for p in [home] if p is not None]:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def teardown(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name__in=[PEER_TASK, COORDINATION_TASK]).delete()
    role_groups = Group.objects.filter(name__in=["Coordination", "Relecture"]) | Group.objects.filter(
        name__startswith="Rédaction – "
    )
    GroupPagePermission.objects.filter(group__in=role_groups).delete()
    GroupCollectionPermission.objects.filter(group__in=role_groups).delete()
    for group in role_groups:
        group.permissions.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("members", "0004_roles"),
        ("fiches", "0003_create_fiche_index"),
        ("events", "0002_create_event_index"),
        ("wagtailcore", "__latest__"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("taxonomy", "0002_reference_data"),
    ]

    operations = [migrations.RunPython(setup, teardown)]
