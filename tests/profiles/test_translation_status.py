"""Translation status per field: missing and outdated texts, kept on every write path."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from profiles.models import Snapshot, ThematicArea
from profiles.snapshots import freeze_snapshot
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


def outdate_summary(project):
    project.summary_en = "Help for migrants crossing Darién."
    project.save()
    return project


def test_the_form_marks_an_outdated_translation_with_a_hint_a_badge_and_a_diff(editor_client):
    project = outdate_summary(make_project(summary_en="Help for migrants.", summary_es="Ayuda."))
    html = editor_client.get(reverse("admin:projects_project_change", args=[project.pk]))
    html = html.content.decode()
    assert 'data-translation-state="outdated"' in html
    assert 'data-translation-badge="outdated"' in html
    assert "Outdated: the English text changed on" in html
    assert "Help for <del>migrants.</del><ins>migrants crossing Darién.</ins>" in html
    assert "js/translation_status.js" in html


def test_the_form_speaks_the_editors_language(editor_client):
    project = outdate_summary(make_project(summary_en="Help for migrants.", summary_es="Ayuda."))
    url = reverse("admin:projects_project_change", args=[project.pk])
    html = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Desactualizado: el texto en inglés cambió el" in html
    assert 'data-translation-badge="desactualizado"' in html


def test_the_list_has_a_translation_column_and_filter(editor_client, django_assert_max_num_queries):
    outdated = outdate_summary(make_project(summary_en="Help.", summary_es="Ayuda."))
    make_project(title_en="Water", title_es="")
    for _n in range(5):
        make_project()
    url = reverse("admin:projects_project_changelist")
    with django_assert_max_num_queries(13):
        everything = editor_client.get(url)
    assert everything.context["cl"].result_count == 7
    html = everything.content.decode()
    assert html.count('class="translation-needed"') == 2
    assert "Spanish outdated" in html and "Spanish missing" in html
    filtered = editor_client.get(url, {"translation": "es-outdated"})
    assert list(filtered.context["cl"].result_list) == [outdated]


def test_the_dashboard_counts_link_to_exactly_those_rows(editor_client, editor):
    outdate_summary(make_project(summary_en="Help.", summary_es="Ayuda."))
    make_project(title_en="Water", title_es="")
    make_project()
    freeze_snapshot(date=dt.date(2025, 1, 31), title="January 2025", by=editor)
    html = editor_client.get("/admin/").content.decode()
    counts = dict(re.findall(r'<a href="([^"]+\?translation=any)">[^<]+</a>: (\d+)', html))
    assert counts[reverse("admin:projects_project_changelist") + "?translation=any"] == "2"
    assert counts[reverse("admin:profiles_snapshot_changelist") + "?translation=any"] == "1"
    for url, count in counts.items():
        assert editor_client.get(url).context["cl"].result_count == int(count)


def test_a_published_snapshot_with_an_empty_spanish_title_is_flagged(publisher_client, publisher):
    snapshot = freeze_snapshot(date=dt.date(2025, 1, 31), title="January 2025", by=publisher)
    draft_form = publisher_client.get(reverse("admin:profiles_snapshot_change", args=[snapshot.pk]))
    assert 'data-translation-state="missing"' in draft_form.content.decode()
    # Publishing now refuses a draft without a Spanish title; a version published before
    # that rule (as the historical ones were) is what the dashboard must still flag.
    snapshot.status = Snapshot.Status.PUBLISHED
    snapshot.published_at = timezone.now()
    snapshot.save()
    url = reverse("admin:profiles_snapshot_changelist")
    listed = publisher_client.get(url, {"translation": "es-missing"})
    assert [s.pk for s in listed.context["cl"].result_list] == [snapshot.pk]
    assert "Spanish missing" in listed.content.decode()


def save_through_the_admin(client, obj, **changes):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    response = client.post(url, {**data, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_admin_saves_set_and_clear_the_status(editor_client):
    area = ThematicArea.objects.create(slug="climate", name_en="Climate", name_es="Clima")
    save_through_the_admin(editor_client, area, name_en="Climate and migration")
    assert states(area) == {"name": (OUTDATED, "es")}
    save_through_the_admin(editor_client, area, name_es="Clima y migración")
    assert states(area) == {}
