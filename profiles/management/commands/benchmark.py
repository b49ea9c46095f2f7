"""Print performance figures: imports, the document build and exports.

Everything runs inside a transaction that is rolled back, so the database is
left as it was. Figures are wall-clock on this machine; query counts are exact.
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from profiles import exports
from profiles.document import build_document
from profiles.resources import KeyFigureResource
from profiles.spreadsheets import SpreadsheetCSV
from projects.resources import ProjectResource

HEADER = "slug,category,label_en,label_es,qualifier,value,unit_en,unit_es,period_end\r\n"


def key_figure_csv(rows: int) -> bytes:
    lines = [
        f"bench-{n},assistance,Figure {n},Cifra {n},exact,{n},people,personas,2024-06-30\r\n"
        for n in range(rows)
    ]
    return (HEADER + "".join(lines)).encode()


def project_csv(rows: int) -> bytes:
    header = "slug,title_en,title_es,status,regions,thematic_areas\r\n"
    lines = [
        f"bench-project-{n},Project {n},Proyecto {n},active,PA-8;PA-5,health\r\n"
        for n in range(rows)
    ]
    return (header + "".join(lines)).encode()


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Print benchmark figures (rows per second, queries, milliseconds)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=5000)

    def timed(self, label, function, rows=None):
        start = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - start
        rate = f", {rows / seconds:,.0f} rows/s" if rows else ""
        self.stdout.write(f"{label}: {seconds * 1000:,.0f} ms{rate}")
        return result

    def import_figures(self, rows, *, dry_run):
        dataset = SpreadsheetCSV().create_dataset(key_figure_csv(rows))
        result = KeyFigureResource().import_data(dataset, dry_run=dry_run)
        assert not result.has_errors() and not result.has_validation_errors()
        return result

    def handle(self, *args, rows, **options):
        self.stdout.write(f"database: {connection.vendor}")
        try:
            with transaction.atomic():
                self.run(rows)
                raise Rollback
        except Rollback:
            pass

    def run(self, rows):
        self.timed(
            f"key figures, CSV import dry run ({rows} new rows)",
            lambda: self.import_figures(rows, dry_run=True),
            rows,
        )
        self.timed(
            f"key figures, CSV import ({rows} new rows, bulk)",
            lambda: self.import_figures(rows, dry_run=False),
            rows,
        )
        self.timed(
            f"key figures, CSV re-import unchanged ({rows} rows)",
            lambda: self.import_figures(rows, dry_run=False),
            rows,
        )
        project_rows = max(rows // 10, 1)
        dataset = SpreadsheetCSV().create_dataset(project_csv(project_rows))
        self.timed(
            f"projects with regions and areas, CSV import ({project_rows} new rows)",
            lambda: ProjectResource().import_data(dataset, dry_run=False),
            project_rows,
        )
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            document = self.timed("profile document build", build_document)
        self.stdout.write(f"profile document build: {len(queries.captured_queries)} queries")
        facts = exports.fact_rows(document)
        self.timed(
            f"profile CSV export ({len(facts)} facts)",
            lambda: exports.write_csv(facts, exports.FACT_COLUMNS),
            len(facts),
        )
        self.timed(
            f"profile XLSX export ({len(facts)} facts)",
            lambda: exports.write_xlsx([("profile", exports.FACT_COLUMNS, facts)]),
            len(facts),
        )
