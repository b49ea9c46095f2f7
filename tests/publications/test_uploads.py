"""Uploaded images and PDFs are checked by their content, and PDFs served safely.

Each test builds the donor or publication it uploads to (tests/factories.py).
"""

import io
import re
import struct
import zlib

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from PIL import Image

from tests.factories import make_donor, make_publication

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return buffer.getvalue()


def chunk(kind, data):
    """A PNG chunk with its correct CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width=50_000, height=50_000):
    """A tiny file whose header claims billions of pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def png_with_pixels(idat, size=(40, 20)):
    """A well-formed PNG (every checksum right) whose pixel data is `idat`."""
    header = struct.pack(">IIBBBBB", *size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


# Pillow's verify() accepts both (it checks only the checksums); decoding fails.
CORRUPT_PNG = png_with_pixels(b"\x78\x9c" + b"\xff" * 64)  # a broken deflate stream
TRUNCATED_PNG = png_with_pixels(zlib.compress(b"\x00" * 100))  # 100 of 2,420 bytes


def pdf_bytes(pages=1):
    writer = pypdf.PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pillow_pdf_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(buffer, "PDF")
    return buffer.getvalue()


def files_under(path):
    return sorted(str(p.relative_to(path)) for p in path.rglob("*") if p.is_file())


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def form_data(form, *, without):
    """What the change form would post unchanged (a 0 stays 0), but for the `without` fields."""
    values = {key: form[key].value() for key in form.fields if key not in without}
    return {key: "" if value is None else value for key, value in values.items()}


def post_logo(client, content, name):
    donor = make_donor(slug="norway", name_en="Government of Norway")
    url = reverse("admin:profiles_donor_change", args=[donor.pk])
    form = client.get(url).context["adminform"].form
    data = form_data(form, without={"logo"})
    return client.post(url, data | {"logo": SimpleUploadedFile(name, content)}), donor


def upload_logo(client):
    """A PNG logo posted for a donor; the stem of its stored name."""
    response, donor = post_logo(client, png_bytes(), "norway.png")
    assert response.status_code == 302
    donor.refresh_from_db()
    return donor.logo.name.rsplit(".", 1)[0]


def test_a_png_logo_is_accepted(editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response, donor = post_logo(editor_client, png_bytes(), "norway.png")
    assert response.status_code == 302
    donor.refresh_from_db()
    assert donor.logo.name.startswith("donors/norway")
    assert (tmp_path / donor.logo.name).is_file()


def test_an_accepted_logo_gets_webp_renditions_no_wider_than_their_width(
    editor_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    stem = upload_logo(editor_client)
    for width in (120, 240):
        with Image.open(tmp_path / "renditions" / f"{stem}-{width}w.webp") as rendition:
            assert rendition.format == "WEBP" and rendition.width <= width


def test_the_profile_shows_a_logo_through_its_renditions(editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    stem = upload_logo(editor_client)
    html = editor_client.get("/en/").content.decode()
    assert f"/media/renditions/{stem}-120w.webp 120w" in html


@pytest.mark.parametrize(
    "content,name",
    [(SVG, "logo.svg"), (SVG, "logo.png"), (b"not an image", "logo.jpg"), (png_bomb(), "bomb.png")],
    ids=["svg", "svg-renamed", "text", "decompression-bomb"],
)
def test_bad_images_are_refused_with_a_form_error(editor_client, settings, tmp_path, content, name):
    settings.MEDIA_ROOT = tmp_path
    response, donor = post_logo(editor_client, content, name)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["logo"] and errors["logo"]
    donor.refresh_from_db()
    assert not donor.logo


@pytest.mark.parametrize(
    "content", [CORRUPT_PNG, TRUNCATED_PNG], ids=["broken-stream", "truncated"]
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_png_with_corrupt_pixels_is_a_form_error_and_nothing_is_stored(
    editor_client, settings, tmp_path, content, language
):
    settings.MEDIA_ROOT = tmp_path
    Image.open(io.BytesIO(content)).verify()  # the checksums are right
    donor = make_donor(slug="norway")
    url = reverse("admin:profiles_donor_change", args=[donor.pk])
    form = editor_client.get(url).context["adminform"].form
    data = form_data(form, without={"logo"})
    response = editor_client.post(
        url,
        data | {"logo": SimpleUploadedFile("logo.png", content)},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    with translation.override(language):
        expected = translation.gettext(
            "The image file is damaged or incomplete: its pixels cannot be read. "
            "Save it again from an image editor and upload the new file."
        )
        assert response.context["adminform"].form.errors == {"logo": [expected]}
    assert escape(expected) in response.content.decode()
    assert files_under(tmp_path) == []
    donor.refresh_from_db()
    assert not donor.logo


def test_a_huge_image_is_refused_by_its_pixel_count():
    from profiles.validators import validate_raster_image

    with pytest.raises(ValidationError, match="megapixels"):
        validate_raster_image(SimpleUploadedFile("bomb.png", png_bomb(8000, 8000)))


@pytest.mark.parametrize("content", [pdf_bytes(), pdf_bytes(3), pillow_pdf_bytes()])
def test_real_pdfs_are_accepted(content):
    from profiles.validators import validate_pdf

    validate_pdf(SimpleUploadedFile("report.pdf", content))


def html_with_a_pdf_marker():
    return (
        b"<!doctype html><html><head><title>Report</title></head><body>"
        b"<!-- %PDF-1.7 -->"
        b"<form action='https://example.com/login'>password</form>"
        b"</body></html>\n%%EOF\n"
    )


def encrypted_pdf():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def without_pages():
    writer = pypdf.PdfWriter()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def misplaced_xref(content):
    """The trailer pointing at the wrong byte for the cross-reference table."""
    return re.sub(rb"startxref\n\d+", b"startxref\n12", content)


def garbled_xref(content):
    return re.sub(rb"\nxref\n0 \d+", b"\nxref\nzz yy", content)


@pytest.mark.parametrize(
    "content,message",
    [
        (b"<html>phishing</html>", "not a PDF"),
        (html_with_a_pdf_marker(), "not a PDF"),
        (b"%PDF-1.7\n%fake but typed\n", "incomplete"),
        (b"%PDF-1.7\n%no objects, no xref\n%%EOF\n", "damaged"),
        (pdf_bytes()[:-200], "incomplete"),
        (misplaced_xref(pdf_bytes()), "damaged"),
        (garbled_xref(pdf_bytes()), "damaged"),
        (without_pages(), "no pages"),
        (encrypted_pdf(), "password"),
    ],
    ids=[
        "html",
        "html-with-pdf-marker",
        "header-only",
        "no-xref",
        "truncated",
        "misplaced-xref",
        "garbled-xref",
        "no-pages",
        "password",
    ],
)
def test_only_well_formed_pdfs_are_accepted(content, message):
    from profiles.validators import validate_pdf

    with pytest.raises(ValidationError, match=message):
        validate_pdf(SimpleUploadedFile("report.pdf", content))


def post_publication_file(client, content):
    publication = make_publication(slug="shelter-manual")
    url = reverse("admin:publications_publication_change", args=[publication.pk])
    form = client.get(url).context["adminform"].form
    data = form_data(form, without={"file", "cover"})
    response = client.post(url, data | {"file": SimpleUploadedFile("manual.pdf", content)})
    return response, publication


def test_an_html_page_posing_as_a_pdf_is_refused_in_the_admin(editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response, publication = post_publication_file(editor_client, html_with_a_pdf_marker())
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"] == ["This file is not a PDF document."]
    assert files_under(tmp_path) == []
    publication.refresh_from_db()
    assert not publication.file


def test_a_real_pdf_is_accepted_in_the_admin(editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response, publication = post_publication_file(editor_client, pdf_bytes())
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication.refresh_from_db()
    assert publication.file.name.startswith("publications/manual")
    assert len(pypdf.PdfReader(tmp_path / publication.file.name).pages) == 1


def stored_pdf(settings, tmp_path):
    """A publication with a stored PDF file."""
    settings.MEDIA_ROOT = tmp_path
    return make_publication(
        slug="shelter-manual", file=SimpleUploadedFile("manual.pdf", pdf_bytes())
    )


def test_a_pdf_is_served_inline_with_its_type_and_a_readable_name(client, settings, tmp_path):
    stored_pdf(settings, tmp_path)
    response = client.get("/files/publications/shelter-manual.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="shelter-manual.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_publication_page_links_to_its_pdf(client, settings, tmp_path):
    stored_pdf(settings, tmp_path)
    page = client.get("/en/publications/shelter-manual/")
    assert 'href="/files/publications/shelter-manual.pdf"' in page.content.decode()


def test_editing_other_fields_does_not_recheck_the_stored_file(editor_client, settings, tmp_path):
    """A file accepted by an earlier, looser check (or missing from media after a
    restore) does not block changes to the publication's other fields."""
    settings.MEDIA_ROOT = tmp_path
    publication = make_publication()
    publication.file = SimpleUploadedFile("old.pdf", b"%PDF-1.4\n1 0 obj\n")
    publication.save()  # stored without today's check
    url = reverse("admin:publications_publication_change", args=[publication.pk])
    form = editor_client.get(url).context["adminform"].form
    data = form_data(form, without={"file", "cover"})
    response = editor_client.post(url, data | {"title_en": "Manual, revised"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication.refresh_from_db()
    assert publication.title_en == "Manual, revised"
    assert publication.file.name.startswith("publications/old")


@pytest.mark.parametrize(
    "content", [CORRUPT_PNG, TRUNCATED_PNG], ids=["broken-stream", "truncated"]
)
def test_damaged_pixels_are_still_refused_once_the_worker_has_rendered_a_factsheet(content):
    # Importing WeasyPrint switches Pillow to accept truncated images, process-wide.
    from profiles.factsheets import _import_weasyprint
    from profiles.validators import validate_raster_image

    _import_weasyprint()
    with pytest.raises(ValidationError) as refused:
        validate_raster_image(SimpleUploadedFile("logo.png", content))
    assert refused.value.code == "image_damaged"
