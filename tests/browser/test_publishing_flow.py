"""An editor and a publisher, in a real browser: freeze → preview in both languages →
confirm → publish → withdraw → correct; and restoring a value from the history."""

import pytest
from django.contrib.auth.models import Permission

from profiles.models import KeyFigure, Snapshot

from .conftest import screenshot

pytestmark = pytest.mark.browser
PASSWORD = "a-long-password-9"
CONTENT_APPS = ["profiles", "projects", "publications"]


def make_staff(django_user_model, username, *, publisher):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.is_staff = True
    user.save()
    permissions = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)
    if not publisher:
        permissions = permissions.exclude(codename="publish_snapshot")
    user.user_permissions.set(permissions)
    return user


@pytest.fixture
def editor(site, django_user_model):
    return make_staff(django_user_model, "ana", publisher=False)


@pytest.fixture
def publisher(site, django_user_model):
    return make_staff(django_user_model, "pablo", publisher=True)


def sign_in(page, site, user):
    page.context.clear_cookies()
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/admin/")


def messages(page):
    return page.locator("ul.messagelist").inner_text()


def fill_spanish(page, field, text):
    """A translated field's Spanish input sits in the "es" tab (modeltranslation's)."""
    page.locator(f"a[href='#tab_id_{field}_es']").click()
    page.locator(f"#id_{field}_es").fill(text)


def freeze(page, date, title_en, title_es):
    page.locator("#id_date").fill(date)
    page.locator("#id_title_en").fill(title_en)
    if title_es:
        fill_spanish(page, "title", title_es)
    page.get_by_role("button", name="Freeze the current profile").click()


def test_an_editor_freezes_and_a_publisher_publishes_withdraws_and_corrects(
    page, site, versions, editor, publisher
):
    # Edits since the 2024 version: a new figure, and a label left without its Spanish.
    KeyFigure.objects.filter(slug="darien-crossings-aug-sep-2023").update(value=160000)
    KeyFigure.objects.filter(slug="digital-reach").update(label_es="")

    # The editor: from the dashboard to a frozen draft.
    sign_in(page, site, editor)
    assert page.locator("#site-name").inner_text() == "IOM Panama — profile editor"
    screenshot(page, "admin-dashboard-1280-en")
    page.get_by_role("link", name="Freeze a new version").click()
    assert page.locator("h1").inner_text().startswith("Freeze a new version")
    assert page.get_by_text("Saving freezes the current profile").is_visible()
    assert page.get_by_role("button", name="Save and add another").count() == 0
    freeze(page, "2025-03-31", "End of March 2025", "")
    draft = Snapshot.objects.get(date="2025-03-31")
    page.wait_for_url(f"{site}/admin/profiles/snapshot/{draft.pk}/change/")
    assert "The current profile is frozen into the draft" in messages(page)
    assert page.get_by_text("A publisher must publish this draft.").first.is_visible()

    # The preview, in English and then Spanish, with the staff's links.
    page.get_by_role("link", name="Preview", exact=True).click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("Preview of a draft").is_visible()
    page.get_by_role("link", name="Compare with the current profile").click()
    assert page.locator("h1").inner_text().startswith("What the version of")
    page.get_by_role("link", name="Back to the preview").click()
    page.locator(".language-switch").get_by_role("link", name="Español").click()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_text("Vista previa de un borrador").is_visible()
    page.get_by_role("link", name="Comparar con el perfil actual").click()
    assert page.locator("h1").inner_text().startswith("Qué cambia la versión")
    page.get_by_role("link", name="Volver a la administración").click()
    page.wait_for_url(f"{site}/admin/profiles/snapshot/{draft.pk}/change/")

    # The publisher: the confirmation refuses a version without a Spanish title.
    sign_in(page, site, publisher)
    page.goto(f"{site}/admin/profiles/snapshot/{draft.pk}/preview/")
    page.get_by_role("link", name="Publish…").click()
    page.wait_for_url(f"{site}/admin/profiles/snapshot/{draft.pk}/publish/")
    assert page.get_by_text("It cannot be published without a Spanish title").is_visible()
    assert page.get_by_role("button", name="Yes, publish it").count() == 0
    screenshot(page, "admin-publish-refused-1280-en")
    page.get_by_role("link", name="Add the Spanish title").click()
    fill_spanish(page, "title", "Finales de marzo de 2025")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"{site}/admin/profiles/snapshot/")

    page.goto(f"{site}/admin/profiles/snapshot/{draft.pk}/change/")
    page.get_by_role("link", name="Publish…").click()
    page.wait_for_url(f"{site}/admin/profiles/snapshot/{draft.pk}/publish/")
    assert page.get_by_role("heading", name="Missing in Spanish").is_visible()
    assert "People reached through digital media" in page.locator("#content-main").inner_text()
    assert "160,000" in page.locator("#content-main").inner_text()
    assert page.get_by_role("heading", name="What it changes against the version of").count() == 1
    screenshot(page, "admin-publish-confirmation-1280-en")
    page.get_by_role("button", name="Yes, publish it").click()
    page.wait_for_url(f"{site}/admin/profiles/snapshot/{draft.pk}/change/")
    assert "is published" in messages(page)
    assert Snapshot.objects.get(pk=draft.pk).status == "published"

    # Withdraw, then correct on the same date.
    page.get_by_role("link", name="Withdraw…").click()
    page.get_by_label("Reason for withdrawal").fill("The staff figure was wrong")
    page.get_by_role("button", name="Withdraw", exact=True).click()
    page.wait_for_url(f"{site}/admin/profiles/snapshot/{draft.pk}/change/")
    page.get_by_role("link", name="Freeze a correction for this date").click()
    assert page.locator("#id_date").input_value() == "2025-03-31"
    page.locator("#id_title_en").fill("End of March 2025, corrected")
    fill_spanish(page, "title", "Finales de marzo de 2025, corregida")
    page.get_by_role("button", name="Freeze the current profile").click()
    correction = Snapshot.objects.get(date="2025-03-31", status="draft")
    page.wait_for_url(f"{site}/admin/profiles/snapshot/{correction.pk}/change/")
    page.get_by_role("link", name="Publish…").click()
    page.get_by_role("button", name="Yes, publish it").click()
    page.wait_for_url(f"{site}/admin/profiles/snapshot/{correction.pk}/change/")

    page.goto(f"{site}/es/versiones/")
    archive = page.locator("main").inner_text()
    assert "Finales de marzo de 2025, corregida" in archive
    assert "Finales de marzo de 2025\n" in archive or "retirada" in archive
    page.goto(f"{site}/en/snapshots/2025-03-31/")
    assert page.get_by_text("End of March 2025, corrected").first.is_visible()
    page.get_by_role("link", name="see the withdrawn version").click()
    assert page.get_by_text("This version was withdrawn on").is_visible()


