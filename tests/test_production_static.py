"""Static files as production serves them: `collectstatic` with the hashed manifest."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """Every static file collected with the production storage into a fresh folder,
    once for the module: compressing them takes half a minute."""
    root = tmp_path_factory.mktemp("static")
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", "--noinput", verbosity=0)
        yield root


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
