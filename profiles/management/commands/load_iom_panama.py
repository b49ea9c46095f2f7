from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from profiles.loading import SeedProvenanceError, load_current_profile, load_historical_snapshots


class Command(BaseCommand):
    help = (
        "Load the real IOM Panama profile. On a database that already holds it, only what "
        "is missing is created: editors' changes are kept. --reset overwrites them with the "
        "seed's values and lists each one (with --dry-run, lists them without writing)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds",
            type=Path,
            default=settings.IOM_SEEDS_DIR,
            help="Folder of the seed documents that every figure is checked against.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Overwrite every field that differs from the seed, listing each one.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be created or overwritten, and write nothing.",
        )

    def handle(self, *args, seeds, reset, dry_run, **options):
        if not seeds.is_dir():
            self.stderr.write(f"No seed documents in {seeds}; figures are not re-checked.")
            seeds = None
        try:
            loader = load_current_profile(seeds_dir=seeds, reset=reset, dry_run=dry_run)
            snapshots = None if dry_run else load_historical_snapshots(seeds_dir=seeds)
        except SeedProvenanceError as error:
            raise CommandError(str(error)) from error
        verb = "would overwrite" if dry_run else "overwrote"
        for line in loader.overwritten:
            self.stdout.write(f"  {verb} {line}")
        counts = {key: loader.stats.get(key, 0) for key in ("created", "updated", "kept")}
        prefix = "Dry run, nothing written. " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(
                prefix
                + "IOM Panama profile: {created} created, {updated} overwritten, "
                "{kept} kept as edited.".format(**counts)
            )
        )
        if counts["kept"]:
            self.stdout.write(
                f"{counts['kept']} rows differ from the seed and were left as editors saved "
                "them; `load_iom_panama --reset --dry-run` lists them."
            )
        if snapshots is not None:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Published snapshots: {snapshots['created']} created, "
                    f"{snapshots['corrected']} corrected, {snapshots['unchanged']} already there."
                )
            )