def test_the_pages_read_well_in_spanish_and_on_a_phone(browser, site, versions, publisher):
    from profiles.snapshots import freeze_snapshot

    draft = freeze_snapshot(
        date="2025-03-31", title={"en": "March 2025", "es": "Marzo de 2025"}, by=publisher
    )
    for width, language in ((1280, "es"), (390, "es"), (390, "en")):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale=language, bypass_csp=True
        )
        page = context.new_page()
        sign_in(page, site, publisher) if language == "en" else None
        if language == "es":
            page.goto(f"{site}/admin/login/")
            page.locator("#id_username").fill(publisher.username)
            page.locator("#id_password").fill(PASSWORD)
            page.locator("input[type=submit]").click()
            page.wait_for_url(f"{site}/admin/")
            assert page.locator("#site-name").inner_text() == "OIM Panamá — editor del perfil"
        screenshot(page, f"admin-dashboard-{width}-{language}")
        page.goto(f"{site}/admin/profiles/snapshot/{draft.pk}/publish/")
        screenshot(page, f"admin-publish-confirmation-{width}-{language}")
        context.close()


def test_an_editor_restores_a_value_from_the_history(page, site, editor):
    figure = KeyFigure.objects.get(slug="digital-reach")
    original = figure.label_en
    sign_in(page, site, editor)
    page.goto(f"{site}/admin/profiles/keyfigure/")
    screenshot(page, "admin-key-figures-1280-en")
    change = f"{site}/admin/profiles/keyfigure/{figure.pk}/change/"
    page.goto(change)
    assert page.locator(".time-zone-note").count() == 1
    assert page.locator(".timezonewarning:visible").count() == 0
    page.locator("#id_label_en").fill("A label typed by mistake")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"{site}/admin/profiles/keyfigure/")
    page.goto(f"{site}/admin/profiles/keyfigure/{figure.pk}/history/")
    page.get_by_role("button", name="Restore label_en to its value before this change").click()
    page.wait_for_url(f"{site}/admin/profiles/keyfigure/{figure.pk}/history/")
    assert "Restored the earlier value of" in messages(page)
    assert KeyFigure.objects.get(pk=figure.pk).label_en == original
    trail = page.locator("#audit-trail tbody tr").first.inner_text()
    assert "A label typed by mistake" in trail and original in trail
    screenshot(page, "admin-history-restore-1280-en")
