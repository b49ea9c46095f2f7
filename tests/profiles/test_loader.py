"""`load_iom_panama` loads every source document's facts, once.

Part of the data-fidelity suite: these tests read the real IOM Panama profile
(the `iom_panama` fixture or the loader itself) and check it against its sources.
Page behaviour is tested on small factory-built rows elsewhere (tests/factories.py).
"""

import datetime as dt
import io

import pytest
from django.core import serializers
from django.core.management import call_command

from profiles import models
from profiles.loading import provenance_problems, read_seed_documents
from profiles.seed import current
from projects.models import Project
from publications.models import Publication, Story

pytestmark = pytest.mark.django_db


def everything():
    """Every row of the content apps, serialised, to compare two states."""
    rows = []
    for model in (
        models.CountryOffice,
        models.SocialAccount,
        models.Region,
        models.Office,
        models.StaffCount,
        models.ThematicArea,
        models.AreaOfWork,
        models.InstitutionalSection,
        models.KeyActor,
        models.KeyFigure,
        models.Donor,
        Project,
        Publication,
        Story,
    ):
        rows.append(serializers.serialize("json", model.objects.order_by("pk")))
    return rows


def test_a_second_run_changes_no_row(settings):
    out = io.StringIO()
    call_command("load_iom_panama", stdout=out)
    before = everything()
    call_command("load_iom_panama", stdout=out)
    assert everything() == before
    last_run = out.getvalue().splitlines()[-2:]
    assert "0 created, 0 overwritten, 0 kept as edited" in last_run[0]
    assert "0 created, 0 corrected, 4 already there" in last_run[1]


def run_make_run_steps(out):
    """What `make run` does before serving (see the Makefile's `setup` target)."""
    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_iom_panama", stdout=out)
    call_command("ensure_demo_admin", stdout=out)


@pytest.fixture
def loaded(settings):
    settings.DEBUG = True  # ensure_demo_admin runs in development only
    call_command("load_iom_panama", stdout=io.StringIO())


def test_an_editors_change_survives_make_run(loaded):
    models.KeyFigure.objects.filter(slug="digital-reach").update(value=7700)
    models.KeyActor.objects.filter(order=0).update(name_es="Gobierno de Panamá (editado)")
    out = io.StringIO()
    run_make_run_steps(out)
    assert models.KeyFigure.objects.get(slug="digital-reach").value == 7700
    assert models.KeyActor.objects.get(order=0).name_es == "Gobierno de Panamá (editado)"
    assert "0 created, 0 overwritten, 2 kept as edited" in out.getvalue()


def test_the_loader_creates_only_what_is_missing(loaded):
    models.KeyFigure.objects.filter(slug="digital-reach").delete()
    models.KeyFigure.objects.filter(slug="dtm-reports-published").update(value=99)
    out = io.StringIO()
    call_command("load_iom_panama", stdout=out)
    assert models.KeyFigure.objects.filter(slug="digital-reach").exists()
    assert models.KeyFigure.objects.get(slug="dtm-reports-published").value == 99
    assert "1 created, 0 overwritten, 1 kept as edited" in out.getvalue()


def test_reset_says_what_it_overwrites(loaded):
    models.KeyFigure.objects.filter(slug="digital-reach").update(value=7700)
    project = Project.objects.get(slug="norway-rmrp-contribution")
    project.donors.clear()

    preview = io.StringIO()
    call_command("load_iom_panama", "--reset", "--dry-run", stdout=preview)
    assert "would overwrite key figure" in preview.getvalue()
    assert "value Decimal('7700.00') → Decimal('7663')" in preview.getvalue()
    assert f"“{project}”: donors [] →" in preview.getvalue()
    assert models.KeyFigure.objects.get(slug="digital-reach").value == 7700

    out = io.StringIO()
    call_command("load_iom_panama", "--reset", stdout=out)
    assert "overwrote key figure" in out.getvalue()
    assert models.KeyFigure.objects.get(slug="digital-reach").value == 7663
    assert project.donors.exists()


