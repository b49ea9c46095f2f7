"""Translation status and the import preview in a real browser, at 1280 and 390 px."""

import pytest
from django.contrib.auth.models import Permission

from projects.models import Project
from tests.browser.conftest import axe_violations, screenshot

pytestmark = pytest.mark.browser
PASSWORD = "a-long-password-9"


@pytest.fixture
def signed_in(page, site, django_user_model):
    user = django_user_model.objects.create_user("elena", "elena@example.org", PASSWORD)
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["profiles", "projects", "publications"]
        ).exclude(codename="publish_snapshot")
    )
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/admin/")
    return page


def ours(violations):
    """What axe finds in this change's markup. Django's admin (breadcrumb links,
    filter_horizontal widgets), jQuery UI's tabs (a link inside each role=tab item)
    and modeltranslation's unlabelled language switch have findings of their own."""
    theirs = (
        "help-tooltip",
        "modeltranslation-main-switch",
        "selector-",
        ".breadcrumbs",
        'aria-controls="tab_id',
    )
    return [v for v in violations if not any(mark in v for mark in theirs)]


def test_a_form_marks_an_outdated_translation_and_its_tabs_switch_together(signed_in, site):
    page = signed_in
    project = Project.objects.get(slug="gbv-local-government-darien")
    project.summary_en = (
        "Strengthens the local government of Darién to prevent gender-based violence "
        "and to refer survivors to care."
    )
    project.summary_es = (
        "Fortalece al gobierno local de Darién para prevenir la violencia basada en género "
        "y referir a las sobrevivientes a atención."
    )
    project.save()
    project.summary_en = (
        "Strengthens the local governments of Darién and Chiriquí to prevent gender-based "
        "violence, to refer survivors to care and to train municipal staff."
    )
    project.save()
    page.goto(f"{site}/admin/projects/project/{project.pk}/change/")
    badge = page.locator(".ui-tabs-nav a[href='#tab_id_summary_es'] .translation-badge")
    assert badge.text_content() == "outdated"
    page.locator("a[href='#tab_id_summary_es']").click()
    assert page.locator("#id_summary_es").is_visible()
    assert page.locator("#id_title_es").is_visible()  # the other group followed
    assert not page.locator("#id_title_en").is_visible()
    assert page.locator(".translation-diff ins").first.is_visible()
    page.locator(".translation-diff").scroll_into_view_if_needed()
    screenshot(page, "translation-outdated-form-1280")
    assert ours(axe_violations(page)) == []
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "translation-outdated-form-390")


def test_the_import_preview_fits_the_page(signed_in, site, tmp_path):
    page = signed_in
    project = Project.objects.get(slug="gbv-local-government-darien")
    long_summary = " ".join(["Strengthens local governments to prevent gender-based violence."] * 6)
    csv_file = tmp_path / "projects.csv"
    csv_file.write_text(
        "slug,title_en,title_es,summary_en,summary_es,regions\n"
        f'gbv-local-government-darien,"{project.title_en}","{project.title_es}",'
        f'"{long_summary}","{project.summary_es or ""}",PA-5;PA-10\n'
        "new-shelter-project,Temporary shelters,Albergues temporales,"
        '"Shelter for families.",,PA-5\n',
        encoding="utf-8",
    )
    page.goto(f"{site}/admin/projects/project/import/")
    screenshot(page, "import-form-1280")
    page.set_input_files("#id_import_file", str(csv_file))
    page.get_by_role("button", name="Preview the import").click()
    page.wait_for_selector(".import-preview-rows")
    assert page.locator(".import-warnings").is_visible()
    assert page.locator(".import-old").first.is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280, width
    screenshot(page, "import-preview-1280")
    assert ours(axe_violations(page)) == []
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "import-preview-390")
    page.get_by_role("button", name="Confirm import").click()
    page.wait_for_selector(".import-done")
    screenshot(page, "import-done-390")
    assert Project.objects.get(slug="new-shelter-project").regions.count() == 1
