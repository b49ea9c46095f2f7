"""Render again the pages and data files of the public snapshots, from their stored
documents (`profiles.artefacts`): after a change of the document's schema, the
templates, the translations or the code that writes the files.

`make serve` runs it with `--stale` before the server starts, so a deploy renders
what its code renders differently before visitors ask for it.
"""

import argparse
import datetime as dt

from django.core.management.base import BaseCommand

from profiles.artefacts import ARTEFACTS, render_versions


def iso_date(value):
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; use the form YYYY-MM-DD."
        ) from None


class Command(BaseCommand):
    help = "Render the public snapshots' pages and data files again and store them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale",
            action="store_true",
            help="Only those missing or rendered by other code (templates, schema, settings).",
        )
        parser.add_argument(
            "dates", nargs="*", type=iso_date, help="Only these versions (YYYY-MM-DD)."
        )

    def handle(self, *args, stale, dates, **options):
        rendered = render_versions(stale_only=stale, dates=dates or None)
        self.stdout.write(
            f"Rendered {rendered} pages and files ({', '.join(ARTEFACTS)} of each version)."
        )
