"""Uploaded images and PDFs are checked by their content, and PDFs served safely."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from profiles.models import Donor
from publications.models import Publication

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return buffer.getvalue()


def png_bomb(width=50_000, height=50_000):
    """A tiny file whose header claims billions of pixels."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def post_logo(client, content, name):
    donor = Donor.objects.get(slug="norway")
    url = reverse("admin:profiles_donor_change", args=[donor.pk])
    form = client.get(url).context["adminform"].form
    data = {key: form[key].value() or "" for key in form.fields if key != "logo"}
    return client.post(url, data | {"logo": SimpleUploadedFile(name, content)}), donor


def test_a_png_logo_is_accepted(editor_client, iom_panama, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response, donor = post_logo(editor_client, png_bytes(), "norway.png")
    assert response.status_code == 302
    donor.refresh_from_db()
    assert donor.logo.name.startswith("donors/norway")
    stem = donor.logo.name.rsplit(".", 1)[0]
    for width in (120, 240):
        with Image.open(tmp_path / "renditions" / f"{stem}-{width}w.webp") as rendition:
            assert rendition.format == "WEBP" and rendition.width <= width
    html = editor_client.get("/en/").content.decode()
    assert f"/media/renditions/{stem}-120w.webp 120w" in html


@pytest.mark.parametrize(
    "content,name",
    [(SVG, "logo.svg"), (SVG, "logo.png"), (b"not an image", "logo.jpg"), (png_bomb(), "bomb.png")],
    ids=["svg", "svg-renamed", "text", "decompression-bomb"],
)
def test_bad_images_are_refused_with_a_form_error(
    editor_client, iom_panama, settings, tmp_path, content, name
):
    settings.MEDIA_ROOT = tmp_path
    response, donor = post_logo(editor_client, content, name)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo"]
    donor.refresh_from_db()
    assert not donor.logo


def test_a_huge_image_is_refused_by_its_pixel_count(iom_panama):
    from django.core.exceptions import ValidationError

    from profiles.validators import validate_raster_image

    with pytest.raises(ValidationError, match="megapixels"):
        validate_raster_image(SimpleUploadedFile("bomb.png", png_bomb(8000, 8000)))


def test_only_real_pdfs_are_accepted(iom_panama):
    from django.core.exceptions import ValidationError

    from profiles.validators import validate_pdf

    validate_pdf(SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%fake but typed\n"))
    with pytest.raises(ValidationError, match="not a PDF"):
        validate_pdf(SimpleUploadedFile("report.pdf", b"<html>phishing</html>"))


def test_a_pdf_is_served_inline_with_its_type(client, iom_panama, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    publication = Publication.objects.get(slug="temporary-accommodation-management-manual")
    publication.file = SimpleUploadedFile("manual.pdf", b"%PDF-1.7\n1 0 obj\n")
    publication.save()
    response = client.get("/files/publications/temporary-accommodation-management-manual.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="temporary-accommodation-management-manual.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    page = client.get("/en/publications/temporary-accommodation-management-manual/")
    assert (
        'href="/files/publications/temporary-accommodation-management-manual.pdf"'
        in page.content.decode()
    )
