"""The current IOM Panama profile, transcribed from the seed documents.

Sources (`../shared/seeds/`, see its README): `003` (Spanish, 2024) is the
newest and leads; the English texts come from the older documents (`000`,
`001`, `002`) and the website page `004`. Extraction damage (`o�ce`,
`sta�`, lost spaces) is repaired here, and where only one language exists the
other is a translation made for this project (marked `translated`).

Every figure names its source document (`doc`): a test checks that the number
stands in that document, so no figure is invented. Counts that can be derived
(regions, offices, staff total, projects) are not typed anywhere.
"""

import datetime as dt


def t(en, es):
    return {"en": en, "es": es}


# The day each source document's figures were true, dated from its content
# (see docs/data-sources.md for the reasoning).
DOCUMENT_DATES = {
    "001": dt.date(2022, 10, 31),
    "000": dt.date(2022, 12, 31),
    "002": dt.date(2023, 10, 31),
    "004": dt.date(2023, 12, 18),
    "003": dt.date(2024, 6, 30),
}

# The documents themselves, as the profile cites them (`Source` rows).
SOURCES = {
    "001": {
        "slug": "factsheet-2022-snapshot",
        "kind": "factsheet",
        "title": t(
            "Factsheet “Snapshot – IOM”, late 2022",
            "Hoja informativa «Snapshot – IOM», finales de 2022",
        ),
        "date": DOCUMENT_DATES["001"],
        "url": "",
    },
    "000": {
        "slug": "factsheet-2022-iom-panama",
        "kind": "factsheet",
        "title": t(
            "Factsheet “IOM Panama”, late 2022", "Hoja informativa «IOM Panama», finales de 2022"
        ),
        "date": DOCUMENT_DATES["000"],
        "url": "",
    },
    "002": {
        "slug": "factsheet-2023-10",
        "kind": "factsheet",
        "title": t(
            "Factsheet “IOM in Panama”, October 2023",
            "Hoja informativa «IOM in Panama», octubre de 2023",
        ),
        "date": DOCUMENT_DATES["002"],
        "url": "",
    },
    "004": {
        "slug": "website-2023-12",
        "kind": "web_page",
        "title": t(
            "IOM Panama website, December 2023",
            "Sitio web de la OIM Panamá, diciembre de 2023",
        ),
        "date": DOCUMENT_DATES["004"],
        "url": "https://panama.iom.int",
    },
    "003": {
        "slug": "factsheet-2024",
        "kind": "factsheet",
        "title": t("Factsheet “OIM en Panamá”, 2024", "Hoja informativa «OIM en Panamá», 2024"),
        "date": DOCUMENT_DATES["003"],
        "url": "",
    },
}

# The document each section's items come from, unless an item names its own `doc`.
SOURCES_OF = {
    "COUNTRY_OFFICE": "003",
    "SOCIAL_ACCOUNTS": "003",
    "REGIONS": "003",
    "OFFICES": "002",
    "STAFF_COUNTS": "003",
    "AREAS_OF_WORK": "002",
    "THEMATIC_AREAS": "003",
    "KEY_ACTORS": "003",
    "INSTITUTIONAL_SECTIONS": "003",
    "KEY_FIGURES": "003",
    "DONORS": "001",
    "PROJECTS": "003",
    "PUBLICATIONS": "000",
    "STORIES": "004",
}

COUNTRY_OFFICE = {
    "doc": "003",
    "presence_since_doc": "004",
    "sites_doc": "003",
    "name": t("IOM Panama", "OIM Panamá"),
    "tagline": t(
        "Humane and orderly migration for the benefit of all",
        "Migración humana y ordenada en beneficio de todos",
    ),
    "about_organization": t(
        "The International Organization for Migration (IOM) was established in 1951 and is the "
        "leading intergovernmental organization in the field of migration. Since 2016, IOM has "
        "been part of the United Nations System, and currently has 174 Member States and offices "
        "in more than 100 countries. The IOM Constitution recognizes the link between migration "
        "and economic, social and cultural development, as well as the right to freedom of "
        "movement.\n\n"
        "In general, IOM provides its expertise to governments to continue actively supporting "
        "the implementation of strategies and initiatives that contribute to an orderly and safe "
        "migration management that guarantees the human rights of the migrant population.",
        "La Organización Internacional para las Migraciones (OIM) fue establecida en 1951 y es la "
        "principal organización intergubernamental en el ámbito de la migración. Desde 2016, la "
        "OIM ha sido parte del Sistema de las Naciones Unidas y actualmente cuenta con 174 Estados "
        "Miembros y oficinas en más de 100 países. La Constitución de la OIM reconoce el vínculo "
        "entre la migración y el desarrollo económico, social y cultural, así como el derecho a "
        "la libertad de movimiento.\n\n"
        "En general, la OIM brinda su experticia a los gobiernos para continuar apoyando "
        "activamente la implementación de estrategias e iniciativas que contribuyan a una gestión "
        "migratoria ordenada y segura que garantice los derechos humanos de la población migrante.",
    ),
    "about_office": t(
        "For more than 15 years, one of IOM's two Administrative Centres has been operating in "
        "Panama, as well as the Office of the Special Envoy (OSE) for the Regional Response to the "
        "Venezuela Situation and the Country Office or Mission. The Mission's programmes and "
        "projects receive administrative and technical support from colleagues from the Panama "
        "Administrative Centre and the OSE.",
        "La Organización Internacional para las Migraciones (OIM) opera en Panamá desde hace más "
        "de 15 años. Actualmente en el país se encuentra uno de los dos Centros Administrativos de "
        "la OIM, así como la Oficina del Enviado Especial (OSE por sus siglas en inglés) para la "
        "Respuesta Regional a la Situación de Venezuela y la Oficina País o Misión. Los programas "
        "y proyectos de la Misión reciben apoyo administrativo y técnico de colegas del Centro "
        "Administrativo y de la Oficina del Enviado Especial.",
    ),
    "closing_message": t(
        "Migration is inevitable, necessary and convenient — but it must be managed properly.\n\n"
        "Migration is inevitable due, inter alia, to demographic, economic and environmental "
        "aspects.\n\n"
        "Migration is necessary to meet labour demand and ensure the availability of people with "
        "specific skills and the dynamism of economies and societies.\n\n"
        "Migration is good for both migrants and host societies — when managed fairly and "
        "humanely, for the sake of realizing human potential.",
        "La migración es inevitable, necesaria y conveniente — pero se debe gestionar "
        "adecuadamente.\n\n"
        "La migración es inevitable debido, entre otras cosas, a los aspectos demográficos, "
        "económicos y medioambientales.\n\n"
        "La migración es necesaria para satisfacer la demanda laboral y garantizar la "
        "disponibilidad de personas con competencias específicas y el dinamismo de las economías "
        "y las sociedades.\n\n"
        "La migración es conveniente tanto para las personas migrantes como para las sociedades "
        "de acogida — cuando se gestiona de manera justa y humana, en aras de la consecución del "
        "potencial humano.",
    ),
    # 004 (the website, December 2023) says 2007; the older factsheet 001 said 2008.
    "presence_since": 2007,
    "sites_count": 10,
    "sites_qualifier": "more_than",
    "street_address": t(
        "Calle Luis Bonilla, Buildings 110, 113 and 115, Ciudad del Saber, Clayton",
        "Calle Luis Bonilla, Edificios 110, 113 y 115, Ciudad del Saber, Clayton",
    ),
    "city": t("Panama City", "Ciudad de Panamá"),
    "country": t("Panama", "Panamá"),
    "email": "iompanama@iom.int",
    "phone": "+507 305-3350",
    "website": "https://panama.iom.int",
}

SOCIAL_ACCOUNTS = [
    {"network": "other", "handle": "@iompanama", "url": ""},
    {"network": "youtube", "handle": "IOM Panama", "url": ""},
]

