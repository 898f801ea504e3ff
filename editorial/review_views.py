"""Admin views of review claims: the review queue, "Je m'en occupe", and reassignment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import TaskState

from editorial import claims
from editorial.models import CoordinationApprovalTask, PeerReviewTask


def sees_queue(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Reviewers of any step (members of a task's groups), the coordination and administrators."""
    if not (user.is_authenticated and user.is_active):
        return False
    if claims.can_reassign(user):
        return True
    tasks = [
        *PeerReviewTask.objects.filter(active=True),
        *CoordinationApprovalTask.objects.filter(active=True),
    ]
    return any(task.user_in_task_groups(user) for task in tasks)


def step(task_state_id: int) -> TaskState:
    task_state = get_object_or_404(
        TaskState.objects.select_related("workflow_state", "task"), pk=task_state_id
    )
    if claims.editorial_task(task_state) is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise Http404(_("Cette étape de relecture est terminée."))
    return task_state


def back(request: HttpRequest, task_state: TaskState) -> HttpResponse:
    return redirect(get_valid_next_url_from_request(request) or reverse("editorial_review_queue"))


class ReviewQueueView(WagtailAdminTemplateMixin, TemplateView):
    """Steps in progress with their age, due date and holder; the coordination reassigns here."""

    page_title = gettext_lazy("Relectures en cours")
    header_icon = "tasks"
    template_name = "editorial/review_queue.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not sees_queue(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "rows": claims.review_queue(self.request.user),
            "can_reassign": claims.can_reassign(self.request.user),
        }


class ClaimView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks to confirm, POST claims ("Je m'en occupe") or, with `release`, lets go."""

    page_title = gettext_lazy("Je m'en occupe")
    header_icon = "tasks"
    template_name = "editorial/review_claim.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.task_state = step(kwargs["task_state_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "task_state": self.task_state,
            "page": claims.page_of(self.task_state),
            "claim": claims.claim_of(self.task_state),
            "may_claim": claims.can_claim(self.task_state, self.request.user),
            "due_date": claims.due_date(self.task_state),
            "next": get_valid_next_url_from_request(self.request),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        page = claims.page_of(self.task_state)
        if request.POST.get("release"):
            claims.release(self.task_state, request.user)
            messages.success(request, _("Vous ne vous occupez plus de la relecture de « %s ».") % page.title)
            return back(request, self.task_state)
        try:
            claims.claim(self.task_state, request.user)
        except claims.ClaimRefused as refusal:
            messages.error(request, str(refusal))
            return back(request, self.task_state)
        messages.success(
            request,
            _("Vous vous occupez de la relecture de « %(title)s » ; échéance : %(due)s.")
            % {"title": page.title, "due": claims.due_date(self.task_state).strftime("%d/%m/%Y")},
            buttons=[
                messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Relire la page"))
            ],
        )
        return back(request, self.task_state)


class ReassignForm(forms.Form):
    user = forms.TypedChoiceField(label=gettext_lazy("Confier la relecture à"), coerce=int)

    def __init__(self, *args: Any, choices: list[AbstractBaseUser], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [(user.pk, claims.display_name(user)) for user in choices]


class ReassignView(WagtailAdminTemplateMixin, TemplateView):
    """The coordination gives a step to another eligible person (logged, the person notified)."""

    page_title = gettext_lazy("Réattribuer une relecture")
    header_icon = "tasks"
    template_name = "editorial/review_reassign.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not claims.can_reassign(request.user):
            raise PermissionDenied
        self.task_state = step(kwargs["task_state_id"])
        self.choices = claims.reassign_choices(self.task_state)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "form": kwargs.get("form") or ReassignForm(choices=self.choices),
            "task_state": self.task_state,
            "page": claims.page_of(self.task_state),
            "claim": claims.claim_of(self.task_state),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ReassignForm(request.POST, choices=self.choices)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        new_holder = get_user_model().objects.get(pk=form.cleaned_data["user"])
        try:
            claims.reassign(self.task_state, new_holder, request.user)
        except claims.ClaimRefused as refusal:
            form.add_error("user", str(refusal))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("Relecture de « %(title)s » confiée à %(name)s, qui en est averti par courriel.")
            % {"title": claims.page_of(self.task_state).title, "name": claims.display_name(new_holder)},
        )
        return redirect("editorial_review_queue")
