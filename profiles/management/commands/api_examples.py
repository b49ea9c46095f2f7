"""Write the OpenAPI document's example answers (profiles/api_examples.json) from the
API's own answers on this database: run it on the real profile
(`load_iom_panama`) after changing what an endpoint answers. The tests check that
every example is still what the API returns."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from profiles.api import EXAMPLES_FILE

# (operation path in the OpenAPI document, example name, summary, request)
EXAMPLES = [
    (
        "/api/v1/versions/{version}/key-figures",
        "assistance-2023",
        "The assistance figures of the version of 31 October 2023, two per page",
        "/api/v1/versions/2023-10-31/key-figures?category=assistance&page_size=2",
    ),
    (
        "/api/v1/series/{key}",
        "staff",
        "The total staff over time",
        "/api/v1/series/staff.total",
    ),
    (
        "/api/v1/versions/{version}/sections/{section}",
        "staff-2024",
        "The staff counts of the version of 30 June 2024",
        "/api/v1/versions/2024-06-30/sections/staff",
    ),
    (
        "/api/v1/versions/{version}/projects",
        "norway-2024",
        "The projects Norway funds in the version of 30 June 2024",
        "/api/v1/versions/2024-06-30/projects?donor=norway&page_size=1",
    ),
    (
        "/api/v1/versions/{version}/regions",
        "regions-es",
        "The first three regions of the version of 30 June 2024, in Spanish",
        "/api/v1/versions/2024-06-30/regions?lang=es&page_size=3",
    ),
    (
        "/api/v1/versions/{version}/offices",
        "offices-2022",
        "The first office of the version of 31 December 2022",
        "/api/v1/versions/2022-12-31/offices?page_size=1",
    ),
    (
        "/api/v1/versions/{version}/publications",
        "dtm-2024",
        "The first DTM report of the version of 30 June 2024",
        "/api/v1/versions/2024-06-30/publications?kind=dtm_report&page_size=1",
    ),
]


class Command(BaseCommand):
    help = "Write the API's example answers (profiles/api_examples.json) from this database."

    def handle(self, *args, **options):
        client = Client(HTTP_HOST="localhost")
        examples = []
        for path, name, summary, request in EXAMPLES:
            response = client.get(request)
            if response.status_code != 200:
                raise CommandError(
                    f"{request} answered {response.status_code}: load the real profile first "
                    "(manage.py load_iom_panama)."
                )
            examples.append(
                {
                    "path": path,
                    "name": name,
                    "summary": summary,
                    "request": request,
                    "value": response.json(),
                }
            )
        EXAMPLES_FILE.write_text(
            json.dumps(examples, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        self.stdout.write(f"{len(examples)} examples written to {EXAMPLES_FILE}")
