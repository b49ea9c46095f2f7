"""Validators shared by the models' image and number fields."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000


def already_stored(file):
    """A file already in storage was checked when it was uploaded: editing the
    object's other fields neither reads it again nor fails on it."""
    return getattr(file, "_committed", False) is True


def validate_raster_image(file):
    """Accept JPEG, PNG and WebP by their content, within size and pixel limits.

    The header is read first, so a decompression bomb is refused before it is
    decoded; then the pixels are decoded in full, so damaged data (which can
    carry valid checksums) is refused here rather than failing later.
    """
    if already_stored(file):
        return
    if file.size and file.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s MB; the limit is %(limit)s MB."),
            code="image_too_large",
            params={
                "size": round(file.size / 1024 / 1024, 1),
                "limit": MAX_IMAGE_BYTES // 1024 // 1024,
            },
        )
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with Image.open(file) as image:
            check_image_header(image.format, *image.size)
            decode_pixels(image)
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise ValidationError(
            _("The image has far too many pixels; the limit is %(limit)s megapixels."),
            code="image_pixels",
            params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
        ) from None
    except Exception:
        raise ValidationError(
            _("This file is not a readable image. Upload a JPEG, PNG or WebP file."),
            code="image_unreadable",
        ) from None
    finally:
        if position is not None:
            file.seek(position)


def check_image_header(image_format, width, height):
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("Images must be JPEG, PNG or WebP; this file is %(format)s."),
            code="image_format",
            params={"format": image_format},
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels."),
            code="image_pixels",
            params={"width": width, "height": height, "limit": MAX_IMAGE_PIXELS // 1_000_000},
        )


def decode_pixels(image):
    """Decode the whole image: Pillow's verify() checks only the checksums."""
    try:
        image.load()
    except Exception:
        raise ValidationError(
            _(
                "The image file is damaged or incomplete: its pixels cannot be read. "
                "Save it again from an image editor and upload the new file."
            ),
            code="image_damaged",
        ) from None


MAX_PDF_BYTES = 20 * 1024 * 1024


def validate_pdf(file):
    """Accept only well-formed PDF documents with at least one page, up to 20 MB.

    The file must start with the PDF header and end with the end-of-file
    marker, and pypdf must read its cross-reference table and trailer in strict
    mode and find its pages: a web page or anything else that merely contains
    "%PDF-" is refused.
    """
    if already_stored(file):
        return
    if file.size and file.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The PDF is %(size)s MB; the limit is %(limit)s MB."),
            code="pdf_too_large",
            params={
                "size": round(file.size / 1024 / 1024, 1),
                "limit": MAX_PDF_BYTES // 1024 // 1024,
            },
        )
    position = file.tell() if hasattr(file, "tell") else None
    try:
        check_pdf_structure(file)
    finally:
        file.seek(position or 0)


PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")


def check_pdf_structure(file):
    file.seek(0)
    if not PDF_HEADER.match(file.read(8)):
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
    # Readers look for the end-of-file marker in the last kilobyte.
    file.seek(0, 2)
    file.seek(max(file.tell() - 1024, 0))
    if b"%%EOF" not in file.read():
        raise ValidationError(
            _("The PDF is incomplete: its end is missing. Upload the whole file again."),
            code="pdf_incomplete",
        )
    file.seek(0)
    try:
        reader = PdfReader(file, strict=True)
        page_count = len(reader.pages)
    except FileNotDecryptedError:
        raise ValidationError(
            _("The PDF is protected by a password; upload a copy that opens without one."),
            code="pdf_encrypted",
        ) from None
    except Exception:  # pypdf raises many kinds of errors on damaged files
        raise ValidationError(
            _(
                "The PDF is damaged: its structure cannot be read. "
                "Save or export it again as PDF and upload the new file."
            ),
            code="pdf_damaged",
        ) from None
    if page_count < 1:
        raise ValidationError(_("The PDF has no pages."), code="pdf_no_pages")