# Provinces and comarcas listed in 003, in its order; coordinates are the
# regional capitals (approximate centres for the map).
REGIONS = [
    {
        "iso_code": "PA-4",
        "name": t("Chiriquí", "Chiriquí"),
        "kind": "province",
        "latitude": "8.427300",
        "longitude": "-82.430800",
    },
    {
        "iso_code": "PA-8",
        "name": t("Panamá", "Panamá"),
        "kind": "province",
        "latitude": "8.982400",
        "longitude": "-79.519900",
    },
    {
        "iso_code": "PA-NB",
        "name": t("Ngäbe-Buglé Comarca", "Comarca Ngäbe-Buglé"),
        "kind": "comarca",
        "latitude": "8.600000",
        "longitude": "-81.750000",
    },
    {
        "iso_code": "PA-6",
        "name": t("Herrera", "Herrera"),
        "kind": "province",
        "latitude": "7.961700",
        "longitude": "-80.429700",
    },
    {
        "iso_code": "PA-5",
        "name": t("Darién", "Darién"),
        "kind": "province",
        "latitude": "8.404600",
        "longitude": "-78.142200",
    },
    {
        "iso_code": "PA-7",
        "name": t("Los Santos", "Los Santos"),
        "kind": "province",
        "latitude": "7.766700",
        "longitude": "-80.283300",
    },
    {
        "iso_code": "PA-10",
        "name": t("Panamá Oeste", "Panamá Oeste"),
        "kind": "province",
        "latitude": "8.880300",
        "longitude": "-79.783300",
    },
    {
        "iso_code": "PA-2",
        "name": t("Coclé", "Coclé"),
        "kind": "province",
        "latitude": "8.518900",
        "longitude": "-80.357800",
    },
]

# 000 and 002: three offices in Panama City and a sub-office in Darién. Only
# the contact address (Ciudad del Saber) is known, so only it has coordinates.
OFFICES = [
    {
        "key": "country-office",
        "kind": "country_office",
        "region": "PA-8",
        "name": t("Country Office (Mission)", "Oficina País (Misión)"),
        "description": t(
            "Implements the programmes and projects of IOM in Panama.",
            "Implementa los programas y proyectos de la OIM en Panamá.",
        ),
        "address": t(
            "Calle Luis Bonilla, Buildings 110, 113 and 115, Ciudad del Saber, Clayton",
            "Calle Luis Bonilla, Edificios 110, 113 y 115, Ciudad del Saber, Clayton",
        ),
        "city": t("Panama City", "Ciudad de Panamá"),
        "latitude": "8.997700",
        "longitude": "-79.583600",
    },
    {
        "key": "administrative-centre",
        "kind": "administrative_centre",
        "region": "PA-8",
        "name": t("Panama Administrative Centre", "Centro Administrativo de Panamá"),
        "description": t(
            "One of IOM's two global Administrative Centres; it gives logistical support to "
            "Member States and administrative and technical support to the Mission.",
            "Uno de los dos Centros Administrativos globales de la OIM; brinda apoyo logístico a "
            "los Estados Miembros y apoyo administrativo y técnico a la Misión.",
        ),
        "address": t("", ""),
        "city": t("Panama City", "Ciudad de Panamá"),
    },
    {
        "key": "special-envoy",
        "kind": "special_envoy",
        "region": "PA-8",
        "name": t(
            "Office of the Special Envoy for the Regional Response to the Venezuela Situation",
            "Oficina del Enviado Especial para la Respuesta Regional a la Situación de Venezuela",
        ),
        "description": t(
            "The Office of the IOM Director General's Special Envoy (OSE).",
            "La Oficina del Enviado Especial del Director General de la OIM (OSE).",
        ),
        "address": t("", ""),
        "city": t("Panama City", "Ciudad de Panamá"),
    },
    {
        "key": "darien-sub-office",
        "kind": "sub_office",
        "region": "PA-5",
        "name": t("Darién sub-office", "Suboficina de Darién"),
        "description": t(
            "In the Darién province, near the border with Colombia.",
            "En la provincia de Darién, cerca de la frontera con Colombia.",
        ),
        "address": t("", ""),
        "city": t("", ""),
    },
]

STAFF_COUNTS = [
    {
        "as_of": DOCUMENT_DATES["000"],
        "national": 94,
        "international": 37,
        "mission": None,
        "doc": "000",
        "source": t(
            "IOM Panama factsheet, late 2022", "Hoja informativa de la OIM Panamá, finales de 2022"
        ),
    },
    {
        "as_of": DOCUMENT_DATES["002"],
        "national": 153,
        "international": 43,
        "mission": 25,
        "doc": "002",
        "source": t(
            "IOM in Panama factsheet, October 2023",
            "Hoja informativa OIM en Panamá, octubre de 2023",
        ),
    },
    {
        "as_of": DOCUMENT_DATES["003"],
        "national": 152,
        "international": 48,
        "mission": 25,
        "doc": "003",
        "source": t("IOM in Panama factsheet, 2024", "Hoja informativa OIM en Panamá, 2024"),
    },
]

AREAS_OF_WORK = [
    (
        "capacity-border-management",
        t(
            "Strengthening capacities for migration management and border management",
            "Fortalecimiento de capacidades de gestión de la migración y gestión de fronteras",
        ),
    ),
    (
        "trafficking-smuggling",
        t(
            "Trafficking in persons and migrant smuggling",
            "Lucha contra la trata de personas y el tráfico ilícito de migrantes",
        ),
    ),
    ("labour-migration", t("Labour migration", "Migración laboral")),
    ("integration", t("Sustainable integration of migrants", "Integración de personas migrantes")),
    (
        "protection-assistance",
        t(
            "Protection and assistance to vulnerable migrants",
            "Protección y asistencia a personas migrantes en condición de vulnerabilidad",
        ),
    ),
    ("migration-health", t("Migration and health", "Migración y salud")),
    ("operations-emergencies", t("Operations and emergencies", "Operaciones y emergencias")),
]

# 000 (English); Spanish translated.
THEMATIC_AREAS = [
    ("health", t("Health", "Salud")),
    ("trafficking-in-persons", t("Trafficking in persons", "Trata de personas")),
    (
        "border-migration-management",
        t("Border migration management", "Gestión migratoria de fronteras"),
    ),
    ("integration", t("Integration", "Integración")),
    ("gender-and-migration", t("Gender and migration", "Género y migración")),
    (
        "labour-migration",
        t(
            "Labour migration, regularization and ethical recruitment",
            "Migración laboral, regularización y contratación ética",
        ),
    ),
    ("xenophobia", t("Xenophobia", "Xenofobia")),
    (
        "protection-children",
        t(
            "Protection and assistance to migrant children and other vulnerable profiles",
            "Protección y asistencia a la niñez migrante y otros perfiles vulnerables",
        ),
    ),
    ("accommodation", t("Accommodation", "Alojamiento")),
    ("food-security", t("Food security", "Seguridad alimentaria")),
    ("legal-guidance", t("Legal guidance", "Orientación legal")),
    ("mental-health", t("Mental health", "Salud mental")),
]

KEY_ACTORS = [
    t(
        "Government institutions at central and local levels",
        "Instituciones gubernamentales a nivel central y local",
    ),
    t(
        "Civil society and non-governmental organizations",
        "Sociedad civil y organizaciones no gubernamentales",
    ),
    t("Private sector", "Sector privado"),
    t("Agencies of the United Nations System", "Agencias del Sistema de las Naciones Unidas"),
    t("Academia", "Academia"),
    t("Local and international media", "Medios de comunicación locales e internacionales"),
    t("Donors", "Donantes"),
]

