"""The two workflow steps: a peer from another structure, then the coordination.

Both are group approval tasks (the group is chosen in the admin) with the rules Wagtail lacks:
who may act depends on the page's structure and on who submitted it, and nobody approves the
revision they authored (four eyes). Wagtail checks `get_actions()` before running any workflow
action, from the edit view or the action view, so these rules hold for crafted requests as well
as for the buttons shown.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState, WorkflowState

from members.roles import COORDINATION_GROUP, REVIEW_GROUP, user_structures


class RequiredCommentForm(forms.Form):
    """ "Demander des modifications" must say what to change."""

    comment = forms.CharField(
        label=_("Modifications demandées"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=True,
        error_messages={
            "required": _("Expliquez les modifications attendues : ce commentaire est obligatoire.")
        },
    )


class ApprovalForm(forms.Form):
    """ "Approuver" asks for a confirmation (from the editor and from the dashboard alike) that
    says what the approval leads to; a comment is optional."""

    after_approval = ""
    comment = forms.CharField(
        label=_("Commentaire (facultatif)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comment"].help_text = self.after_approval


def approval_form(after_approval: str) -> type[forms.Form]:
    """The confirmation form of one step, naming what comes after its approval."""
    return type("StepApprovalForm", (ApprovalForm,), {"after_approval": after_approval})


SUBMIT_ACTIONS = ("wagtail.workflow.start", "wagtail.workflow.resume")


def submitters(obj: Any) -> set[int]:
    """Users who submitted the page into its current workflow, first time or after changes."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None:
        return set()
    from wagtail.models import PageLogEntry

    resumed = PageLogEntry.objects.filter(
        page_id=obj.pk, action__in=SUBMIT_ACTIONS, timestamp__gte=state.created_at
    ).values_list("user_id", flat=True)
    return {user_id for user_id in (state.requested_by_id, *resumed) if user_id}


def latest_revision_author_id(obj: Any) -> int | None:
    """Who saved the page's latest revision, read afresh: the object in hand may be a revision."""
    from wagtail.models import Page

    return Page.objects.filter(pk=obj.pk).values_list("latest_revision__user_id", flat=True).first()


def page_structure_id(obj: Any) -> int | None:
    """The owning structure of a page, whether Wagtail hands us the base Page or the specific one."""
    if hasattr(obj, "structure_id"):
        return obj.structure_id
    specific = getattr(obj, "specific_deferred", None)
    return getattr(specific, "structure_id", None)


class EditorialTask(AbstractGroupApprovalTask):
    """Common behaviour: a required comment to request changes, and per-page eligibility."""

    due_working_days = models.PositiveSmallIntegerField(
        _("délai de l'étape (jours ouvrés)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "Nombre de jours ouvrés (du lundi au vendredi, hors jours fériés à La Réunion) pour "
            "réaliser cette étape ; passé ce délai, des relances sont envoyées."
        ),
    )

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "due_working_days"]
    description = ""  # who acts at this step, for the admin's choice of a task type

    class Meta:
        abstract = True

    @classmethod
    def get_description(cls) -> str:
        return cls.description

    def user_can_act(self, obj: Any, user: AbstractBaseUser) -> bool:
        raise NotImplementedError

    def user_in_task_groups(self, user: AbstractBaseUser) -> bool:
        """Whether the user belongs to one of the groups chosen for this step (memoised per task
        on the user object, as a request asks it for every page of a dashboard panel)."""
        checks = user.__dict__.setdefault("kazasso_task_group_checks", {})
        if self.pk not in checks:
            checks[self.pk] = user.groups.filter(pk__in=self.groups.values("pk")).exists()
        return checks[self.pk]

    def may_approve_own_revision(self, user: AbstractBaseUser) -> bool:
        """Four eyes: by default nobody approves the latest revision if they saved it."""
        return False

    def get_actions(self, obj: Any, user: AbstractBaseUser) -> list[tuple[str, str, bool]]:
        if not user.is_active or not self.user_can_act(obj, user) or self.held_by_another(obj, user):
            return []
        reject = [("reject", _("Demander des modifications"), True)]
        if latest_revision_author_id(obj) == user.pk and not self.may_approve_own_revision(user):
            return reject
        return [*reject, ("approve", _("Approuver"), True)]

    # What an approval at this step leads to, shown in the confirmation.
    after_approval = ""

    def held_by_another(self, obj: Any, user: AbstractBaseUser) -> bool:
        """While someone has claimed this step ("Je m'en occupe"), only they decide (and the
        administrators); the coordination reassigns the review instead of overriding it."""
        if user.is_superuser:
            return False
        return (
            ReviewClaim.objects.filter(
                task_state__task=self,
                task_state__status=TaskState.STATUS_IN_PROGRESS,
                task_state__workflow_state__in=WorkflowState.objects.for_instance(obj),
            )
            .exclude(user=user)
            .exists()
        )

    def get_form_for_action(self, action: str) -> type[forms.Form]:
        if action == "reject":
            return RequiredCommentForm
        if action == "approve":
            return approval_form(str(self.after_approval))
        return super().get_form_for_action(action)

    def on_action(
        self, task_state: TaskState, user: AbstractBaseUser, action_name: str, **kwargs: Any
    ) -> Any:
        if not self.user_can_act(task_state.workflow_state.content_object, user):
            raise PermissionDenied(_("Cette action de relecture ne vous est pas permise sur cette page."))
        if self.held_by_another(task_state.workflow_state.content_object, user):
            raise PermissionDenied(
                _(
                    "Une autre personne s'occupe de cette relecture : elle seule décide, à moins que "
                    "la coordination ne la réattribue."
                )
            )
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied(_("Une demande de modifications doit être accompagnée d'un commentaire."))
        super().on_action(task_state, user, action_name, **kwargs)
        # From the dashboard, Wagtail redirects here: back to it, saying what happened (the
        # dashboard hook reads the page's log before saying anything). The editor ignores it.
        query = urlencode({"transition": action_name, "page": task_state.workflow_state.object_id})
        return f"{reverse('wagtailadmin_home')}?{query}"

    def user_can_access_editor(self, obj: Any, user: AbstractBaseUser) -> bool:
        return self.user_can_act(obj, user)

    def locked_for_user(self, obj: Any, user: AbstractBaseUser) -> bool:
        return not self.user_can_act(obj, user)

    def user_can_lock(self, obj: Any, user: AbstractBaseUser) -> bool:
        """Reviewing gives no lock: EditorialPermissionTester.can_lock keeps it for the owners."""
        return False

    def get_task_states_user_can_moderate(self, user: AbstractBaseUser, **kwargs: Any) -> QuerySet[TaskState]:
        """Only the pages this user may act on appear in their "À relire" dashboard panel."""
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if not user.is_active or not (user.is_superuser or self.user_in_task_groups(user)):
            return TaskState.objects.none()
        allowed = [
            state.pk
            for state in states.select_related("workflow_state")
            if self.user_can_act(state.workflow_state.content_object, user)
        ]
        return self.task_states.filter(pk__in=allowed)


