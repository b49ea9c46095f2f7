from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    """Each key actor's slug from its English name (else its Spanish one), made unique."""
    KeyActor = apps.get_model("profiles", "KeyActor")
    taken = set()
    for actor in KeyActor.objects.order_by("order", "pk"):
        base = slugify(actor.name_en or actor.name_es or actor.name)[:110] or "actor"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        actor.slug = slug
        actor.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("profiles", "0005_snapshot_immutability_triggers")]

    operations = [
        migrations.AddField(
            model_name="keyactor",
            name="slug",
            field=models.SlugField(max_length=120, null=True, db_index=False, verbose_name="slug"),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="keyactor",
            name="slug",
            field=models.SlugField(
                help_text="Identifies the actor across dated versions.",
                max_length=120,
                unique=True,
                verbose_name="slug",
            ),
        ),
        migrations.AddConstraint(
            model_name="office",
            constraint=models.UniqueConstraint(
                fields=("kind", "region"),
                name="one_office_of_a_kind_per_region",
                violation_error_message="This region already has an office of this kind.",
            ),
        ),
    ]