def test_it_has_the_2022_factsheets_facts(iom_panama):
    """000 and 001, late 2022."""
    assert models.StaffCount.objects.get(as_of=dt.date(2022, 12, 31)).total == 131
    assert models.ThematicArea.objects.count() == 12
    assert models.ThematicArea.objects.filter(name_en="Mental health").exists()
    assert models.KeyActor.objects.count() == 7
    assert Publication.objects.filter(
        title_en="Temporary Accommodation Management Manual", kind="manual"
    ).exists()
    assert set(models.Donor.objects.values_list("slug", flat=True)) >= {
        "canada-ircc",
        "switzerland",
    }
    assert models.KeyFigure.objects.get(slug="civil-servants-trained-shelters").value == 500


def test_it_has_the_october_2023_factsheets_facts(iom_panama):
    """002: staff, mission staff and the activity figures; the unlabelled 77 % is left out."""
    count = models.StaffCount.objects.get(as_of=dt.date(2023, 10, 31))
    assert (count.national, count.international, count.mission) == (153, 43, 25)
    crossings = models.KeyFigure.objects.get(slug="darien-crossings-aug-sep-2023")
    assert crossings.value == 157214
    assert crossings.period_start == dt.date(2023, 8, 1)
    assert crossings.source_en == "National Migration Service"
    assert not models.KeyFigure.objects.filter(value__in=[77, 23]).exists()


def test_it_has_the_2024_factsheets_facts(iom_panama):
    """003, the newest: 200 staff, eight regions (not "seven"), eight projects."""
    assert models.StaffCount.objects.latest().total == 200
    assert models.Region.objects.filter(has_presence=True).count() == 8
    assert models.Region.objects.get(iso_code="PA-NB").name_es == "Comarca Ngäbe-Buglé"
    assert Project.objects.count() == 8
    assert models.KeyFigure.objects.get(slug="dtm-reports-published").value == 61
    office = models.CountryOffice.objects.get()
    assert office.street_address_es.startswith("Calle Luis Bonilla")
    assert office.email == "iompanama@iom.int"


def test_it_has_the_websites_facts(iom_panama):
    """004, December 2023: presence since 2007 and the Migrants Day story."""
    assert models.CountryOffice.objects.get().presence_since == 2007
    story = Story.objects.get()
    assert story.published_on == dt.date(2023, 12, 18)
    assert "115,000" in story.body_en and "115,000" in story.body_es
    assert models.KeyFigure.objects.get(slug="migrants-in-transit-reached").qualifier == "more_than"


def test_every_text_exists_in_both_languages(iom_panama):
    for section in models.InstitutionalSection.objects.all():
        assert section.body_en and section.body_es, section.kind
    for project in Project.objects.all():
        assert project.title_en and project.title_es, project.slug
    for figure in models.KeyFigure.objects.all():
        assert figure.label_en and figure.label_es, figure.slug


def test_it_repairs_the_extraction_damage(iom_panama):
    texts = (
        " ".join(models.InstitutionalSection.objects.values_list("body_en", flat=True))
        + models.CountryOffice.objects.get().about_organization_en
    )
    assert "\ufffd" not in texts
    assert "field of migration" in texts


def test_every_figure_stands_in_its_source_document(settings):
    assert provenance_problems(read_seed_documents(settings.IOM_SEEDS_DIR)) == []


def test_a_figure_missing_from_its_source_is_caught(settings, monkeypatch):
    invented = dict(current.KEY_FIGURES[0], value=999_999, quote="999,999")
    monkeypatch.setattr(current, "KEY_FIGURES", [invented])
    problems = provenance_problems(read_seed_documents(settings.IOM_SEEDS_DIR))
    assert problems == ["legal-orientation: exact '999,999' is not in 002"]


def test_a_failure_midway_leaves_nothing_half_written(db, monkeypatch):
    from profiles.loading import load_current_profile

    broken = dict(current.KEY_FIGURES[-1], slug="broken", period_start=dt.date(2030, 1, 1))
    monkeypatch.setattr(current, "KEY_FIGURES", [*current.KEY_FIGURES, broken])
    with pytest.raises(Exception, match="period must start"):
        load_current_profile()
    assert not models.CountryOffice.objects.exists()
    assert not models.Region.objects.exists()
    assert not models.KeyFigure.objects.exists()
