"""The "Référentiels" admin menu: member structures, themes and typologies."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from members.models import Structure
from taxonomy.models import Theme, Typology


class StructureAdmin(ModelAdmin):
    model = Structure
    menu_label = _("Structures membres")
    menu_icon = "group"
    list_display = ("name", "acronym", "kind", "territory", "support_level")
    list_filter = ("kind", "territory", "support_level")
    search_fields = ("name", "acronym", "description")
    ordering = ("name",)


class OrderedTermAdmin(ModelAdmin):
    """Themes and typologies: a name, a slug and an order, the same list for both."""

    list_display = ("name", "slug", "order")
    search_fields = ("name", "description")


class ThemeAdmin(OrderedTermAdmin):
    model = Theme
    menu_label = _("Thèmes")
    menu_icon = "tag"


class TypologyAdmin(OrderedTermAdmin):
    model = Typology
    menu_label = _("Typologies")
    menu_icon = "list-ul"


class ReferenceDataGroup(ModelAdminGroup):
    menu_label = _("Référentiels")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (StructureAdmin, ThemeAdmin, TypologyAdmin)


modeladmin_register(ReferenceDataGroup)


@hooks.register("insert_global_admin_js")
def unquote_tag_chips() -> str:
    """Multi-word tags show as chips without the quotes the admin's tag field types around them."""
    return format_html('<script src="{}"></script>', static("taxonomy/admin-tags.js"))