INSTITUTIONAL_SECTIONS = [
    {
        "kind": "migration_governance",
        "title": t("Migration governance", "Gobernanza de la migración"),
        "link": "",
        "body": t(
            "Migration governance is a process that should involve public and private actors "
            "exercising their authority on migration, mobility and nationality, including the "
            "government's capacity to formulate and implement sound policies in these areas.\n\n"
            "IOM believes that a migration system promotes humane migration and mobility that "
            "benefits migrants and society when it:\n"
            "a) adheres to international standards and abides by the rights of migrants;\n"
            "b) formulates pragmatic and comprehensive rules;\n"
            "c) engages with partners to address migration and related issues;\n"
            "d) promotes the socio-economic well-being of migrants.",
            "Proceso en el que deben participar interlocutores públicos y privados que ejercen su "
            "autoridad en materia de migración, movilidad y nacionalidad, incluida la capacidad "
            "del gobierno de formular e implementar sólidas políticas en estos ámbitos.\n\n"
            "La OIM considera que un sistema de migración promueve una migración y movilidad "
            "humanas que beneficia a las personas migrantes y a la sociedad cuando:\n"
            "a) se adhiere a las normas internacionales y acata los derechos de las personas "
            "migrantes;\n"
            "b) formula normas pragmáticas y exhaustivas;\n"
            "c) colabora con los asociados para hacer frente a la migración y a las cuestiones "
            "conexas;\n"
            "d) fomenta el bienestar socioeconómico de las personas migrantes.",
        ),
    },
    {
        "kind": "gender",
        "title": t("Gender", "Género"),
        "link": "https://publications.iom.int/es/books/gender-mainstreaming-iom",
        "body": t(
            "In 1995 it was established that “equality of opportunity and treatment of men and "
            "women is a guiding principle of IOM”.\n\n"
            "In 2012, IOM adhered to the UN System-wide Plan of Action on Gender Equality and the "
            "Empowerment of Women, a framework for accountability aimed at accelerating the "
            "achievement of these goals.\n\n"
            "IOM is also strengthening its policies and practices in all field operations to "
            "prevent and address gender-based violence and sexual exploitation and abuse against "
            "women and men, girls, boys and adolescents.",
            "En 1995 se estableció que “la igualdad de oportunidades y de trato de hombres y "
            "mujeres es un principio rector de la OIM”.\n\n"
            "En 2012, la OIM se adhirió al Plan de Acción para Todo el Sistema de las Naciones "
            "Unidas sobre la Igualdad de Género y el Empoderamiento de la Mujer, un marco para la "
            "rendición de cuentas destinado a acelerar el logro de esos objetivos.\n\n"
            "La OIM también está fortaleciendo sus políticas y prácticas en todas las operaciones "
            "sobre el terreno para prevenir y abordar la violencia de género y la explotación y el "
            "abuso sexual contra mujeres y hombres, niñas, niños y adolescentes.",
        ),
    },
    {
        "kind": "global_compact",
        "title": t("Global Compact", "Pacto Mundial"),
        "link": "https://www.iom.int/global-compact-migration",
        "body": t(
            "The Global Compact for Safe, Orderly and Regular Migration is the first "
            "intergovernmental agreement, prepared with the support of the United Nations, that "
            "covers all dimensions of international migration in a comprehensive manner. IOM "
            "initiated a series of activities to promote the participation of all governments in "
            "the Compact's development process, while ensuring that as many actors as possible "
            "had a voice in the process.",
            "El Pacto Mundial para una Migración Segura, Ordenada y Regular es el primer acuerdo "
            "negociado a nivel intergubernamental, preparado bajo el apoyo de las Naciones Unidas, "
            "que abarca todas las dimensiones de la migración internacional de manera integral. "
            "La OIM inició una serie de actividades para promover la participación de todos los "
            "gobiernos en el proceso de desarrollo del Pacto, asegurando al mismo tiempo que el "
            "mayor número posible de actores tuvieran voz en el proceso.",
        ),
    },
    {
        "kind": "agenda_2030",
        "title": t("Migration in the 2030 Agenda", "La migración en la Agenda 2030"),
        "link": "https://panama.iom.int/sites/g/files/tmzbdl946/files/documents/"
        "La%20Migracion%20en%20la%20Agenda%202030_es.pdf",
        "body": t(
            "In 2015, all countries adopted the 2030 Agenda for Sustainable Development, which has "
            "17 goals and makes explicit the need for dignified, rights-based migration and "
            "well-managed policies. In addition, it recognizes the direct and positive impact "
            "that migration has on the economic and social development of individuals and "
            "societies, with inclusiveness as a principle.",
            "En 2015, todos los países adoptaron la Agenda 2030 para el Desarrollo Sostenible, la "
            "cual cuenta con 17 objetivos y hace explícita la necesidad de una migración digna, "
            "basada en derechos y políticas bien gestionadas. Además, reconoce el directo y "
            "positivo impacto que tiene la migración en el desarrollo económico y social de las "
            "personas y sociedades, teniendo como principio la inclusividad.",
        ),
    },
    {
        "kind": "emergency_funding",
        "title": t(
            "Funding mechanism for migration-related emergencies",
            "Mecanismo de financiación de situaciones de emergencia relativas a la migración",
        ),
        "link": "https://www.iom.int/resources/migration-emergency-funding-mechanism",
        "body": t(
            "IOM's Migration Emergency Funding Mechanism (MEFM) was established to enable rapid "
            "emergency interventions in the critical period leading up to receiving funds.",
            "El Mecanismo de Financiamiento de Emergencia para la Migración de la OIM se "
            "estableció para permitir intervenciones rápidas en situaciones de emergencia en el "
            "período crítico previo a la recepción de fondos.",
        ),
    },
    {
        "kind": "migration_law",
        "title": t("Migration and law", "Derecho y migración"),
        "link": "",
        "body": t(
            "With regard to international migration law, IOM contributes to the promotion and "
            "enforcement of international and regional standards, and facilitates the "
            "dissemination of legal knowledge on migration by helping governments and other "
            "migration partners strengthen their capacity to govern or contribute to migration "
            "management more effectively through training.",
            "Con relación al derecho migratorio internacional, la OIM contribuye a la promoción y "
            "el cumplimiento de las normas internacionales y regionales, y facilita la difusión "
            "de conocimientos jurídicos sobre migración ayudando a los gobiernos y otros socios en "
            "materia de migración a fortalecer su capacidad para gobernar o contribuir a la "
            "gestión de la migración de manera más eficaz a través de la capacitación.",
        ),
    },
    {
        "kind": "migration_policies",
        "title": t("Migration policies", "Políticas migratorias"),
        "link": "",
        "body": t(
            "IOM provides advice and support to governments and partners with the overall "
            "objective of formulating effective migration strategies and policies at national, "
            "regional and global levels. IOM strives to maintain internal and external coherence "
            "with respect to its overall approach to migration governance, including humanitarian "
            "and protection policies, on migration and development.",
            "La OIM brinda asesoramiento y apoyo a los gobiernos y socios con el objetivo general "
            "de formular estrategias y políticas migratorias efectivas a nivel nacional, regional "
            "y mundial. La OIM se esfuerza por mantener la coherencia interna y externa con "
            "respecto a su enfoque general de la gobernanza de la migración, incluidas las "
            "políticas humanitarias y de protección, sobre migración y desarrollo.",
        ),
    },
    {
        "kind": "crisis_framework",
        "title": t(
            "IOM's operational framework in crisis situations",
            "Marco operacional de la OIM en situaciones de crisis",
        ),
        "link": "https://www.r4v.info/",
        "body": t(
            "IOM's Migration Crisis Operational Framework (MCOF) is an analytical and operational "
            "tool to identify the Organization's support to Member States and partners to improve "
            "preparedness, response and recovery in migration crisis situations.\n\n"
            "In 2020, the Human Mobility Group (GMH) of the United Nations System was created, "
            "co-led by UNHCR and IOM, due to the increase in incoming mixed movements of migrants "
            "and people in need of protection to Panamanian territory and the importance of "
            "guaranteeing respect for their human rights and peaceful coexistence, as well as to "
            "provide accompaniment to the Government of Panama in the assistance of this "
            "population. In 2018, the Inter-Agency Coordination Platform for Refugees and Migrants "
            "from Venezuela (R4V) was established in Panama City, which is also co-led by UNHCR "
            "and IOM, and coordinates the efforts of nearly 200 organizations under Venezuela's "
            "Refugee and Migrant Response Plan (RMRP) in 17 countries in Latin America and the "
            "Caribbean.",
            "Herramienta analítica y operacional para identificar el apoyo de la Organización a "
            "los Estados Miembros y sus socios con el fin de mejorar la preparación, respuesta y "
            "recuperación en situaciones de crisis migratoria.\n\n"
            "En 2020 se creó el Grupo de Movilidad Humana (GMH) del Sistema de las Naciones "
            "Unidas, co-liderado por el ACNUR y la OIM, por el aumento de los movimientos mixtos "
            "entrantes de personas migrantes y personas necesitadas de protección al territorio "
            "panameño y la importancia de garantizar el respeto a sus derechos humanos y la "
            "convivencia pacífica, así como para brindar acompañamiento al Estado panameño en el "
            "cuidado y tratamiento de esta población. En 2018, se estableció en la Ciudad de "
            "Panamá la Plataforma Regional de Coordinación Interagencial para Refugiados y "
            "Migrantes de Venezuela (R4V), la cual también es co-liderada por ACNUR y OIM, y "
            "coordina los esfuerzos de casi 200 organizaciones bajo el Plan de Respuesta a "
            "Refugiados y Migrantes (RMRP) de Venezuela en 17 países de América Latina y el "
            "Caribe.",
        ),
    },
    {
        "kind": "cccm",
        "title": t(
            "Camp coordination and camp management",
            "Gestión y coordinación de campamentos",
        ),
        "link": "https://cccmcluster.org/",
        "body": t(
            "IOM leads the Global Camp Coordination and Camp Management Cluster (CCCM). In this "
            "context, innovative approaches to the management of displaced persons are "
            "implemented through strategic partnerships with United Nations agencies, national "
            "authorities, the private sector and NGOs. IOM provides guidance and information to "
            "migrants in vulnerable conditions in the Temporary Migrant Reception Centres (ETRM), "
            "as well as case and referral management. In addition, IOM provides technical "
            "assistance to the Government of Panama in the development of protocols for the "
            "internal functioning of the ETRM.",
            "La OIM lidera el Grupo Temático Mundial de Gestión y Coordinación de Campamentos "
            "(CCCM por su sigla en inglés). En este contexto, se aplican enfoques innovadores "
            "para la gestión de las personas desplazadas mediante asociaciones estratégicas con "
            "organismos de las Naciones Unidas, autoridades nacionales, el sector privado y ONG. "
            "La OIM proporciona orientación e información a las personas migrantes en "
            "condiciones de vulnerabilidad en las Estaciones Temporales de Recepción Migratoria "
            "(ETRM), así como gestión de casos y derivaciones. Además, la OIM brinda asistencia "
            "técnica al Gobierno de Panamá en el desarrollo de protocolos para el funcionamiento "
            "interno de las ETRM.",
        ),
    },
    {
        "kind": "displacement_tracking",
        "title": t("Displacement tracking", "Seguimiento de los desplazamientos"),
        "link": "https://dtm.iom.int/panama",
        "body": t(
            "In 2019, the Displacement Tracking Matrix (DTM) was activated, which is a "
            "methodology designed to capture, process and disseminate information in order to "
            "provide a better understanding of the movements and changing needs of populations "
            "on the move.\n\n"
            "The humanitarian community increasingly sees it as an operational tool of vital "
            "importance for the coordination and delivery of humanitarian aid.",
            "En 2019 se activó la Matriz de Seguimiento de Desplazados (DTM por sus siglas en "
            "inglés), que es una metodología diseñada para capturar, procesar y difundir "
            "información con el fin de proporcionar una mejor comprensión de los movimientos y "
            "las necesidades cambiantes de las poblaciones en movimiento.\n\n"
            "La comunidad humanitaria percibe esta metodología como una herramienta valiosa y "
            "diferencial en la coordinación y entrega de ayuda humanitaria.",
        ),
    },
]


