from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """The one row holding the version of the public content (see `site_kazasso.content_version`).

    Written inside the transaction that changes content, so a rollback restores it and the
    transaction itself reads its own version; renewed again once it commits. Random rather than a
    counter: a restored version matches only data derived before the rolled-back transaction.
    """

    version = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("version du contenu public")
        verbose_name_plural = _("versions du contenu public")

    def __str__(self) -> str:
        return self.version
