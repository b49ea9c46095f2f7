"""The current figures whose source says "almost" or "nearly", stored as "about"
before those qualifiers existed: given the source's own word. A figure an editor
has since changed (another value or qualifier) is left as it is."""

from django.db import migrations

AS_WRITTEN = [
    # (slug, value, the source's word): 001 "almost 500 civil servants",
    # 003 "cerca de 61 informes" ("nearly 61").
    ("civil-servants-trained-shelters", 500, "almost"),
    ("dtm-reports-published", 61, "nearly"),
]


def qualifiers_as_written(apps, schema_editor):
    KeyFigure = apps.get_model("profiles", "KeyFigure")
    for slug, value, qualifier in AS_WRITTEN:
        KeyFigure.objects.filter(slug=slug, value=value, qualifier="about").update(
            qualifier=qualifier
        )


def back_to_about(apps, schema_editor):
    KeyFigure = apps.get_model("profiles", "KeyFigure")
    for slug, value, qualifier in AS_WRITTEN:
        KeyFigure.objects.filter(slug=slug, value=value, qualifier=qualifier).update(
            qualifier="about"
        )


class Migration(migrations.Migration):
    dependencies = [("profiles", "0013_sources_and_qualifiers")]

    operations = [migrations.RunPython(qualifiers_as_written, back_to_about)]
