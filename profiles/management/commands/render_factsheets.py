from django.core.management.base import BaseCommand

from iompanama.text import LANGUAGES
from profiles import factsheets
from profiles.content_cache import content_version
from profiles.models import Factsheet, Snapshot


class Command(BaseCommand):
    help = (
        "Render and keep the factsheet PDFs that are missing: those of snapshots published "
        "before factsheets existed, or whose rendering failed; and the current profile's "
        "when it is missing or stale. A kept published factsheet is never rendered again."
    )

    def handle(self, *args, **options):
        rendered = 0
        for snapshot in Snapshot.objects.public().defer("document").order_by("date"):
            for language in LANGUAGES:
                if not Factsheet.objects.of_snapshot(snapshot, language).exists():
                    factsheets.published_factsheet(snapshot, language)
                    rendered += 1
        for language in LANGUAGES:
            kept = Factsheet.objects.current(language).first()
            stale = kept is None or kept.content_version != content_version()
            if stale and factsheets.refresh_current_factsheet(language):
                rendered += 1
        self.stdout.write(f"Factsheets rendered: {rendered}.")
