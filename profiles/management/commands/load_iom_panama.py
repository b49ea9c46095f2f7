from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from profiles.loading import SeedProvenanceError, load_current_profile, load_historical_snapshots


class Command(BaseCommand):
    help = "Load the real IOM Panama profile (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds",
            type=Path,
            default=settings.IOM_SEEDS_DIR,
            help="Folder of the seed documents that every figure is checked against.",
        )

    def handle(self, *args, seeds, **options):
        if not seeds.is_dir():
            self.stderr.write(f"No seed documents in {seeds}; figures are not re-checked.")
            seeds = None
        try:
            stats = load_current_profile(seeds_dir=seeds)
            snapshots = load_historical_snapshots(seeds_dir=seeds)
        except SeedProvenanceError as error:
            raise CommandError(str(error)) from error
        counts = {key: stats.get(key, 0) for key in ("created", "updated", "unchanged")}
        self.stdout.write(
            self.style.SUCCESS(
                "IOM Panama profile: {created} created, {updated} updated, "
                "{unchanged} unchanged.".format(**counts)
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Published snapshots: {snapshots['created']} created, "
                f"{snapshots['unchanged']} already there."
            )
        )
