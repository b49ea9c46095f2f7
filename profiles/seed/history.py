"""The earlier published versions of the profile, for the dated snapshots.

Each factsheet covers part of the profile. A version is the previous version
updated with what its document states; sections a document does not cover are
carried over (each snapshot's note says so). The late-2022 and October 2023
factsheets were English only, so their versions carry no Spanish text.
The newest version (`003`, 2024) is the current seed data itself.
"""

from types import SimpleNamespace

from . import current
from .current import DOCUMENT_DATES, t

SECTIONS = (
    "COUNTRY_OFFICE",
    "SOCIAL_ACCOUNTS",
    "REGIONS",
    "OFFICES",
    "STAFF_COUNTS",
    "AREAS_OF_WORK",
    "THEMATIC_AREAS",
    "KEY_ACTORS",
    "INSTITUTIONAL_SECTIONS",
    "KEY_FIGURES",
    "DONORS",
    "PROJECTS",
    "PUBLICATIONS",
    "STORIES",
)


def english_only(value):
    """The same data with every Spanish text emptied."""
    if isinstance(value, dict):
        if set(value) == {"en", "es"}:
            return {"en": value["en"], "es": ""}
        return {key: english_only(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(english_only(item) for item in value)
    return value


def stated_in(doc, items):
    """Copies of `items` that say they are stated in `doc` (a version's own statements)."""
    return [item | {"doc": doc} for item in items]


def region(iso_code):
    return next(r for r in current.REGIONS if r["iso_code"] == iso_code)


def figure(slug, **changes):
    return next(f for f in current.KEY_FIGURES if f["slug"] == slug) | changes


def section(kind, body_en=None):
    found = next(s for s in current.INSTITUTIONAL_SECTIONS if s["kind"] == kind)
    return found if body_en is None else found | {"body": t(body_en, "")}


def project(slug, title_en=None, **extra):
    known = next((p for p in current.PROJECTS if p["slug"] == slug), None)
    if known:
        return known | ({"title": t(title_en, "")} if title_en else {})
    defaults = {"acronym": "", "regions": [], "thematic_areas": [], "donors": []}
    return defaults | {"slug": slug, "title": t(title_en, "")} | extra


def publication(slug, **extra):
    known = next((p for p in current.PUBLICATIONS if p["slug"] == slug), None)
    return (known or {}) | extra


VICENTE_BONILLA = t(
    "Calle Vicente Bonilla, Buildings 110, 113 and 115, Ciudad del Saber, Clayton", ""
)

PROJECTS_2022 = [
    project("wha-regional-avr"),
    project(
        "fostering-local-communities-solidarity",
        "Fostering Local Communities of Solidarity for Refugees and Migrants from Venezuela",
    ),
    project("integrated-response-migration-central-america"),
    project(
        "panama-costa-rica-protection-needs",
        "Panama and Costa Rica: Strengthening Government Capacities to Respond to Protection "
        "Needs in Flows of Vulnerable Migrants Crossing Borders",
    ),
    project(
        "iris-ethical-recruitment",
        "Promoting Ethical Recruitment in the Hotel and Tourism Industry (IRIS)",
        acronym="IRIS",
    ),
    project(
        "un-development-system-global-compact",
        "Strengthening IOM's Engagement with the New UN Development System and the Global "
        "Compact for Migration in Central America, North America and the Caribbean",
    ),
    project(
        "basic-health-needs-venezuelans-darien",
        "Supporting Basic Health Needs of Venezuelan Migrants in Darién, Panama",
    ),
    project(
        "venezuela-rmrp",
        "Venezuelan Refugee and Migrant Response Plan (RMRP)",
        acronym="RMRP",
    ),
    project("western-hemisphere-program"),
]

PUBLICATIONS_2022 = [
    publication(slug)
    for slug in (
        "panama-migration-profile-2019-2020",
        "darien-population-flow-monitoring-june-july-2022",
        "venezuelan-population-flow-darien-may-june-2022",
        "panama-and-panama-oeste-survey-2021",
        "costa-rica-panama-flow-monitoring-2",
        "migration-governance-indicators-local-level",
        "migration-trends-september-2022",
        "migration-governance-profile-panama",
    )
]

# 001: "SNAPSHOT - IOM", late 2022.
V001 = {
    "COUNTRY_OFFICE": current.COUNTRY_OFFICE
    | {
        "doc": "001",
        "presence_since_doc": "001",
        "sites_doc": None,
        "about_organization": t(
            "The International Organization for Migration (IOM) was established in 1951 and is "
            "the leading intergovernmental organization in the field of migration. Since 2016, "
            "IOM has been part of the United Nations System, and currently has 174 member states "
            "and offices in more than 100 countries. IOM works to help ensure the orderly and "
            "humane management of migration to promote international cooperation on migration "
            "issues, to assist in the search for practical solutions to migration problems and "
            "to provide humanitarian assistance to migrants in need, including refugees and "
            "internally displaced people. The IOM Constitution recognizes the link between "
            "migration and economic, social and cultural development, as well as to the right of "
            "freedom of movement.",
            "",
        ),
        "about_office": t(
            "Since 2008, the Panama Country Office has worked together with key actors of the "
            "Government of Panama, as well as the United Nations System, civil society, academia "
            "and the private sector, in the development of projects that seek to strengthen the "
            "capacities of the State in the management of migration, and thus address related "
            "phenomena such as trafficking in persons, smuggling of migrants, the management of "
            "temporary shelters in situations of migration crisis, the relationship between "
            "migration and sustainable development, and the promotion of access to services and "
            "the effective integration of migrants.\n\n"
            "IOM has a presence and field staff in the areas with the high proportions of migrant "
            "populations in the provinces of Panamá and Panamá Oeste, and in the border areas in "
            "Darién and Chiriquí IOM maintains permanent operations.",
            "",
        ),
        "presence_since": 2008,
        "sites_count": None,
        "sites_qualifier": "exact",
        "street_address": VICENTE_BONILLA,
    },
    "SOCIAL_ACCOUNTS": stated_in(
        "001",
        [
            {"network": "other", "handle": "@oimpanama", "url": ""},
            {"network": "youtube", "handle": "IOM Panama", "url": ""},
        ],
    ),
    "REGIONS": stated_in("001", [region(code) for code in ("PA-8", "PA-10", "PA-5", "PA-4")]),
    "OFFICES": stated_in("001", [current.OFFICES[0] | {"address": VICENTE_BONILLA}]),
    "STAFF_COUNTS": [],
    "AREAS_OF_WORK": [],
    "THEMATIC_AREAS": [],
    "KEY_ACTORS": [],
    "INSTITUTIONAL_SECTIONS": stated_in(
        "001",
        [
            section(
                "migration_governance",
                "Migration governance is a process involving many public and private actors "
                "exercising authority over migration, mobility and nationality, including the "
                "government's ability to formulate and implement policies in these areas. The "
                "Migration Governance Framework presents an optimal juncture or suitable version of "
                "migration governance to which States can aspire to and for which IOM can offer "
                "support and assistance.",
            ),
            section(
                "gender",
                "IOM's commitment to gender issues dates to 1995. A few years ago, the Organization "
                "joined the United Nations System-wide Action Plan on Gender Equality and the "
                "Empowerment of Women, a framework for accountability designed to accelerate the "
                "achievement of these goals. IOM is also strengthening its policies and practices in "
                "all field operations to prevent and address gender-based violence and sexual "
                "exploitation and abuse against women and men, girls and boys.",
            ),
            section(
                "agenda_2030",
                "Migration has been incorporated into the Sustainable Development Goals, set out in "
                "the 2030 Agenda for Sustainable Development. Reference is made to migration in Goal "
                "10 – Reduce inequality within and between countries, which urges governments to "
                "adopt optimal migration policies to promote a dignified, orderly, and safe migration "
                "that benefits all.",
            ),
            section(
                "migration_policies",
                "IOM provides advice and support to governments and partners with the overall "
                "objective of formulating effective migration strategies and policies on the "
                "national, regional, and global levels. IOM strives to maintain internal and external "
                "coherence with respect to its overall approach to migration governance — including "
                "protection and humanitarian policies — on migration and development.",
            ),
            section(
                "emergency_funding",
                "IOM's Migration Emergency Funding Mechanism was established to enable rapid "
                "interventions in emergency situations in the critical period leading up to the "
                "receipt of funds.",
            ),
            section(
                "global_compact",
                "The Global Compact for Safe, Orderly and Regular Migration is the first agreement "
                "negotiated at an intergovernmental level, prepared under the support of the United "
                "Nations, which covers all dimensions of international migration in a comprehensive "
                "manner. IOM initiated a series of activities to promote the participation of all "
                "governments in the process of developing the Global Compact for Migration, while "
                "ensuring that as many and diverse actors as possible had a voice in the process.",
            ),
            section(
                "migration_law",
                "IOM has experience in the field of international migration law, contributing to "
                "advocacy and compliance with international and regional standards. IOM facilitates "
                "the dissemination of legal knowledge on migration by assisting governments and "
                "other migration partners to strengthen their capacity to govern or contribute to "
                "migration management more effectively through training.",
            ),
            section(
                "crisis_framework",
                "IOM's Migration Crisis Operational Framework is an analytical and operational tool "
                "to identify the Organization's support of Member States and their partners in order "
                "to improve preparedness, response and recovery in migration crisis situations.",
            ),
            section(
                "cccm",
                "IOM leads the Global Camp Coordination and Camp Management (CCCM) Cluster. The group "
                "has developed guidelines and undertaken capacity-building activities through "
                "training initiatives at the national, regional and global levels. In 2019, the "
                "Government of Panama approved the Camp Management Manual, which aims to technically "
                "support the management of temporary shelters, in order to provide assistance and "
                "protection to large groups of migrants in transit.",
            ),
            section(
                "displacement_tracking",
                "IOM's displacement monitoring system is called the Displacement Tracking Matrix; "
                "the humanitarian community increasingly sees it as an operational tool of vital "
                "importance for the coordination and delivery of humanitarian aid. In 2019, the "
                "Displacement Tracking Matrix (DTM) was activated, which is a methodology to follow "
                "and monitor the displacement and mobility of the migrant population.",
            ),
            {
                "kind": "campaigns",
                "title": t("Communications campaigns", ""),
                "link": "",
                "body": t("somoslomismo", ""),
            },
        ],
    ),
    "KEY_FIGURES": [
        figure("civil-servants-trained-shelters", headline=2),
        figure(
            "dtm-reports-published",
            headline=1,
            value=50,
            doc="001",
            qualifier="nearly",
            period_end=DOCUMENT_DATES["001"],
            quote="nearly 50 DTM reports",
        ),
    ],
    "DONORS": stated_in(
        "001", [d for d in current.DONORS if d["slug"] in {"canada-ircc", "switzerland"}]
    ),
    "PROJECTS": stated_in("001", PROJECTS_2022),
    "PUBLICATIONS": stated_in("001", PUBLICATIONS_2022)
    + [
        {
            "slug": "dtm-monitoring-migration-flows-panama",
            "kind": "dtm_report",
            "language": "en",
            "period_start": None,
            "period_end": None,
            "published_on": None,
            "url": "https://dtm.iom.int/panama",
            "title": t("DTM: Monitoring Migration Flows in Panama", ""),
            "doc": "001",
        }
    ],
    "STORIES": [],
}
SOURCES_OF_001 = dict.fromkeys(current.SOURCES_OF, "001")

# 000: "IOM PANAMA", late 2022, after 001.
V000 = V001 | {
    "COUNTRY_OFFICE": V001["COUNTRY_OFFICE"]
    | {
        "doc": "000",
        "sites_doc": "000",
        "about_organization": current.COUNTRY_OFFICE["about_organization"],
        "about_office": t(
            "For more than 15 years, one of IOM's two Global Administrative Centres has been "
            "operating in Panama, as well as the Office of the Special Envoy for the Regional "
            "Response to the Situation in Venezuela and the Country Office or Mission.",
            "",
        ),
        # "Since 2008" (001) is carried over: this factsheet gives no year.
        "sites_count": 10,
        "sites_qualifier": "more_than",
    },
    "REGIONS": stated_in(
        "000", [region(code) for code in ("PA-8", "PA-10", "PA-5", "PA-4", "PA-NB")]
    ),
    "OFFICES": stated_in(
        "000", [current.OFFICES[0] | {"address": VICENTE_BONILLA}, *current.OFFICES[1:]]
    ),
    "STAFF_COUNTS": [c for c in current.STAFF_COUNTS if c["doc"] == "000"],
    "AREAS_OF_WORK": [
        (
            "capacity-border-management",
            t("Strengthening capacities for migration management and border management", ""),
        ),
        ("trafficking-smuggling", t("Fight against human trafficking and migrant smuggling", "")),
        ("labour-migration", t("Labour migration", "")),
        ("integration", t("Socio-economic integration of migrants", "")),
        ("protection-assistance", t("Protection and assistance", "")),
        ("migration-health", t("Migration and health", "")),
        ("operations-emergencies", t("Operations and emergencies", "")),
        (
            "un-system-articulation",
            t(
                "Articulation with the other agencies, funds and programmes of the United Nations "
                "System",
                "",
            ),
        ),
    ],
    "THEMATIC_AREAS": current.THEMATIC_AREAS,
    "KEY_ACTORS": current.KEY_ACTORS,
    "INSTITUTIONAL_SECTIONS": stated_in("000", current.INSTITUTIONAL_SECTIONS),
    "PROJECTS": stated_in("000", PROJECTS_2022),
    "KEY_FIGURES": [
        figure("civil-servants-trained-shelters", headline=2),
        figure(
            "dtm-reports-published",
            headline=1,
            value=51,
            doc="000",
            qualifier="nearly",
            period_end=DOCUMENT_DATES["000"],
            quote="nearly 51 DTM reports",
        ),
    ],
    "PUBLICATIONS": stated_in(
        "000", PUBLICATIONS_2022 + [publication("temporary-accommodation-management-manual")]
    ),
}
# Donors are carried over from 001 (each names its `doc`).
SOURCES_OF_000 = dict.fromkeys(current.SOURCES_OF, "000")

# The figures the October 2023 factsheet leads with.
V002_HEADLINES = {
    "darien-crossings-aug-sep-2023": 1,
    "host-community-workshop-participants": 2,
    "partner-training-participants": 3,
    "assisted-voluntary-returns": 4,
    "dtm-reports-published": 5,
}

# 002: "IOM IN PANAMA", October 2023: staff, areas of work and activity figures.
# Its list of the five regions was lost in extraction; the five of 000 match the count.
V002 = V000 | {
    "COUNTRY_OFFICE": V000["COUNTRY_OFFICE"]
    | {
        "doc": "002",
        "sites_doc": "002",
        "about_office": t(
            "For more than 15 years, one of IOM's two Administrative Centres has been operating "
            "in Panama, as well as the Office of the Special Envoy (OSE) for the Regional Response "
            "to the Venezuela Situation and the Country Office or Mission. The Mission's "
            "programmes and projects receive administrative and technical support from "
            "colleagues from the Panama Administrative Centre and the OSE.",
            "",
        ),
    },
    "STAFF_COUNTS": [c for c in current.STAFF_COUNTS if c["doc"] in {"000", "002"}],
    "AREAS_OF_WORK": current.AREAS_OF_WORK,
    "OFFICES": stated_in(
        "002", [current.OFFICES[0] | {"address": VICENTE_BONILLA}, *current.OFFICES[1:]]
    ),
    "KEY_FIGURES": [
        f | {"headline": V002_HEADLINES.get(f["slug"])}
        for f in V000["KEY_FIGURES"] + [f for f in current.KEY_FIGURES if f["doc"] == "002"]
    ],
}


# What 002 states; the rest is carried over from 000 (and donors from 001).
SOURCES_OF_002 = SOURCES_OF_000 | {"AREAS_OF_WORK": "002", "STAFF_COUNTS": "002"}


def as_data(version, sources_of):
    return SimpleNamespace(
        **{name: version.get(name, []) for name in SECTIONS},
        SOURCES=current.SOURCES,
        SOURCES_OF=sources_of,
    )


# The published versions, oldest first: (document, date, languages, data, title, note).
VERSIONS = [
    {
        "doc": "001",
        "date": DOCUMENT_DATES["001"],
        "languages": ["en"],
        "data": as_data(english_only(V001), SOURCES_OF_001),
        "title": t(
            "Factsheet “Snapshot – IOM”, late 2022",
            "Hoja informativa «Snapshot – IOM», finales de 2022",
        ),
        "note": t(
            "Transcribed from the English factsheet “SNAPSHOT - IOM”. It gave no staff figures, "
            "offices or thematic areas.",
            "Transcrita de la hoja informativa en inglés «SNAPSHOT - IOM», que no daba cifras de "
            "personal, oficinas ni áreas temáticas.",
        ),
    },
    {
        "doc": "000",
        "date": DOCUMENT_DATES["000"],
        "languages": ["en"],
        "data": as_data(english_only(V000), SOURCES_OF_000),
        "title": t(
            "Factsheet “IOM Panama”, late 2022", "Hoja informativa «IOM Panama», finales de 2022"
        ),
        "note": t(
            "Transcribed from the English factsheet “IOM PANAMA”. Donors are carried over from "
            "the previous version, which this factsheet does not list.",
            "Transcrita de la hoja informativa en inglés «IOM PANAMA». Los donantes provienen de "
            "la versión anterior, ya que esta hoja no los enumera.",
        ),
    },
    {
        "doc": "002",
        "date": DOCUMENT_DATES["002"],
        "languages": ["en"],
        "data": as_data(english_only(V002), SOURCES_OF_002),
        "title": t(
            "Factsheet “IOM in Panama”, October 2023",
            "Hoja informativa «IOM in Panama», octubre de 2023",
        ),
        "note": t(
            "Transcribed from the English factsheet of October 2023 (data to September 2023). "
            "It covers staff, areas of work and activity figures; the other sections are carried "
            "over from the previous version. Its list of five regions was lost in extraction: "
            "the five regions of the previous version, which match that count, are kept. A "
            "“77% / 23%” pair whose label was lost is left out.",
            "Transcrita de la hoja informativa en inglés de octubre de 2023 (datos a septiembre "
            "de 2023). Cubre personal, áreas de trabajo y cifras de actividad; las demás "
            "secciones provienen de la versión anterior. Su lista de cinco regiones se perdió en "
            "la extracción: se mantienen las cinco regiones de la versión anterior, que coinciden "
            "con esa cifra. Se omite un par «77 % / 23 %» cuya etiqueta se perdió.",
        ),
    },
    {
        "doc": "003",
        "date": DOCUMENT_DATES["003"],
        "languages": ["es", "en"],
        "data": current,
        "title": t("Factsheet “IOM in Panama”, 2024", "Hoja informativa «OIM en Panamá», 2024"),
        "note": t(
            "The 2024 factsheet (Spanish), completed with the English texts of the earlier "
            "documents and with translations.",
            "La hoja informativa de 2024 (en español), completada con los textos en inglés de los "
            "documentos anteriores y con traducciones.",
        ),
    },
]
