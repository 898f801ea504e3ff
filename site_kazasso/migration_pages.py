"""Pages that data migrations add under the home page (`/ressources/`, `/evenements/`, the legal
pages), written with the migration's historical models (`apps.get_model`).

Historical models have none of Wagtail's tree methods (`add_child`), so the tree path, depth and
the parent's `numchild` are written here as treebeard would, with the step length and digits of
Wagtail's `Page` (treebeard's `steplen` and `numconv_obj()`). Migrations already applied call
these functions: what they create must stay the same.
"""

from django.utils import timezone
from wagtail.models import Page as TreePage

STEPLEN = TreePage.steplen  # characters per level of a tree path


def path_step(number: int) -> str:
    """One level of a tree path: the position in treebeard's digits, on STEPLEN characters."""
    return TreePage.numconv_obj().int2str(number).rjust(STEPLEN, TreePage.alphabet[0])


def home_page(apps):
    """The site's home page (the first page under the root), or None on a tree without one."""
    return apps.get_model("home", "HomePage").objects.filter(depth=2).first()


def children(apps, parent):
    return apps.get_model("wagtailcore", "Page").objects.filter(
        path__startswith=parent.path, depth=parent.depth + 1
    )


def recount_children(apps, parent) -> None:
    parent.numchild = children(apps, parent).count()
    parent.save(update_fields=["numchild"])


def add_child_page(apps, parent, app_label: str, model_name: str, *, title: str, slug: str, **fields):
    """Publish a page of `app_label.model_name` as the last child of `parent`.

    It goes after the last existing child: children deleted earlier leave gaps in the paths, which
    `numchild` does not count.
    """
    last = children(apps, parent).order_by("-path").values_list("path", flat=True).first()
    position = TreePage.numconv_obj().str2int(last[-STEPLEN:]) + 1 if last else 1
    page_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model_name
    )
    now = timezone.now()
    page = apps.get_model(app_label, model_name).objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=page_type,
        path=parent.path + path_step(position),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        locale_id=parent.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    recount_children(apps, parent)
    return page


def remove_pages(apps, pages) -> None:
    """Delete these pages (the reverse of `add_child_page`) and recount their parents' children."""
    Page = apps.get_model("wagtailcore", "Page")
    for page in pages:
        parent = Page.objects.filter(path=page.path[:-STEPLEN]).first()
        page.delete()
        if parent is not None:
            recount_children(apps, parent)


def index_page(app_label: str, model_name: str, *, title: str, slug: str, intro: str):
    """The two functions of a RunPython for a content type's index page (`/ressources/`…): one
    publishes it under the home page unless the site has one, the other removes it while empty."""

    def create(apps, schema_editor):
        home = home_page(apps)
        if home is not None and not apps.get_model(app_label, model_name).objects.exists():
            add_child_page(apps, home, app_label, model_name, title=title, slug=slug, intro=intro)

    def remove(apps, schema_editor):
        remove_pages(apps, apps.get_model(app_label, model_name).objects.filter(slug=slug, numchild=0))

    return create, remove
