""" "Ma structure" in the admin: a structure's own editors keep its contact details up to date.

The editors change only `Structure.contact_fields` (address, place, hours, phone, email, website);
the name, kind and editor group stay with the coordination (the "Structures membres" admin). A
save bumps the content version (Structure is registered with it), so public pages follow at once.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from members.models import Structure
from members.roles import is_coordinator, user_structures


class StructureContactForm(WagtailAdminModelForm):
    class Meta:
        model = Structure
        fields = Structure.contact_fields


def editable_structures(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Structure]:
    """The structures whose contact details `user` may change: their own (the coordination and
    administrators: all)."""
    if is_coordinator(user):
        return Structure.objects.all()
    return user_structures(user)


def can_edit_contact(user: AbstractBaseUser | AnonymousUser, structure: Structure) -> bool:
    return editable_structures(user).filter(pk=structure.pk).exists()


def contact_index(request: HttpRequest) -> HttpResponse:
    """Straight to the form for an editor of one structure; a list for several (or none)."""
    structures = list(user_structures(request.user))
    if len(structures) == 1:
        return redirect("members_structure_contact", pk=structures[0].pk)
    return render(request, "members/contact_index.html", {"structures": structures})


def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    structure = get_object_or_404(Structure, pk=pk)
    if not can_edit_contact(request.user, structure):
        # A 403 page, not Wagtail's redirect to the dashboard: the refusal is the answer.
        return render(request, "members/contact_forbidden.html", {"structure": structure}, status=403)
    form = StructureContactForm(request.POST or None, instance=structure)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            _("Coordonnées de « %(name)s » enregistrées : elles sont en ligne.")
            % {"name": structure.short_name},
        )
        return redirect("members_structure_contact", pk=structure.pk)
    if request.method == "POST":
        messages.error(
            request, _("Les coordonnées n'ont pas été enregistrées : corrigez les erreurs ci-dessous.")
        )
    return render(request, "members/contact_form.html", {"structure": structure, "form": form})