class PeerReviewTask(EditorialTask):
    """Step 1: a reviewer from another structure than the page's, never its submitter."""

    after_approval = _(
        "En approuvant, vous transmettez la page à la coordination, qui valide sa publication."
    )

    description = _(
        "Un membre des groupes choisis (Relecture) appartenant à une autre structure que celle de "
        "la page, et qui ne l'a pas soumise, l'approuve ou demande des modifications."
    )

    class Meta:
        verbose_name = _("relecture par un pair")
        verbose_name_plural = _("relectures par un pair")

    def user_can_act(self, obj: Any, user: AbstractBaseUser) -> bool:
        if user.pk in submitters(obj):
            return False
        if user.is_superuser:
            return True
        if not self.user_in_task_groups(user):
            return False
        structure_id = page_structure_id(obj)
        return structure_id is None or not user_structures(user).filter(pk=structure_id).exists()


class CoordinationApprovalTask(EditorialTask):
    """Step 2: a coordinator approves, never a page they submitted (administrators excepted)."""

    after_approval = _(
        "En approuvant, vous publiez la page sur le site (ou programmez sa publication à sa date "
        "de mise en ligne) ; sa structure en est prévenue par courriel."
    )

    description = _(
        "Un membre des groupes choisis (Coordination) valide la publication, sauf pour une page "
        "qu'il a soumise lui-même (règle des quatre yeux) ; les administrateurs le peuvent toujours."
    )

    class Meta:
        verbose_name = _("validation par la coordination")
        verbose_name_plural = _("validations par la coordination")

    def user_can_act(self, obj: Any, user: AbstractBaseUser) -> bool:
        if user.is_superuser:
            return True
        if not self.user_in_task_groups(user):
            return False
        return user.pk not in submitters(obj)

    def may_approve_own_revision(self, user: AbstractBaseUser) -> bool:
        """Administrators, who may publish directly anyway, keep their exception at this step."""
        return user.is_superuser


class ReviewClaim(models.Model):
    """Who said "Je m'en occupe" for one step of one review: one row per task state."""

    task_state = models.OneToOneField(
        TaskState, on_delete=models.CASCADE, primary_key=True, related_name="review_claim"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_claims",
        verbose_name=_("pris en charge par"),
    )
    claimed_at = models.DateTimeField(_("pris en charge le"), default=timezone.now)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("attribué par"),
    )

    class Meta:
        verbose_name = _("prise en charge d'une relecture")
        verbose_name_plural = _("prises en charge de relectures")

    def __str__(self) -> str:
        return f"{self.user} – {self.task_state_id}"


class ReviewReminder(models.Model):
    """One row per reminder sent for a late step: the same reminder is never sent twice."""

    class Level(models.IntegerChoices):
        CLAIMANT = 1, _("Relance de la personne qui s'en occupe")
        REVIEWERS = 2, _("Relance de toutes les personnes habilitées")
        COORDINATION = 3, _("Signalement à la coordination")

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="review_reminders")
    level = models.PositiveSmallIntegerField(_("niveau"), choices=Level.choices)
    sent_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    recipient_count = models.PositiveSmallIntegerField(_("destinataires"), default=0)

    class Meta:
        verbose_name = _("relance de relecture")
        verbose_name_plural = _("relances de relecture")
        constraints = [
            models.UniqueConstraint(fields=["task_state", "level"], name="editorial_one_reminder_per_level")
        ]

    def __str__(self) -> str:
        return f"{self.task_state_id} – {self.get_level_display()}"


class PreviewLink(models.Model):
    """A read-only link to a page's latest draft for someone without an account.

    It holds no personal data of the people who open it: only how many times and when last.
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="preview_links")
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    expires_at = models.DateTimeField(_("expire le"))
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    view_count = models.PositiveIntegerField(_("consultations"), default=0)
    last_viewed_at = models.DateTimeField(_("dernière consultation"), null=True, blank=True)

    class Meta:
        verbose_name = _("lien d'aperçu")
        verbose_name_plural = _("liens d'aperçu")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.page} ({self.created_at:%d/%m/%Y})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired


__all__ = [
    "COORDINATION_GROUP",
    "REVIEW_GROUP",
    "CoordinationApprovalTask",
    "PeerReviewTask",
    "PreviewLink",
    "ReviewClaim",
    "ReviewReminder",
]
