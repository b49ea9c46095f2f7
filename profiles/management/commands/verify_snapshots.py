from django.core.management.base import BaseCommand, CommandError

from profiles.models import Snapshot
from profiles.snapshots import checksum


class Command(BaseCommand):
    help = "Recompute every snapshot's SHA-256 checksum and report any that does not match."

    def handle(self, *args, **options):
        broken = []
        snapshots = Snapshot.objects.order_by("date")
        for snapshot in snapshots:
            if checksum(snapshot.document) != snapshot.checksum:
                broken.append(snapshot.date.isoformat())
        if broken:
            raise CommandError(f"Checksums do not match for: {', '.join(broken)}")
        self.stdout.write(f"{snapshots.count()} snapshots, every checksum intact.")
