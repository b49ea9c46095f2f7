import django.utils.timezone
from django.db import migrations, models


def added_today(apps, schema_editor):
    """When a publication was entered before this field is not known: the rows
    already there are dated by the day this migration runs, the latest they can
    have been added (the feed says such a date is the one added, not published)."""
    Publication = apps.get_model("publications", "Publication")
    Publication.objects.filter(added_on__isnull=True).update(
        added_on=django.utils.timezone.localdate()
    )


class Migration(migrations.Migration):

    dependencies = [
        ("publications", "0003_publication_sources"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="added_on",
            field=models.DateField(
                editable=False, null=True, verbose_name="added to the site on"
            ),
        ),
        migrations.RunPython(added_today, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="publication",
            name="added_on",
            field=models.DateField(
                default=django.utils.timezone.localdate,
                editable=False,
                verbose_name="added to the site on",
            ),
        ),
    ]
