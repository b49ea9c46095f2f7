"""The typed answers of the read-only API (`profiles/api.py`); the OpenAPI document is
generated from them. Texts are in the language asked for; codes (slugs, ISO codes,
choice codes) are the same in both."""

import datetime as dt
from typing import Any, Generic, Literal, TypeVar

from ninja import Field, Schema

Item = TypeVar("Item")
Language = Literal["en", "es"]


class Page(Schema, Generic[Item]):
    count: int = Field(description="Items matching the query, on all pages.")
    page: int
    page_size: int
    pages: int = Field(description="The number of pages; 1 for an empty list.")
    next: str | None = Field(description="The next page's URL (path and query), or null.")
    previous: str | None = Field(description="The previous page's URL, or null.")
    items: list[Item]


class VersionLinks(Schema):
    page: str = Field(description="The version's page in the language of the answer.")
    api: str
    csv: str
    json_: str = Field(alias="json")
    xlsx: str
    hxl: str = Field(description="The CSV with an HXL hashtag row under its header.")
    citation_bibtex: str
    citation_ris: str
    citation_csl_json: str


class Version(Schema):
    version: str = Field(description='The date (YYYY-MM-DD), or "current".')
    date: dt.date | None = Field(description="The day the figures were true; null for current.")
    title: str
    status: Literal["published", "withdrawn", "current"]
    status_label: str
    published_at: dt.datetime | None
    checksum: str | None = Field(
        description="SHA-256 of the stored document (canonical JSON); null for current."
    )
    change_summary: str = Field(description="What changed since the previous published version.")
    licence: str
    links: VersionLinks


class Citation(Schema):
    text: str = Field(description="The citation in the language of the answer.")
    bibtex: str
    ris: str
    csl_json: str


class VersionDetail(Version):
    withdrawal_reason: str
    citation: Citation


class SectionSummary(Schema):
    key: str
    label: str
    items: int
    url: str


class SectionPage(Page[dict[str, Any]]):
    section: str
    label: str


class Choice(Schema):
    code: str
    label: str


class KeyFigure(Schema):
    slug: str
    category: Choice
    label: str
    value: float | int | None
    qualifier: Choice
    unit: str
    period_start: dt.date | None
    period_end: dt.date | None
    source: str


class Project(Schema):
    slug: str
    title: str
    acronym: str
    summary: str
    status: Choice
    start_date: dt.date | None
    end_date: dt.date | None
    donors: list[str] = Field(description="Donor slugs.")
    regions: list[str] = Field(description="ISO 3166-2 codes of the regions.")
    thematic_areas: list[str] = Field(description="Thematic area slugs.")
    sdg_goals: list[int]
    compact_objectives: list[int] = Field(description="Global Compact for Migration objectives.")
    url: str


class Publication(Schema):
    slug: str
    title: str
    kind: Choice
    summary: str
    published_on: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    language: Choice
    url: str = Field(description="Where the publication is read: its file here, or elsewhere.")


class Office(Schema):
    kind: Choice
    name: str
    description: str
    address: str
    city: str
    region: str = Field(description="ISO 3166-2 code of the office's province or comarca.")
    latitude: float | None
    longitude: float | None


class Region(Schema):
    iso_code: str
    name: str
    kind: Choice
    latitude: float | None
    longitude: float | None


class Point(Schema):
    date: dt.date
    value: float | int


class SeriesSummary(Schema):
    key: str
    label: str
    unit: str
    url: str


class Series(Schema):
    key: str = Field(description='"staff.<field>" or "figure.<key figure slug>".')
    label: str
    unit: str
    points: list[Point] = Field(
        description="One point per date the figure was true, from the published versions "
        "and the current profile (a later version's value wins)."
    )


class Problem(Schema):
    """An error, as RFC 9457 problem details (`application/problem+json`)."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[dict[str, Any]] | None = None
