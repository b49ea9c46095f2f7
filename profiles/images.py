"""Stored renditions of uploaded images at the widths the pages use (srcset)."""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image

LOGO_WIDTHS = (120, 240)
COVER_WIDTHS = (240, 480)


def rendition_name(name, width):
    return str(PurePosixPath("renditions") / f"{PurePosixPath(name).with_suffix('')}-{width}w.webp")


def make_renditions(field, widths):
    """Write a WebP copy of the image at each width (never wider than the original)."""
    storage = field.storage
    with field.open("rb"), Image.open(field) as original:
        original.load()
        for width in widths:
            copy = original.copy()
            copy.thumbnail((width, width * 10))
            buffer = io.BytesIO()
            copy.save(buffer, "WEBP", quality=85)
            name = rendition_name(field.name, width)
            if storage.exists(name):
                storage.delete(name)
            storage.save(name, ContentFile(buffer.getvalue()))


def srcset(field, widths):
    if not field:
        return ""
    return ", ".join(f"{field.storage.url(rendition_name(field.name, w))} {w}w" for w in widths)