def _figure(
    slug,
    category,
    label,
    value,
    *,
    doc,
    period_end,
    period_start=None,
    qualifier="exact",
    unit=None,
    source=None,
    quote=None,
    headline=None,
    label_one=None,
    note=None,
):
    """One key figure; `quote` is how the number is written in `doc`; `headline` its
    position among the figures the home page leads with."""
    return {
        "slug": slug,
        "category": category,
        "label": label,
        "label_one": label_one or t("", ""),
        "headline": headline,
        "value": value,
        "qualifier": qualifier,
        "unit": unit or t("people", "personas"),
        "period_start": period_start,
        "period_end": period_end,
        "source": source or t("IOM Panama", "OIM Panamá"),
        "note": note or t("", ""),
        "doc": doc,
        "quote": quote or f"{value:,}",
    }


_SEP_2023 = dt.date(2023, 9, 30)
_YEAR_2023 = {"period_start": dt.date(2023, 1, 1), "period_end": DOCUMENT_DATES["004"]}
_PERCENT = t("%", "%")
_ITEMS = t("items", "artículos")
_DONATIONS = t("IOM Panama, donations", "OIM Panamá, donaciones")

KEY_FIGURES = [
    # 002: the October 2023 factsheet, data to September 2023.
    _figure(
        "legal-orientation",
        "assistance",
        t(
            "Migrants residing in the country who received legal orientation and advice "
            "(migration, work and family)",
            "Personas migrantes residentes en el país que recibieron orientación y asesoría legal "
            "(migratoria, laboral y familiar)",
        ),
        112,
        doc="002",
        period_end=_SEP_2023,
    ),
    _figure(
        "host-community-workshop-participants",
        "assistance",
        t(
            "Participants in workshops and training sessions for migrants and members of host "
            "communities",
            "Participantes en talleres y capacitaciones para personas migrantes y miembros de "
            "comunidades de acogida",
        ),
        1432,
        doc="002",
        period_end=_SEP_2023,
        note=t(
            "Topics: Communication for Development, migratory regularization, psychosocial and "
            "socioeconomic integration.",
            "Temas: comunicación para el desarrollo, regularización migratoria, integración "
            "psicosocial y socioeconómica.",
        ),
    ),
    _figure(
        "assisted-voluntary-returns",
        "assistance",
        t(
            "People who returned voluntarily to their countries of origin or habitual residence "
            "with IOM assistance",
            "Personas que retornaron voluntariamente a sus países de origen o de residencia habitual "
            "con asistencia de la OIM",
        ),
        31,
        doc="002",
        period_end=_SEP_2023,
    ),
    _figure(
        "voluntary-return-guidance",
        "assistance",
        t(
            "People guided on the assisted voluntary return process",
            "Personas orientadas sobre el proceso de retorno voluntario asistido",
        ),
        20,
        doc="002",
        period_end=_SEP_2023,
    ),
    _figure(
        "darien-crossings-aug-sep-2023",
        "operations",
        t(
            "Migrants who crossed the Darién jungle, almost twice as many as in the same period "
            "of 2022",
            "Personas migrantes que cruzaron la selva del Darién, casi el doble que en el mismo "
            "período de 2022",
        ),
        157214,
        doc="002",
        period_start=dt.date(2023, 8, 1),
        period_end=_SEP_2023,
        unit=t("migrants", "personas migrantes"),
        source=t("National Migration Service", "Servicio Nacional de Migración"),
    ),
    _figure(
        "donated-meals",
        "operations",
        t("Meals donated", "Raciones de comida donadas"),
        41796,
        doc="002",
        period_end=_SEP_2023,
        unit=t("meals", "raciones"),
        source=_DONATIONS,
    ),
    _figure(
        "donated-medical-equipment",
        "operations",
        t("Pieces of medical equipment donated", "Equipos médicos donados"),
        53,
        doc="002",
        period_end=_SEP_2023,
        unit=_ITEMS,
        source=_DONATIONS,
    ),
    _figure(
        "donated-medical-supplies",
        "operations",
        t("Medical supplies donated", "Insumos médicos donados"),
        2022,
        doc="002",
        period_end=_SEP_2023,
        unit=_ITEMS,
        source=_DONATIONS,
    ),
    _figure(
        "donated-ambulances",
        "operations",
        t("Ambulances donated", "Ambulancias donadas"),
        1,
        doc="002",
        period_end=_SEP_2023,
        unit=t("ambulances", "ambulancias"),
        source=_DONATIONS,
        quote="1 Ambulance",
        label_one=t("Ambulance donated", "Ambulancia donada"),
    ),
    _figure(
        "donated-building-materials",
        "operations",
        t(
            "Building materials and furniture donated",
            "Materiales de construcción y mobiliario donados",
        ),
        1606,
        doc="002",
        period_end=_SEP_2023,
        unit=_ITEMS,
        source=_DONATIONS,
    ),
    _figure(
        "donated-non-food-items",
        "operations",
        t("Non-food items (NFI) donated", "Artículos no alimentarios (NFI) donados"),
        4139,
        doc="002",
        period_end=_SEP_2023,
        unit=_ITEMS,
        source=_DONATIONS,
    ),
    _figure(
        "donated-electronic-devices",
        "operations",
        t("Electronic devices donated", "Dispositivos electrónicos donados"),
        54,
        doc="002",
        period_end=_SEP_2023,
        unit=_ITEMS,
        source=_DONATIONS,
    ),
    _figure(
        "medical-attention-etrm",
        "operations",
        t(
            "Migrants in transit who received medical attention at the Temporary Migrant Reception "
            "Centres (ETRM) in Darién and Chiriquí",
            "Personas migrantes en tránsito que recibieron atención médica en las Estaciones "
            "Temporales de Recepción Migratoria (ETRM) de Darién y Chiriquí",
        ),
        164,
        doc="002",
        period_end=_SEP_2023,
        unit=t("migrants", "personas migrantes"),
    ),
    _figure(
        "dtm-information-from-family",
        "dtm",
        t(
            "Respondents whose main source of information about the route were family members and "
            "friends who had previously migrated",
            "Personas encuestadas cuya principal fuente de información sobre la ruta fueron "
            "familiares y amistades que habían migrado antes",
        ),
        78,
        doc="002",
        period_start=dt.date(2023, 7, 1),
        period_end=dt.date(2023, 7, 31),
        unit=_PERCENT,
        source=t(
            "DTM Flow Monitoring Survey, Darién and Chiriquí",
            "Encuesta de Monitoreo de Flujos de la DTM, Darién y Chiriquí",
        ),
        quote="78%",
    ),
    _figure(
        "dtm-no-information-regular-pathways",
        "dtm",
        t(
            "Respondents who did not have information about the regular ways to migrate",
            "Personas encuestadas que no tenían información sobre las vías regulares para migrar",
        ),
        62,
        doc="002",
        period_start=dt.date(2023, 7, 1),
        period_end=dt.date(2023, 7, 31),
        unit=_PERCENT,
        source=t(
            "DTM Flow Monitoring Survey, Darién and Chiriquí",
            "Encuesta de Monitoreo de Flujos de la DTM, Darién y Chiriquí",
        ),
        quote="62%",
    ),
    _figure(
        "dtm-not-informed-of-route-dangers",
        "dtm",
        t(
            "Respondents who had not had enough information about the danger, insecurity or "
            "difficulty of the route",
            "Personas encuestadas que no habían tenido suficiente información sobre el peligro, la "
            "inseguridad o la dificultad de la ruta",
        ),
        60,
        doc="002",
        qualifier="more_than",
        period_start=dt.date(2023, 7, 1),
        period_end=dt.date(2023, 7, 31),
        unit=_PERCENT,
        source=t(
            "DTM Flow Monitoring Survey, Darién and Chiriquí",
            "Encuesta de Monitoreo de Flujos de la DTM, Darién y Chiriquí",
        ),
        quote="60%",
        note=t(
            "Economic or financial reasons continue to be the main motivation for migration among "
            "respondents; the second is insecurity or violence.",
            "Las razones económicas o financieras siguen siendo la principal motivación para "
            "migrar entre las personas encuestadas; la segunda es la inseguridad o la violencia.",
        ),
    ),
    _figure(
        "partner-training-participants",
        "capacity",
        t(
            "Participants in workshops and training sessions for government, civil society and "
            "private sector partners",
            "Participantes en talleres y capacitaciones para socios del gobierno, la sociedad civil "
            "y el sector privado",
        ),
        309,
        doc="002",
        period_end=_SEP_2023,
        note=t(
            "Topics: trafficking in persons and migrant smuggling, labour migration, border "
            "management, migration governance, camp coordination and camp management.",
            "Temas: trata de personas y tráfico ilícito de migrantes, migración laboral, gestión "
            "de fronteras, gobernanza de la migración, coordinación y gestión de campamentos.",
        ),
    ),
    _figure(
        "digital-reach",
        "communications",
        t(
            "People reached through digital media",
            "Personas alcanzadas a través de medios digitales",
        ),
        7663,
        doc="002",
        period_end=_SEP_2023,
    ),
    # 004: International Migrants Day story, 18 December 2023, figures for 2023.
    _figure(
        "darien-crossings-2023",
        "operations",
        t(
            "People who crossed the Darién jungle on their way to Central and North America",
            "Personas que cruzaron la selva del Darién en camino a Centroamérica y Norteamérica",
        ),
        500000,
        doc="004",
        qualifier="more_than",
        quote="half a million",
        **_YEAR_2023,
        headline=1,
    ),
    _figure(
        "migrants-in-transit-reached",
        "operations",
        t(
            "Migrants in transit in Darién and Chiriquí reached through humanitarian assistance",
            "Personas migrantes en tránsito en Darién y Chiriquí alcanzadas con asistencia "
            "humanitaria",
        ),
        115000,
        doc="004",
        qualifier="more_than",
        unit=t("migrants", "personas migrantes"),
        **_YEAR_2023,
        headline=2,
    ),
    _figure(
        "people-trained-2023",
        "capacity",
        t(
            "Representatives of the public and private sectors, civil society, international "
            "organizations, migrants and host communities trained by IOM",
            "Representantes de los sectores público y privado, la sociedad civil, organismos "
            "internacionales, personas migrantes y comunidades de acogida capacitados por la OIM",
        ),
        3000,
        doc="004",
        qualifier="more_than",
        quote="3,000 representatives",
        **_YEAR_2023,
        headline=3,
    ),
    _figure(
        "rcm-member-states-supported",
        "capacity",
        t(
            "Member States of the Regional Conference on Migration given technical and logistical "
            "assistance",
            "Estados Miembros de la Conferencia Regional sobre Migración con asistencia técnica y "
            "logística",
        ),
        11,
        doc="004",
        unit=t("states", "Estados"),
        quote="11 Member States",
        **_YEAR_2023,
    ),
    _figure(
        "host-community-beneficiaries",
        "assistance",
        t(
            "People in host communities who benefited from local development and integration "
            "programmes",
            "Personas de comunidades de acogida beneficiadas por programas de desarrollo local e "
            "integración",
        ),
        10000,
        doc="004",
        qualifier="more_than",
        **_YEAR_2023,
    ),
    _figure(
        "regularization-families",
        "assistance",
        t(
            "Families supported in integrated regularization processes (pilot project)",
            "Familias apoyadas en procesos integrados de regularización (proyecto piloto)",
        ),
        30,
        doc="004",
        qualifier="more_than",
        unit=t("families", "familias"),
        quote="30 families",
        **_YEAR_2023,
    ),
    _figure(
        "seasonal-workers-informed",
        "assistance",
        t(
            "Seasonal workers migrating to Costa Rica for the coffee harvest who received information",
            "Personas trabajadoras temporales que migran a Costa Rica para la cosecha de café y "
            "recibieron información",
        ),
        3000,
        doc="004",
        qualifier="more_than",
        quote="3,000 workers",
        **_YEAR_2023,
    ),
    _figure(
        "assisted-voluntary-returns-2023",
        "assistance",
        t(
            "People assisted through the Regional Assisted Voluntary Return Project",
            "Personas asistidas por el Proyecto Regional de Retorno Voluntario Asistido",
        ),
        165,
        doc="004",
        qualifier="more_than",
        quote="165 people",
        **_YEAR_2023,
        headline=4,
    ),
    # 001 (late 2022): cumulative since 2019.
    _figure(
        "civil-servants-trained-shelters",
        "capacity",
        t(
            "Civil servants trained in the management of temporary shelters",
            "Servidores públicos capacitados en la gestión de albergues temporales",
        ),
        500,
        doc="001",
        qualifier="almost",
        period_end=DOCUMENT_DATES["001"],
        unit=t("civil servants", "servidores públicos"),
        quote="almost 500 civil servants",
    ),
    # 003 (2024): cumulative since 2019.
    _figure(
        "dtm-reports-published",
        "dtm",
        t("DTM reports published by IOM Panama", "Informes de la DTM publicados por la OIM Panamá"),
        61,
        doc="003",
        qualifier="nearly",
        period_end=DOCUMENT_DATES["003"],
        unit=t("reports", "informes"),
        quote="cerca de 61 informes",
        headline=5,
    ),
]

