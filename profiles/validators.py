"""Validators shared by the models' image and number fields."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000


def validate_raster_image(file):
    """Accept JPEG, PNG and WebP by their content, within size and pixel limits.

    Pillow reads only the header here, so a decompression bomb is refused
    before it is ever decoded.
    """
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
            image_format, (width, height) = image.format, image.size
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


MAX_PDF_BYTES = 20 * 1024 * 1024


def validate_pdf(file):
    """Accept only PDF documents (by their content), up to 20 MB."""
    if file.size and file.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The PDF is %(size)s MB; the limit is %(limit)s MB."),
            code="pdf_too_large",
            params={
                "size": round(file.size / 1024 / 1024, 1),
                "limit": MAX_PDF_BYTES // 1024 // 1024,
            },
        )
    file.seek(0)
    header = file.read(1024)
    file.seek(0)
    if b"%PDF-" not in header[:1024]:
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
