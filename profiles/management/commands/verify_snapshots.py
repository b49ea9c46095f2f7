"""Check that every snapshot is still what was frozen and published.

Three comparisons, each naming the snapshots that fail:

1. each document against its stored SHA-256 checksum (a changed document);
2. each public snapshot's checksum against the one the audit trail recorded
   when it was published (a document rewritten together with its checksum);
3. with `--against`, against checksums kept outside this database: a file
   written by `--record` (kept with the backups, or published), or a saved
   copy of the public site's data package or Atom feed, by path or by URL
   (a database rewritten together with its audit trail, or a deleted snapshot).

A source is read as JSON or Atom. JSON: a list `snapshots` of objects with
`date` and `checksum` (what `--record` writes), or data package resources that
carry `snapshot_date` (or are named `profile-<date>`) and `snapshot_checksum`.
Atom: entries whose link or id holds the snapshot's date and whose text holds
its SHA-256 checksum.
"""

import json
import re
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from profiles.models import Snapshot
from profiles.snapshots import checksum, recorded_checksums

DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
SHA256 = re.compile(r"\b([0-9a-f]{64})\b")
ATOM = "{http://www.w3.org/2005/Atom}"


def read_source(source: str) -> bytes:
    if re.match(r"https?://", source):
        with urllib.request.urlopen(source, timeout=30) as response:  # noqa: S310
            return response.read()
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {source}: {error}") from None


def published_checksums(content: bytes, source: str) -> dict:
    """{date (ISO): checksum} as `source` publishes them."""
    text = content.decode("utf-8-sig").strip()
    if text.startswith("<"):
        return _from_atom(text, source)
    try:
        data = json.loads(text)
    except ValueError:
        raise CommandError(f"{source} is neither JSON nor an Atom feed.") from None
    found = {}
    for item in data.get("snapshots", []) if isinstance(data, dict) else []:
        if isinstance(item, dict) and item.get("date") and item.get("checksum"):
            found[str(item["date"])] = str(item["checksum"]).lower()
    resources = data.get("resources", []) if isinstance(data, dict) else []
    for resource in resources:
        if not isinstance(resource, dict) or not resource.get("snapshot_checksum"):
            continue
        date = resource.get("snapshot_date") or DATE.search(str(resource.get("name", "")))
        date = date.group(1) if isinstance(date, re.Match) else date
        if date:
            found[str(date)] = str(resource["snapshot_checksum"]).lower()
    return found


def _from_atom(text, source):
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise CommandError(f"{source} is not a valid Atom feed: {error}") from None
    found = {}
    for entry in root.iter(f"{ATOM}entry"):
        where = " ".join(
            [link.get("href", "") for link in entry.iter(f"{ATOM}link")]
            + [element.text or "" for element in entry.iter(f"{ATOM}id")]
        )
        date, sums = DATE.search(where), SHA256.findall(" ".join(entry.itertext()).lower())
        if date and len(set(sums)) == 1:
            found[date.group(1)] = sums[0]
    return found


class Command(BaseCommand):
    help = (
        "Recompute every snapshot's SHA-256 checksum, compare the public ones with the "
        "checksums recorded when they were published (the audit trail, and --against "
        "copies kept outside the database), and report every snapshot that differs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--against",
            action="append",
            default=[],
            metavar="FILE_OR_URL",
            help="Published checksums to compare with: a file written by --record, or a "
            "saved copy (or the URL) of the public data package or Atom feed. Repeatable.",
        )
        parser.add_argument(
            "--record",
            metavar="FILE",
            help="After a clean check, write the public snapshots' checksums to FILE, "
            "to keep outside the database and pass to --against later.",
        )

    def handle(self, *args, against, record, **options):
        snapshots = list(Snapshot.objects.order_by("date"))
        problems = []
        for snapshot in snapshots:
            if checksum(snapshot.document) != snapshot.checksum:
                problems.append(f"{snapshot.date}: the document does not match its checksum")

        public = [snapshot for snapshot in snapshots if snapshot.is_public]
        recorded = recorded_checksums()
        unrecorded = []
        for snapshot in public:
            if snapshot.pk not in recorded:
                unrecorded.append(snapshot.date.isoformat())
            elif recorded[snapshot.pk] != snapshot.checksum:
                problems.append(
                    f"{snapshot.date}: the checksum differs from the one recorded when it "
                    f"was published ({recorded[snapshot.pk][:12]}…)"
                )
        if unrecorded:
            self.stderr.write(f"No checksum in the audit trail for: {', '.join(unrecorded)}")

        stored = {snapshot.date.isoformat(): snapshot for snapshot in snapshots}
        for source in against:
            published = published_checksums(read_source(source), source)
            if not published:
                problems.append(f"{source} publishes no snapshot checksums")
            for date, value in sorted(published.items()):
                snapshot = stored.get(date)
                if snapshot is None or not snapshot.is_public:
                    problems.append(f"{date}: published in {source} but not in the database")
                elif snapshot.checksum != value:
                    problems.append(
                        f"{date}: the checksum differs from the one in {source} ({value[:12]}…)"
                    )
            missing = [s.date.isoformat() for s in public if s.date.isoformat() not in published]
            if published and missing:
                self.stderr.write(f"Not in {source} (published since?): {', '.join(missing)}")

        if problems:
            raise CommandError("Snapshots that differ:\n" + "\n".join(problems))
        if record:
            manifest = {
                "recorded_at": timezone.now().isoformat(),
                "snapshots": [
                    {"date": s.date.isoformat(), "status": s.status, "checksum": s.checksum}
                    for s in public
                ],
            }
            Path(record).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
            self.stdout.write(f"Recorded {len(public)} public snapshots' checksums in {record}.")
        self.stdout.write(f"{len(snapshots)} snapshots, every checksum intact.")
