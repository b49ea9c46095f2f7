"""Static files as production serves them: `collectstatic` with the hashed manifest."""

import json

import pytest
from django.core.management import call_command

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture
def collected_static(settings, tmp_path):
    """Every static file collected with the production storage into a fresh folder."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    call_command("collectstatic", "--noinput", verbosity=0)
    return tmp_path


def test_collectstatic_with_the_manifest_finds_every_referenced_file(collected_static):
    manifest = json.loads((collected_static / "staticfiles.json").read_text())
    assert "vendor/leaflet/leaflet.js" in manifest["paths"]
    assert "css/site.css" in manifest["paths"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/es/", "/en/map/", "/admin/login/"])
def test_pages_link_hashed_static_files(client, iom_panama, collected_static, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/css/" in html or "/static/admin/" in html
    manifest = json.loads((collected_static / "staticfiles.json").read_text())
    for hashed in manifest["paths"].values():
        if f"/static/{hashed}" in html:
            assert (collected_static / hashed).exists()
            break
    else:
        pytest.fail(f"{path} links no hashed static file")
