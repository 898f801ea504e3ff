"""Give every site its settings row, so that no public page creates it while rendering.

A row created by a page view is a change of public content (site_kazasso.content_version): it
would purge the page cache and rebuild the listings' catalogue once per site.
"""

from django.db import migrations


def create_site_settings(apps, schema_editor):
    Site = apps.get_model("wagtailcore.Site")
    SiteSettings = apps.get_model("home.SiteSettings")
    for site in Site.objects.all():
        SiteSettings.objects.get_or_create(site=site)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_site_settings, migrations.RunPython.noop)]