# 001 names the donors' logos (`quote`); 003 names Norway only in a project's
# title, which the donor's note says.
DONORS = [
    {
        "slug": "canada-ircc",
        "website": "https://www.canada.ca/en/immigration-refugees-citizenship.html",
        "quote": "Immigration, Refugees and Citizenship Canada",
        "name": t(
            "Immigration, Refugees and Citizenship Canada (IRCC)",
            "Inmigración, Refugiados y Ciudadanía Canadá (IRCC)",
        ),
    },
    {
        "slug": "switzerland",
        "website": "https://www.eda.admin.ch/",
        "quote": "Schweizerische Eidgenossenschaft Confédération suisse",
        "name": t("Swiss Confederation", "Confederación Suiza"),
    },
    {
        "slug": "norway",
        "website": "https://www.regjeringen.no/",
        "doc": "003",
        "quote": "Contribución del Gobierno Noruego",
        "source_note": t(
            "Named in the title of one of its projects, not in a list of donors",
            "Nombrado en el título de uno de sus proyectos, no en una lista de donantes",
        ),
        "name": t("Government of Norway", "Gobierno de Noruega"),
    },
]

# 003 lists the current projects in Spanish; the English titles are those of
# 000 where the same project was listed there, otherwise translated. No source
# gives their status, regions or thematic areas: they are left empty.
PROJECTS = [
    {
        "slug": "medical-assistance-darien",
        "acronym": "",
        "title": t(
            "Medical Assistance to Migrants Crossing the Darién",
            "Asistencia Médica a los Migrantes que cruzan el Darién",
        ),
        "regions": [],
        "thematic_areas": [],
        "donors": [],
    },
    {
        "slug": "wha-regional-avr",
        "acronym": "AVR",
        "title": t(
            "Assistance for Informed, Safe and Dignified Voluntary Returns of Vulnerable "
            "Migrants in Participating Countries of the Americas (WHA Regional AVR Program)",
            "Asistencia para el Retorno Voluntario Informado, Seguro y Digno de Migrantes "
            "Vulnerables en las Américas",
        ),
        "regions": [],
        "thematic_areas": [],
        "donors": [],
    },
    {
        "slug": "norway-rmrp-contribution",
        "acronym": "RMRP",
        "title": t(
            "Contribution of the Government of Norway to the Regional Refugee and Migrant "
            "Response Plan",
            "Contribución del Gobierno Noruego al Plan Regional de Respuesta a Refugiados y "
            "Migrantes",
        ),
        "regions": [],
        "thematic_areas": [],
        "donors": ["norway"],
    },
    {
        "slug": "regularization-venezuelans-lac",
        "acronym": "",
        "title": t(
            "Strengthening Government Capacities in Migration Management and Supporting the "
            "Regularization of Venezuelan Refugees and Migrants in Latin America and the "
            "Caribbean",
            "Fortaleciendo las Capacidades del Gobierno en la Gestión de la Migración y "
            "Apoyando la Regularización de Refugiados y Migrantes Venezolanos en la Región de "
            "Latino América y el Caribe",
        ),
        "regions": [],
        "thematic_areas": [],
        "donors": [],
    },
    {
        "slug": "gbv-local-government-darien",
        "acronym": "",
        "title": t(
            "Strengthening Local Government Capacities to Mitigate the Risks of Gender-Based "
            "Violence and Support GBV Survivors in the Darién Region",
            "Fortaleciendo las Capacidades del Gobierno Local para Mitigar los Riesgos de la "
            "Violencia Basada en Género y Apoyar a los Sobrevivientes de VBG en la Región de "
            "Darién",
        ),
        "regions": [],
        "thematic_areas": [],
        "donors": [],
    },
    {
        "slug": "migration-management-framework",
        "acronym": "MMF",
        "title": t(
            "Migration Management Framework (MMF)", "Marco de Gestión de la Migración (MMF)"
        ),
        "regions": [],
        "thematic_areas": [],
        "donors": [],
    },
    {
        "slug": "western-hemisphere-program",
        "acronym": "WHP",
        "title": t(
            "Western Hemisphere Program: Mesoamerica and the Caribbean (WHP)",
            "Programa Regional sobre Migración: Mesoamérica y el Caribe",
        ),
        "regions": [],
        "thematic_areas": [],
        "donors": [],
    },
    {
        "slug": "integrated-response-migration-central-america",
        "acronym": "IRM",
        "title": t(
            "Integrated Response on Migration in Central America (IRM)",
            "Respuestas Integrales a la Migración en Centroamérica",
        ),
        "regions": [],
        "thematic_areas": [],
        "donors": [],
    },
]

