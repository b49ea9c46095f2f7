"""What changed between two profile documents, section by section.

Works on documents only, so it compares any two snapshots, or a snapshot with
the current profile, the same way.
"""

import difflib
import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from iompanama.text import LANGUAGES, in_both_languages

from .schema import CHOICE, KEYS, NUMBER, SECTIONS, items, label_of


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


def _label(value):
    """A label as {"en", "es"}: lazy labels are rendered in both languages."""
    return value if isinstance(value, dict) else in_both_languages(value)


def _single_numbers(section, old_item, new_item):
    for field in section.fields:
        if field.kind == NUMBER:
            yield _change(
                f"{section.key}.{field.name}",
                _label(label_of(section, field)),
                old_item.get(field.name),
                new_item.get(field.name),
            )


def _latest_numbers(section, old_items, new_items):
    """A dated list (staff counts): the latest item's numbers of each document."""
    old_item, new_item = (old_items or [{}])[0], (new_items or [{}])[0]
    for field in section.fields:
        if field.series == "per_field":
            yield _change(
                f"{section.series_key}.{field.name}",
                _label(label_of(section, field)),
                old_item.get(field.name),
                new_item.get(field.name),
            )


def _item_numbers(section, old_items, new_items):
    """The number of each item present in both documents (a key figure's value)."""
    before = {section.item_key(item): item for item in old_items}
    for field in section.fields:
        if field.series != "per_item":
            continue
        for item in new_items:
            old_item = before.get(section.item_key(item))
            if old_item is not None:
                yield _change(
                    f"{section.series_key}.{section.item_key(item)}",
                    item[section.name],
                    old_item.get(field.name),
                    item.get(field.name),
                    unit=item.get(field.unit, "") if field.unit else "",
                )


def figure_changes(old, new):
    """Numbers that changed: the office's, the latest staff count's, every key figure's,
    and the number of items of each counted section."""
    rows = []
    for section in SECTIONS:
        old_items, new_items = items(old, section), items(new, section)
        if section.single:
            if old_items and new_items:
                rows.extend(_single_numbers(section, old_items[0], new_items[0]))
        elif any(field.series == "per_field" for field in section.fields):
            rows.extend(_latest_numbers(section, old_items, new_items))
        else:
            rows.extend(_item_numbers(section, old_items, new_items))
    for section in SECTIONS:
        if section.counted:
            rows.append(
                _change(
                    f"counts.{section.key}",
                    _label(section.label),
                    len(items(old, section)),
                    len(items(new, section)),
                )
            )
    return [row for row in rows if row]


def _shown(document, section, field, item):
    """A field's value as the compare page shows it: texts and choice labels in both
    languages, lists joined, everything else as stored."""
    value = item.get(field.name)
    if field.kind == CHOICE:
        labels = document.get("choices", {}).get(f"{section.key}.{field.name}", {})
        return labels.get(value, {"en": value or "", "es": value or ""})
    if field.kind == KEYS:
        return "; ".join(str(key) for key in value or [])
    if value is None:
        return ""
    return value


def _compared_in_lists(section, field):
    """Fields whose change is listed under its item: not the long texts (compared word by
    word) and not the numbers followed as figures."""
    return not field.long and not field.series and not (section.single and field.kind == NUMBER)


def _common_languages(old, new):
    return set(old.get("languages") or LANGUAGES) & set(new.get("languages") or LANGUAGES)


def _comparable(value, languages):
    """A text in the languages both documents were written in: a version that adds the
    Spanish translation has not changed the item."""
    if isinstance(value, dict):
        return {language: value.get(language, "") for language in languages}
    return value


def item_changes(old, new, section):
    """[{"item", "key", "fields": [{"field", "old", "new"}]}] for items in both documents."""
    languages = _common_languages(old, new)
    compared = [field for field in section.fields if _compared_in_lists(section, field)]
    before = {section.item_key(item): item for item in items(old, section)}
    changed = []
    for item in items(new, section):
        old_item = before.get(section.item_key(item))
        if old_item is None:
            continue
        fields = [
            {
                "name": field.name,
                "field": _label(label_of(section, field)),
                "old": _shown(old, section, field, old_item),
                "new": _shown(new, section, field, item),
            }
            for field in compared
            if old_item.get(field.name) != item.get(field.name)
            and _comparable(old_item.get(field.name), languages)
            != _comparable(item.get(field.name), languages)
        ]
        if fields:
            changed.append(
                {"item": item[section.name], "key": section.item_key(item), "fields": fields}
            )
    return changed


def list_changes(old, new):
    """Items added to, removed from and changed in each section."""
    changes = []
    for section in SECTIONS:
        if any(field.series == "per_field" for field in section.fields):
            continue  # dated counts: their numbers are compared as figures
        before = {section.item_key(item): item for item in items(old, section)}
        after = {section.item_key(item): item for item in items(new, section)}
        added = [after[k][section.name] for k in after if k not in before]
        removed = [before[k][section.name] for k in before if k not in after]
        changed = item_changes(old, new, section)
        if added or removed or changed:
            changes.append(
                {
                    "section": section.key,
                    "label": _label(section.label),
                    "added": added,
                    "removed": removed,
                    "changed": changed,
                }
            )
    return changes


def _common_language(old_text, new_text, language, languages):
    """Compare in `language` where both texts have it, else in a language both have;
    only in languages both documents were written in."""
    candidates = [c for c in dict.fromkeys((language, *LANGUAGES)) if c in languages]
    for candidate in candidates:
        if old_text.get(candidate) and new_text.get(candidate):
            return candidate
    for candidate in candidates:  # a text written or cleared
        if old_text.get(candidate) or new_text.get(candidate):
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
    """Every long text of a document, empty ones too, keyed by section, item and field,
    with its label: a text written or cleared inside an item is a change."""
    texts = {}
    for section in SECTIONS:
        # Each label in both languages once per field (two translation overrides), not
        # once per item: 10,000 publications made the diff take seconds.
        long_fields = [
            (field, _label(label_of(section, field))) for field in section.fields if field.long
        ]
        if not long_fields:
            continue
        for item in items(document, section):
            for field, label in long_fields:
                key = f"{section.key}.{section.item_key(item)}.{field.name}"
                if not section.single:
                    name = item[section.name]
                    name = name if isinstance(name, dict) else {"en": name, "es": name}
                    label = {
                        language: f"{name.get(language) or name.get('en')} — {label[language]}"
                        for language in label
                    }
                texts[key] = (label, item.get(field.name) or {})
    return texts


def text_changes(old, new, language):
    old_texts, new_texts = _texts(old), _texts(new)
    languages = _common_languages(old, new)
    changes = []
    for key, (label, new_text) in new_texts.items():
        if key not in old_texts:
            continue
        old_text = old_texts[key][1]
        compared = _common_language(old_text, new_text, language, languages)
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
    changed = sum(len(change["changed"]) for change in diff["lists"])
    if changed:
        parts.append(ngettext("%d item changed", "%d items changed", changed) % changed)
    if diff["texts"]:
        count = len(diff["texts"])
        parts.append(ngettext("%d text changed", "%d texts changed", count) % count)
    return "; ".join(parts) if parts else _("no changes")
