"""Translation status per field: missing and outdated texts, kept on every write path."""

import pytest

from profiles.translation_status import MISSING, OUTDATED, field_states, needing_translation
from projects.models import Project
from tests.factories import make_project

pytestmark = pytest.mark.django_db


def states(obj):
    return {field: (state, language) for field, (state, language, _s) in field_states(obj).items()}


def test_an_english_edit_after_the_spanish_one_outdates_the_spanish():
    project = make_project(summary_en="Help for migrants.", summary_es="Ayuda a migrantes.")
    assert states(project) == {}
    project.summary_en = "Help for migrants in Darién."
    project.save()
    assert states(project) == {"summary": (OUTDATED, "es")}
    (_state, _language, status) = field_states(project)["summary"]
    assert status.source_before == "Help for migrants."
    assert status.english_changed_at > status.spanish_changed_at


def test_a_spanish_edit_clears_the_outdated_spanish():
    project = make_project(summary_en="Help.", summary_es="Ayuda.")
    project.summary_en = "Help for all."
    project.save()
    project.summary_en = "Help for everyone."
    project.save()
    (_state, _language, status) = field_states(project)["summary"]
    assert status.source_before == "Help."  # what the Spanish was written against
    project.summary_es = "Ayuda para todos."
    project.save()
    assert states(project) == {}


def test_a_spanish_edit_outdates_the_english_the_other_way_round():
    project = make_project(title_en="Shelter", title_es="Albergue")
    project.title_es = "Albergues temporales"
    project.save()
    assert states(project) == {"title": (OUTDATED, "en")}
    project.title_en = "Temporary shelters"
    project.save()
    assert states(project) == {}


def test_writing_both_languages_together_keeps_them_in_step():
    project = make_project(title_en="Shelter", title_es="Albergue")
    project.title_en, project.title_es = "Shelters", "Albergues"
    project.save()
    assert states(project) == {}


def test_a_first_translation_is_not_an_edit_of_the_source():
    project = make_project(summary_en="Help.", summary_es="")
    assert states(project) == {"summary": (MISSING, "es")}
    project.summary_es = "Ayuda."
    project.save()
    assert states(project) == {}


def test_queryset_updates_are_not_seen_but_orm_saves_are():
    project = make_project(title_en="Shelter", title_es="Albergue")
    Project.objects.filter(pk=project.pk).update(title_en="Changed quietly")
    project.refresh_from_db()
    assert states(project) == {}
    project.title_en = "Changed loudly"
    project.save()
    assert states(project) == {"title": (OUTDATED, "es")}


def test_lists_filter_rows_by_the_state_of_their_translations():
    outdated = make_project(title_en="Shelter", title_es="Albergue")
    outdated.title_en = "Shelters"
    outdated.save()
    missing = make_project(title_en="Health", title_es="")
    fine = make_project(title_en="Water", title_es="Agua")
    queryset = Project.objects.all()
    assert list(needing_translation(queryset, "es-outdated")) == [outdated]
    assert list(needing_translation(queryset, "es-missing")) == [missing]
    assert set(needing_translation(queryset, "any")) == {outdated, missing}
    assert fine not in needing_translation(queryset, "any")