# 000 lists the publications with their links; the Spanish titles are those of
# the linked documents where the link shows them, otherwise translated.
PUBLICATIONS = [
    {
        "slug": "panama-migration-profile-2019-2020",
        "kind": "profile",
        "language": "es",
        "period_start": dt.date(2019, 1, 1),
        "period_end": dt.date(2020, 12, 31),
        "published_on": None,
        "url": "https://publications.iom.int/es/node/3636",
        "title": t("Panama Migration Profile 2019-2020", "Perfil Migratorio de Panamá 2019-2020"),
    },
    {
        "slug": "darien-population-flow-monitoring-june-july-2022",
        "kind": "dtm_report",
        "language": "es",
        "period_start": dt.date(2022, 6, 1),
        "period_end": dt.date(2022, 7, 31),
        "published_on": None,
        "url": "https://panama.iom.int/sites/g/files/tmzbdl946/files/documents/"
        "DTM-Migrantes-refugiados-venezolanos-Darien-Junio-Julio-2022.pdf",
        "title": t(
            "Panama (Darién): Population Flow Monitoring (June-July 2022)",
            "Panamá (Darién): Monitoreo de flujo de población (junio-julio 2022)",
        ),
    },
    {
        "slug": "venezuelan-population-flow-darien-may-june-2022",
        "kind": "dtm_report",
        "language": "es",
        "period_start": dt.date(2022, 5, 16),
        "period_end": dt.date(2022, 6, 13),
        "published_on": None,
        "url": "https://migration.iom.int/reports/"
        "panama-monitoreo-de-flujo-de-poblacion-venezolana-darien-16-de-mayo-13-de-junio-2022",
        "title": t(
            "Panama: Monitoring Venezuelan Population Flow - Darién (May 16 - June 13, 2022)",
            "Panamá: Monitoreo de flujo de población venezolana - Darién (16 de mayo - 13 de "
            "junio de 2022)",
        ),
    },
    {
        "slug": "panama-and-panama-oeste-survey-2021",
        "kind": "dtm_report",
        "language": "es",
        "period_start": dt.date(2021, 8, 1),
        "period_end": dt.date(2021, 9, 30),
        "published_on": None,
        "url": "https://migration.iom.int/reports/"
        "panama-informe-de-encuesta-provincia-de-panama-y-panama-oeste-agosto-septiembre-2021",
        "title": t(
            "Panama: Panama Province and West Panama Survey Report (August-September 2021)",
            "Panamá: Informe de encuesta provincia de Panamá y Panamá Oeste "
            "(agosto-septiembre 2021)",
        ),
    },
    {
        "slug": "costa-rica-panama-flow-monitoring-2",
        "kind": "dtm_report",
        "language": "es",
        "period_start": dt.date(2022, 1, 1),
        "period_end": dt.date(2022, 1, 31),
        "published_on": None,
        "url": "https://displacement.iom.int/reports/"
        "costa-rica-panama-monitoreo-de-flujos-de-personas-en-situacion-de-movilidad-por-las-0",
        "title": t(
            "Costa Rica - Panama: Monitoring Flows of People on the Move in the Americas #2 "
            "(January 2022)",
            "Costa Rica - Panamá: Monitoreo de flujos de personas en situación de movilidad "
            "por las Américas #2 (enero 2022)",
        ),
    },
    {
        "slug": "migration-governance-indicators-local-level",
        "kind": "profile",
        "language": "es",
        "period_start": None,
        "period_end": None,
        "published_on": None,
        "url": "https://publications.iom.int/books/"
        "indicadores-de-gobernanza-de-la-migracion-nivel-local-perfil-2022-distrito-de-la-chorrera",
        "title": t(
            "Migration Governance Indicators at the Local Level: District of La Chorrera 2022",
            "Indicadores de Gobernanza de la Migración a nivel local: Perfil 2022, Distrito de "
            "La Chorrera",
        ),
    },
    {
        "slug": "migration-trends-september-2022",
        "kind": "situation_report",
        "language": "es",
        "period_start": dt.date(2022, 9, 1),
        "period_end": dt.date(2022, 9, 30),
        "published_on": None,
        "url": "https://rosanjose.iom.int/sites/g/files/tmzbdl1446/files/documents/"
        "Sitrep%20SEPTIEMBRE%202022_SP.pdf",
        "title": t(
            "Migration Trends in Central America, North America and the Caribbean - September 2022",
            "Tendencias migratorias en Centroamérica, Norteamérica y el Caribe - septiembre 2022",
        ),
    },
    {
        "slug": "migration-governance-profile-panama",
        "kind": "profile",
        "language": "es",
        "period_start": None,
        "period_end": None,
        "published_on": None,
        "url": "https://panama.iom.int/sites/g/files/tmzbdl946/files/documents/mgi-panama-2019-es.pdf",
        "title": t(
            "Migration Governance Profile: Republic of Panama",
            "Perfil de Gobernanza de la Migración: República de Panamá",
        ),
    },
    {
        "slug": "temporary-accommodation-management-manual",
        "kind": "manual",
        "language": "es",
        "period_start": None,
        "period_end": None,
        "published_on": None,
        "url": "https://panama.iom.int/sites/g/files/tmzbdl946/files/documents/"
        "MANUAL%20-%20Panama%CC%81.pdf",
        "title": t(
            "Temporary Accommodation Management Manual",
            "Manual de Gestión de Alojamientos Temporales",
        ),
    },
]

