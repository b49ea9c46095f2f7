"""The map of Panama the pages draw as inline SVG: provinces and comarcas from the
vendored Natural Earth outline, regions of presence shaded, offices as pins. It needs
no tiles and no JavaScript, so it works offline and in print."""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from iompanama.text import text_in_language

MAP_FILE = "static/vendor/natural-earth/panama-admin1.json"
PIN_SPACING = 44  # drawing units; a pin is 38 across with its outline


@dataclass(frozen=True)
class Projection:
    """Equirectangular, longitudes shortened by the cosine of the mean latitude: true
    to shape over a country as small as Panama."""

    west: float
    north: float
    scale: float
    stretch: float
    width: float
    height: float

    @classmethod
    def fitting(cls, points, *, width):
        lngs = [lng for lng, _ in points]
        lats = [lat for _, lat in points]
        stretch = math.cos(math.radians((max(lats) + min(lats)) / 2))
        scale = width / ((max(lngs) - min(lngs)) * stretch)
        height = (max(lats) - min(lats)) * scale
        return cls(min(lngs), max(lats), scale, stretch, width, round(height, 1))

    def point(self, lng, lat):
        return ((lng - self.west) * self.stretch * self.scale, (self.north - lat) * self.scale)

    def as_dict(self):
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@cache
def outline():
    data = json.loads((Path(settings.BASE_DIR) / MAP_FILE).read_text())
    return Projection(**data["projection"]), data["regions"]


def number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def panama_map(document):
    """What templates/profiles/_map.html draws for a page document: every province and
    comarca (named, shaded where IOM is present), the offices as numbered pins."""
    projection, shapes = outline()
    present = {region["iso_code"]: region for region in document["regions"]}
    regions = [
        {
            "iso_code": shape["iso_code"],
            "name": text_in_language(present[shape["iso_code"]]["name"])
            if shape["iso_code"] in present
            else text_in_language(shape["name"]),
            "path": shape["path"],
            "present": shape["iso_code"] in present,
        }
        for shape in shapes
    ]
    pins = []
    for number_on_map, office in enumerate(document["offices"], start=1):
        region = present.get(office["region"], {})
        lat = number(office["latitude"]) or number(region.get("latitude"))
        lng = number(office["longitude"]) or number(region.get("longitude"))
        if lat is None or lng is None:
            continue  # listed beside the map, with its number, all the same
        x, y = projection.point(lng, lat)
        name = text_in_language(office["name"])
        pins.append({"number": number_on_map, "name": name, "x": x, "y": y})
    # Offices in one city stand (nearly) on one spot: move each pin right until it
    # clears the pins already placed, so every number reads.
    placed = []
    for pin in pins:
        x, y = pin["x"], pin["y"]
        while any(abs(x - px) < PIN_SPACING and abs(y - py) < PIN_SPACING for px, py in placed):
            x += PIN_SPACING
        placed.append((x, y))
        # Formatted here: templates would localize a float's decimal point.
        pin["transform"] = f"translate({x:.1f} {y:.1f})"
    margin = 16
    width, height = projection.width + 2 * margin, projection.height + 2 * margin
    return {
        "view_box": f"{-margin} {-margin} {width:g} {height:g}",
        "regions": regions,
        "pins": pins,
        "has_regions": bool(present),
    }
