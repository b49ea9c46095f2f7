"""Site search over the profile document: everything a visitor reads on the site,
in the visitor's language, matched without regard to case or accents ("darien"
finds "Darién"). It reads the (cached) document, never the database, so it costs
the same on SQLite and PostgreSQL and its query count does not grow with the
content."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from iompanama.text import folded, text_in_language

from .pages import index_by
from .templatetags.profile_tags import period, qualified

SNIPPET_LENGTH = 180
MAX_TERMS = 10


@dataclass
class Entry:
    """One thing a visitor can find: its title, where it is, and its texts."""

    title: str
    url: str
    kind: str
    texts: list = field(default_factory=list)


@dataclass
class Result:
    title: str
    url: str
    kind: str
    snippet: str
    title_matches: bool


def terms_of(query):
    """The folded words of a query, duplicates and one-letter words dropped."""
    words = [word for word in folded(query).split() if len(word) > 1]
    return list(dict.fromkeys(words))[:MAX_TERMS]


def folded_with_positions(text):
    """The folded text, and for each of its characters the index of the original
    character it came from (folding can turn one character into two)."""
    characters, origins = [], []
    for index, char in enumerate(text):
        for folded_char in folded(char):
            characters.append(folded_char)
            origins.append(index)
    return "".join(characters), origins


def matched_spans(text, terms):
    """(start, end) in `text` of every occurrence of every term, merged."""
    haystack, origins = folded_with_positions(text)
    spans = []
    for term in terms:
        start = haystack.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((origins[start], origins[end - 1] + 1))
            start = haystack.find(term, end)
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def marked(text, spans):
    """The text, escaped, with each span in <mark>."""
    parts, position = [], 0
    for start, end in spans:
        parts += [escape(text[position:start]), format_html("<mark>{}</mark>", text[start:end])]
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every part escaped above


def snippet(texts, terms):
    """About SNIPPET_LENGTH characters of the text with the most matches, cut at
    words, around its first match, the matches marked."""
    best, best_spans = texts[0], []
    for text in texts:
        spans = matched_spans(text, terms)
        if len(spans) > len(best_spans):
            best, best_spans = text, spans
    first = best_spans[0][0] if best_spans else 0
    start = max(0, first - SNIPPET_LENGTH // 3)
    if start:
        start = best.rfind(" ", 0, start) + 1
    end = start + SNIPPET_LENGTH
    if end < len(best):
        space = best.find(" ", end)
        end = space if space != -1 else len(best)
    else:
        end = len(best)
    spans = [(s - start, e - start) for s, e in best_spans if s >= start and e <= end]
    return format_html(
        "{}{}{}",
        "… " if start else "",
        marked(best[start:end], spans),
        " …" if end < len(best) else "",
    )


def profile_entries(doc):
    home = reverse("profiles:home")
    office = doc["office"] or {}
    entries = []
    if office:
        entries.append(
            Entry(
                title=text_in_language(office.get("name")) or _("Who we are"),
                url=f"{home}#who-we-are",
                kind=_("Profile"),
                texts=[
                    text_in_language(office.get(name))
                    for name in ("tagline", "about_organization", "about_office", "closing_message")
                ],
            )
        )
    staff = doc["staff"]["current"]
    if staff:
        entries.append(
            Entry(
                title=_("Staff"),
                url=f"{home}#staff-heading",
                kind=_("Profile"),
                texts=[
                    ngettext(
                        "%(total)s person works for IOM in Panama: %(national)s national and "
                        "%(international)s international staff.",
                        "%(total)s people work for IOM in Panama: %(national)s national and "
                        "%(international)s international staff.",
                        staff["total"] or 0,
                    )
                    % {
                        "total": staff["total"],
                        "national": staff["national"],
                        "international": staff["international"],
                    }
                ],
            )
        )
    entries += [
        Entry(
            title=text_in_language(section["title"]),
            url=f"{home}#section-{section['kind']}",
            kind=_("Profile"),
            texts=[text_in_language(section["body"])],
        )
        for section in doc["institutional_sections"]
    ]
    entries += [
        Entry(
            title=text_in_language(figure["label"]),
            url=f"{home}#figures-{figure['category']}",
            kind=_("Key figure"),
            texts=[
                " · ".join(
                    filter(
                        None,
                        [
                            " ".join(
                                filter(
                                    None,
                                    [
                                        qualified(figure["value"], figure.get("qualifier")),
                                        text_in_language(figure.get("unit")),
                                    ],
                                )
                            ),
                            period(figure),
                        ],
                    )
                ),
                text_in_language(figure.get("source")),
                text_in_language(figure.get("category_label")),
            ],
        )
        for figure in doc["key_figures"]
    ]
    for key, anchor, kind in (
        ("areas_of_work", "areas-heading", _("Area of work")),
        ("thematic_areas", "areas-heading", _("Thematic area")),
        ("key_actors", "actors-heading", _("Key actor")),
        ("donors", "donors-heading", _("Donor")),
    ):
        entries += [
            Entry(title=text_in_language(item["name"]), url=f"{home}#{anchor}", kind=kind)
            for item in doc[key]
        ]
    return entries


def place_entries(doc):
    contact, map_url = reverse("profiles:contact"), reverse("profiles:map")
    regions = index_by(doc["regions"], "iso_code")
    entries = [
        Entry(
            title=text_in_language(office["name"]),
            url=contact,
            kind=_("Office"),
            texts=[
                ", ".join(
                    filter(
                        None,
                        [
                            text_in_language(office.get("address")),
                            text_in_language(office.get("city")),
                            text_in_language(regions.get(office["region"], {}).get("name")),
                        ],
                    )
                ),
                text_in_language(office.get("description")),
            ],
        )
        for office in doc["offices"]
    ]
    entries += [
        Entry(
            title=text_in_language(region["name"]),
            url=map_url,
            kind=_("Region of presence"),
            texts=[capfirst(text_in_language(region.get("kind_label")))],
        )
        for region in doc["regions"]
    ]
    return entries


def project_entries(doc):
    regions = index_by(doc["regions"], "iso_code")
    donors = index_by(doc["donors"], "slug")
    areas = index_by(doc["thematic_areas"], "slug")

    def names(index, keys):
        return ", ".join(text_in_language(index[key]["name"]) for key in keys if key in index)

    return [
        Entry(
            title=text_in_language(project["title"]),
            url=project["page_url"],
            kind=_("Project"),
            texts=[
                text_in_language(project.get("summary")),
                " · ".join(
                    filter(
                        None,
                        [
                            project.get("acronym") or "",
                            names(regions, project["regions"]),
                            names(donors, project["donors"]),
                            names(areas, project["thematic_areas"]),
                        ],
                    )
                ),
            ],
        )
        for project in doc["projects"]
    ]


def publication_entries(doc):
    return [
        Entry(
            title=text_in_language(publication["title"]),
            url=publication["page_url"],
            kind=capfirst(text_in_language(publication["kind_label"])),
            texts=[text_in_language(publication.get("summary"))],
        )
        for publication in doc["publications"]
    ]


def story_entries(doc):
    return [
        Entry(
            title=text_in_language(story["title"]),
            url=story["page_url"],
            kind=_("News"),
            texts=[text_in_language(story.get("summary")), text_in_language(story.get("body"))],
        )
        for story in doc["stories"]
    ]


GROUPS = (
    ("profile", gettext_lazy("Profile and key figures"), profile_entries),
    ("places", gettext_lazy("Offices and regions"), place_entries),
    ("projects", gettext_lazy("Projects"), project_entries),
    ("publications", gettext_lazy("Publications"), publication_entries),
    ("stories", gettext_lazy("News"), story_entries),
)


def found(entry, terms):
    texts = [text for text in entry.texts if text]
    haystack = folded(" ".join([entry.title, str(entry.kind), *texts]))
    if not all(term in haystack for term in terms):
        return None
    title_matches = bool(matched_spans(entry.title, terms))
    return Result(
        title=marked(entry.title, matched_spans(entry.title, terms)),
        url=entry.url,
        kind=marked(str(entry.kind), matched_spans(str(entry.kind), terms)),
        snippet=snippet(texts, terms) if texts else "",
        title_matches=title_matches,
    )


def search(doc, query):
    """The groups of results for a query, each with its label and results (those
    whose title matches first); groups without results left out."""
    terms = terms_of(query)
    if not terms:
        return []
    groups = []
    for key, label, entries_of in GROUPS:
        results = [result for entry in entries_of(doc) if (result := found(entry, terms))]
        results.sort(key=lambda result: not result.title_matches)
        if results:
            groups.append({"key": key, "label": label, "results": results})
    return groups