# 004: the website's story for International Migrants Day (English); the
# Spanish text is a translation made for this project.
STORIES = [
    {
        "slug": "act-today-international-migrants-day-2023",
        "published_on": dt.date(2023, 12, 18),
        "title": t(
            "“Act today”: IOM's call to continue working together for a migration that is "
            "beneficial for all in Panama",
            "“Actúa hoy”: el llamado de la OIM a seguir trabajando juntos por una migración que "
            "beneficie a todas las personas en Panamá",
        ),
        "summary": t(
            "For Panama, historically known as the “bridge of the world”, 2023 has been a year "
            "of unprecedented challenges in terms of migration.",
            "Para Panamá, conocida históricamente como el “puente del mundo”, 2023 ha sido un "
            "año de desafíos migratorios sin precedentes.",
        ),
        "body": t(
            "For Panama, which has historically been known as the “bridge of the world,” 2023 has "
            "been a year of unprecedented challenges in terms of migration. So far this year, "
            "more than half a million people have crossed the dangerous Darién jungle on their "
            "way to Central and North America. The reality is that people will continue to "
            "migrate by choice or necessity.\n\n"
            "The International Organization for Migration (IOM), together with its sister "
            "agencies of the United Nations System and strategic partners, continues to support "
            "in multiple ways the actions of the Government of Panama to effectively manage "
            "migration. This year, IOM has reached more than 115,000 migrants in transit in "
            "Darién and Chiriquí through humanitarian assistance actions, such as the delivery of "
            "essential non-food items, food assistance, distribution of medicines and basic "
            "medical supplies, health services, protection, psychosocial support, as well as "
            "improving access to information. IOM also continues to support the improvement of "
            "infrastructure and the management of temporary accommodations.\n\n"
            "More than 3,000 representatives from the public and private sectors, civil society, "
            "international organizations, migrants and members of host communities received "
            "training organized by IOM on migration governance, camp coordination and camp "
            "management, human rights, ethical recruitment, labour migration and gender "
            "perspective. In addition, IOM continued to collaborate directly with the National "
            "Commission against Trafficking in Persons chaired by the Ministry of Public Security "
            "and the Unit for Migrant Smuggling Affairs of the National Migration Service and "
            "promoted dialogue among the actors involved in the revision of the draft National "
            "Plan on Migrant Smuggling.\n\n"
            "IOM also continues to provide technical and logistical assistance to the 11 Member "
            "States and the Technical Secretariat of the Regional Conference on Migration (RCM), "
            "which is one of the oldest and most active regional consultative processes in the "
            "world and whose Pro-Tempore Presidency has been held by Panama during 2023.\n\n"
            "In addition to being a transit country, Panama is also a country of destination and "
            "origin for human mobility. During 2023, IOM has directly benefited more than 10,000 "
            "people through local development and social, navigational, psychosocial, cultural "
            "and economic integration programmes in host communities in the Districts of Panama, "
            "San Miguelito and La Chorrera. Through a pilot project, IOM also supported "
            "integrated and harmonized regularization processes for more than 30 families "
            "through multisectoral and inter-agency coordination.\n\n"
            "On the other hand, in Chiriquí and the Ngäbe-Buglé indigenous region, IOM's "
            "community promoters have played an important role in complementing the efforts of "
            "local authorities to provide information to more than 3,000 workers who migrate "
            "seasonally between August and November to Costa Rica for the coffee harvest.\n\n"
            "IOM also continues to support people who voluntarily decide to return to their "
            "countries of origin or to a third country where they maintain a valid legal "
            "residence through the Regional Assisted Voluntary Return Project, which operates "
            "throughout the country and has assisted more than 165 people during the year.\n\n"
            "“Despite the multiple crises that continue to impact humanity, all United Nations "
            "agencies, funds and programmes continue to work to improve migration governance, "
            "address the challenges migrants face in integrating into our communities and "
            "contribute to Panama's sustainable development,” said Ana Patricia Graça, Resident "
            "Coordinator of the United Nations System in Panama.\n\n"
            "For more than 15 years, IOM has been a strategic partner of the Government of Panama "
            "for the protection of the rights of migrants within and beyond its territorial "
            "limits, not only through the actions implemented by the Country Office or Mission, "
            "but also through the logistical support that the Panama Administrative Centre "
            "provides to Member States and the Office of the IOM Director General's Special "
            "Envoy for the Regional Response to the Venezuela Situation, which is also located "
            "in Panama.\n\n"
            "Today, with the ever-changing trends and the complexity of the migratory flows, no "
            "single country or international agency could provide an adequate response on its "
            "own. 2023 has once again demonstrated that collective efforts are required to "
            "further strengthen migrants' contributions to sustainable development and make "
            "migration beneficial for all.\n\n"
            "“Today, on International Migrants Day, we reaffirm our commitment to continue "
            "collaborating with the Government of Panama to respond to humanitarian emergencies "
            "and promote much more resilient and diverse communities,” said Giuseppe Loprete, "
            "Director of the Panama Administrative Centre and Chief of Mission of IOM Panama. "
            "“We call on everyone to act today for a better tomorrow, to celebrate migrants and "
            "their transformative potential, to defend their rights and encourage all actors "
            "involved to continue working together to boost the impact of migration on "
            "sustainable development and leave no one behind,” he concluded.\n\n"
            "For more information, contact IOM Panama's communications team at "
            "iompanama@iom.int.",
            "Para Panamá, conocida históricamente como el “puente del mundo”, 2023 ha sido un año "
            "de desafíos migratorios sin precedentes. En lo que va del año, más de medio millón "
            "de personas han cruzado la peligrosa selva del Darién en su camino hacia "
            "Centroamérica y Norteamérica. La realidad es que las personas seguirán migrando por "
            "elección o por necesidad.\n\n"
            "La Organización Internacional para las Migraciones (OIM), junto con sus agencias "
            "hermanas del Sistema de las Naciones Unidas y sus socios estratégicos, sigue "
            "apoyando de múltiples maneras las acciones del Gobierno de Panamá para gestionar "
            "eficazmente la migración. Este año, la OIM ha llegado a más de 115,000 personas "
            "migrantes en tránsito en Darién y Chiriquí mediante acciones de asistencia "
            "humanitaria, como la entrega de artículos esenciales no alimentarios, asistencia "
            "alimentaria, distribución de medicamentos e insumos médicos básicos, servicios de "
            "salud, protección, apoyo psicosocial y mejora del acceso a la información. La OIM "
            "también sigue apoyando la mejora de la infraestructura y la gestión de los "
            "alojamientos temporales.\n\n"
            "Más de 3,000 representantes de los sectores público y privado, la sociedad civil, "
            "organismos internacionales, personas migrantes y miembros de comunidades de acogida "
            "recibieron capacitaciones organizadas por la OIM sobre gobernanza de la migración, "
            "coordinación y gestión de campamentos, derechos humanos, contratación ética, "
            "migración laboral y perspectiva de género. Además, la OIM siguió colaborando "
            "directamente con la Comisión Nacional contra la Trata de Personas, presidida por el "
            "Ministerio de Seguridad Pública, y con la Unidad de Asuntos de Tráfico Ilícito de "
            "Migrantes del Servicio Nacional de Migración, y promovió el diálogo entre los "
            "actores que participan en la revisión del borrador del Plan Nacional contra el "
            "Tráfico Ilícito de Migrantes.\n\n"
            "La OIM también sigue brindando asistencia técnica y logística a los 11 Estados "
            "Miembros y a la Secretaría Técnica de la Conferencia Regional sobre Migración (CRM), "
            "uno de los procesos consultivos regionales más antiguos y activos del mundo, cuya "
            "Presidencia Pro Tempore ha ejercido Panamá durante 2023.\n\n"
            "Además de ser un país de tránsito, Panamá es también un país de destino y de origen "
            "de la movilidad humana. Durante 2023, la OIM ha beneficiado directamente a más de "
            "10,000 personas mediante programas de desarrollo local y de integración social, "
            "psicosocial, cultural y económica en comunidades de acogida de los distritos de "
            "Panamá, San Miguelito y La Chorrera. A través de un proyecto piloto, la OIM también "
            "apoyó procesos de regularización integrados y armonizados para más de 30 familias "
            "mediante la coordinación multisectorial e interagencial.\n\n"
            "Por otro lado, en Chiriquí y en la comarca indígena Ngäbe-Buglé, los promotores "
            "comunitarios de la OIM han desempeñado un papel importante al complementar los "
            "esfuerzos de las autoridades locales para brindar información a más de 3,000 "
            "personas trabajadoras que migran de forma temporal entre agosto y noviembre a Costa "
            "Rica para la cosecha de café.\n\n"
            "La OIM también sigue apoyando a las personas que deciden voluntariamente regresar a "
            "sus países de origen o a un tercer país donde mantienen una residencia legal válida, "
            "a través del Proyecto Regional de Retorno Voluntario Asistido, que opera en todo el "
            "país y ha asistido a más de 165 personas durante el año.\n\n"
            "“A pesar de las múltiples crisis que siguen afectando a la humanidad, todas las "
            "agencias, fondos y programas de las Naciones Unidas siguen trabajando para mejorar "
            "la gobernanza de la migración, abordar los desafíos que enfrentan las personas "
            "migrantes para integrarse en nuestras comunidades y contribuir al desarrollo "
            "sostenible de Panamá”, dijo Ana Patricia Graça, Coordinadora Residente del Sistema "
            "de las Naciones Unidas en Panamá.\n\n"
            "Desde hace más de 15 años, la OIM es un socio estratégico del Gobierno de Panamá "
            "para la protección de los derechos de las personas migrantes dentro y fuera de sus "
            "límites territoriales, no solo mediante las acciones de la Oficina País o Misión, "
            "sino también mediante el apoyo logístico que el Centro Administrativo de Panamá "
            "brinda a los Estados Miembros y a la Oficina del Enviado Especial del Director "
            "General de la OIM para la Respuesta Regional a la Situación de Venezuela, que "
            "también se encuentra en Panamá.\n\n"
            "Hoy, con tendencias en constante cambio y flujos migratorios cada vez más complejos, "
            "ningún país ni organismo internacional podría dar por sí solo una respuesta "
            "adecuada. 2023 ha demostrado una vez más que se requieren esfuerzos colectivos para "
            "seguir fortaleciendo las contribuciones de las personas migrantes al desarrollo "
            "sostenible y lograr que la migración beneficie a todas las personas.\n\n"
            "“Hoy, en el Día Internacional del Migrante, reafirmamos nuestro compromiso de seguir "
            "colaborando con el Gobierno de Panamá para responder a las emergencias humanitarias "
            "y promover comunidades mucho más resilientes y diversas”, dijo Giuseppe Loprete, "
            "Director del Centro Administrativo de Panamá y Jefe de Misión de la OIM Panamá. "
            "“Hacemos un llamado a todas las personas a actuar hoy por un mañana mejor, a "
            "celebrar a las personas migrantes y su potencial transformador, a defender sus "
            "derechos y a animar a todos los actores involucrados a seguir trabajando juntos para "
            "impulsar el impacto de la migración en el desarrollo sostenible y no dejar a nadie "
            "atrás”, concluyó.\n\n"
            "Para más información, comuníquese con el equipo de comunicaciones de la OIM Panamá "
            "en iompanama@iom.int.",
        ),
    },
]
