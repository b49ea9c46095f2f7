from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from profiles.loading import SeedProvenanceError, load_current_profile


class Command(BaseCommand):
    help = "Load the real IOM Panama profile (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds",
            default=str(settings.IOM_SEEDS_DIR),
            help="Folder of the seed documents, to check every figure against (default: %(default)s).",
        )

    def handle(self, *args, seeds, **options):
        seeds_dir = settings.IOM_SEEDS_DIR.__class__(seeds)
        if not seeds_dir.is_dir():
            self.stderr.write(f"Seed documents not found in {seeds_dir}; figures are not re-checked.")
            seeds_dir = None
        try:
            stats = load_current_profile(seeds_dir=seeds_dir)
        except SeedProvenanceError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                "IOM Panama profile: {created} created, {updated} updated, {unchanged} unchanged.".format(
                    **{key: stats.get(key, 0) for key in ("created", "updated", "unchanged")}
                )
            )
        )
