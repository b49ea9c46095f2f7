"""What changed between two profile documents, section by section.

Works on documents only, so it compares any two snapshots, or a snapshot with
the current profile, the same way.
"""

import difflib
import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .document import LANGUAGES


def _number(value):
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _change(key, label, old, new, unit=""):
    old, new = _number(old), _number(new)
    if old == new:
        return None
    change = relative = None
    if old is not None and new is not None:
        change = new - old
        relative = round(100 * change / old, 1) if old else None
    return {
        "key": key,
        "label": label,
        "old": old,
        "new": new,
        "change": change,
        "relative": relative,
        "unit": unit,
    }


def _staff(document):
    return (document.get("staff") or {}).get("current") or {}


def figure_changes(old, new):
    """Numbers that changed: staff, derived counts, sites and every key figure."""
    old_staff, new_staff = _staff(old), _staff(new)
    old_office, new_office = old.get("office") or {}, new.get("office") or {}
    rows = [
        _change("staff.total", _("Staff, total"), old_staff.get("total"), new_staff.get("total")),
        _change(
            "staff.national",
            _("National staff"),
            old_staff.get("national"),
            new_staff.get("national"),
        ),
        _change(
            "staff.international",
            _("International staff"),
            old_staff.get("international"),
            new_staff.get("international"),
        ),
        _change(
            "staff.mission", _("Mission staff"), old_staff.get("mission"), new_staff.get("mission")
        ),
    ]
    labels = {
        "regions": _("Regions of presence"),
        "offices": _("Offices"),
        "projects": _("Projects"),
        "publications": _("Publications"),
    }
    for key, label in labels.items():
        rows.append(_change(f"counts.{key}", label, old["counts"].get(key), new["counts"].get(key)))
    rows.append(
        _change(
            "office.sites",
            _("Sites"),
            (old_office.get("sites") or {}).get("count"),
            (new_office.get("sites") or {}).get("count"),
        )
    )
    rows.append(
        _change(
            "office.presence_since",
            _("In Panama since"),
            old_office.get("presence_since"),
            new_office.get("presence_since"),
        )
    )
    old_figures = {f["slug"]: f for f in old.get("key_figures", [])}
    for figure in new.get("key_figures", []):
        before = old_figures.get(figure["slug"])
        if before:
            rows.append(
                _change(
                    f"figure.{figure['slug']}",
                    figure["label"],
                    before["value"],
                    figure["value"],
                    unit=figure["unit"],
                )
            )
    return [row for row in rows if row]


LIST_SECTIONS = [
    # (section, key of an item, field naming it, label)
    ("projects", lambda i: i["slug"], "title"),
    ("publications", lambda i: i["slug"], "title"),
    ("stories", lambda i: i["slug"], "title"),
    ("regions", lambda i: i["iso_code"], "name"),
    ("offices", lambda i: f"{i['kind']}:{i['region']}", "name"),
    ("donors", lambda i: i["slug"], "name"),
    ("thematic_areas", lambda i: i["slug"], "name"),
    ("areas_of_work", lambda i: i["slug"], "name"),
    ("key_actors", lambda i: i["name"]["en"] or i["name"]["es"], "name"),
    ("key_figures", lambda i: i["slug"], "label"),
]


def section_labels():
    return {
        "projects": _("Projects"),
        "publications": _("Publications"),
        "stories": _("News stories"),
        "regions": _("Regions of presence"),
        "offices": _("Offices"),
        "donors": _("Donors"),
        "thematic_areas": _("Thematic areas"),
        "areas_of_work": _("Areas of work"),
        "key_actors": _("Key actors"),
        "key_figures": _("Key figures"),
        "office": _("The office"),
        "institutional_sections": _("Key institutional information"),
    }


def list_changes(old, new):
    """Items added to and removed from each list."""
    labels = section_labels()
    changes = []
    for section, key, name_field in LIST_SECTIONS:
        before = {key(item): item for item in old.get(section, [])}
        after = {key(item): item for item in new.get(section, [])}
        added = [after[k][name_field] for k in after if k not in before]
        removed = [before[k][name_field] for k in before if k not in after]
        if added or removed:
            changes.append(
                {"section": section, "label": labels[section], "added": added, "removed": removed}
            )
    return changes


def _common_language(old_text, new_text, language):
    """Compare in `language` where both have it, else in a language both have."""
    for candidate in (language, *LANGUAGES):
        if old_text.get(candidate) and new_text.get(candidate):
            return candidate
    return language


def word_diff(old: str, new: str):
    """[(op, text)] with op "equal", "delete" or "insert", word by word."""
    old_words, new_words = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    segments = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("equal", "".join(old_words[a1:a2])))
            continue
        if op in ("delete", "replace"):
            segments.append(("delete", "".join(old_words[a1:a2])))
        if op in ("insert", "replace"):
            segments.append(("insert", "".join(new_words[b1:b2])))
    return segments


def _texts(document):
    """Every long-lived text of a document, keyed, with its label."""
    office = document.get("office") or {}
    fields = {
        "tagline": _("Tagline"),
        "about_organization": _("Who we are"),
        "about_office": _("IOM in Panama"),
        "closing_message": _("Our message"),
    }
    texts = {f"office.{field}": (label, office.get(field)) for field, label in fields.items()}
    contact = office.get("contact") or {}
    texts["office.street_address"] = (_("Street address"), contact.get("street_address"))
    for section in document.get("institutional_sections", []):
        texts[f"section.{section['kind']}"] = (section["title"], section["body"])
    return {key: value for key, value in texts.items() if value[1]}


def text_changes(old, new, language):
    old_texts, new_texts = _texts(old), _texts(new)
    changes = []
    for key, (label, new_text) in new_texts.items():
        if key not in old_texts:
            continue
        old_text = old_texts[key][1]
        compared = _common_language(old_text, new_text, language)
        before, after = old_text.get(compared, ""), new_text.get(compared, "")
        if before != after:
            changes.append(
                {
                    "key": key,
                    "label": label,
                    "language": compared,
                    "segments": word_diff(before, after),
                }
            )
    return changes


def diff_documents(old: dict, new: dict, *, language="en") -> dict:
    return {
        "figures": figure_changes(old, new),
        "lists": list_changes(old, new),
        "texts": text_changes(old, new, language),
    }


def summarize(diff: dict) -> str:
    """One line for the archive: the main number and how much else changed."""
    parts = []
    staff = next((row for row in diff["figures"] if row["key"] == "staff.total"), None)
    if staff and staff["old"] is not None and staff["new"] is not None:
        parts.append(_("staff %(old)s → %(new)s") % {"old": staff["old"], "new": staff["new"]})
    figures = len(diff["figures"]) - (1 if staff else 0)
    if figures:
        parts.append(ngettext("%d figure changed", "%d figures changed", figures) % figures)
    added = sum(len(change["added"]) for change in diff["lists"])
    removed = sum(len(change["removed"]) for change in diff["lists"])
    if added:
        parts.append(ngettext("%d item added", "%d items added", added) % added)
    if removed:
        parts.append(ngettext("%d item removed", "%d items removed", removed) % removed)
    if diff["texts"]:
        count = len(diff["texts"])
        parts.append(ngettext("%d text changed", "%d texts changed", count) % count)
    return "; ".join(parts) if parts else _("no changes")
