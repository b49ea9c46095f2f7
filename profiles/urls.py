from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from . import converters, downloads, factsheet_views, views

register_converter(converters.IsoDateConverter, "isodate")
register_converter(converters.DataFormatConverter, "datafmt")
register_converter(converters.SpreadsheetFormatConverter, "sheetfmt")
register_converter(converters.SeriesVariantConverter, "variant")
register_converter(converters.CitationFormatConverter, "citefmt")

app_name = "profiles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("contact/"), views.ContactView.as_view(), name="contact"),
    path(_("map/"), views.MapView.as_view(), name="map"),
    path(_("search/"), views.SearchView.as_view(), name="search"),
    path(_("snapshots/"), views.SnapshotArchiveView.as_view(), name="snapshot-list"),
    path(_("snapshots/compare/"), views.CompareView.as_view(), name="snapshot-compare"),
    path(
        _("snapshots/<isodate:date>/"), views.SnapshotDetailView.as_view(), name="snapshot-detail"
    ),
    # How to cite a version, in the page's language: BibTeX, RIS, CSL-JSON.
    path(
        _("snapshots/<isodate:date>/cite.<citefmt:fmt>"),
        downloads.citation_download,
        name="snapshot-citation",
    ),
    path(_("cite.<citefmt:fmt>"), downloads.citation_download, name="citation"),
    path(_("factsheet.pdf"), factsheet_views.current_factsheet, name="factsheet"),
    path(
        _("snapshots/<isodate:date>/factsheet.pdf"),
        factsheet_views.snapshot_factsheet,
        name="snapshot-factsheet",
    ),
    path(
        _("snapshots/<isodate:date>/withdrawn-<int:pk>/"),
        views.CorrectedSnapshotView.as_view(),
        name="snapshot-withdrawn",
    ),
]

# Data files are the same in both languages: they live outside the language prefix.
download_urlpatterns = (
    [
        path(
            "snapshots/<isodate:date>.<datafmt:fmt>", downloads.snapshot_download, name="snapshot"
        ),
        path("data/current.<datafmt:fmt>", downloads.current_download, name="current"),
        path("snapshots/<isodate:date>.hxl.csv", downloads.snapshot_hxl, name="snapshot-hxl"),
        path("data/current.hxl.csv", downloads.current_hxl, name="current-hxl"),
        path("data/figures-over-time-long.hxl.csv", downloads.series_hxl, name="series-hxl"),
        path(
            "data/figures-over-time-<variant:variant>.<sheetfmt:fmt>",
            downloads.series_download,
            name="series",
        ),
        path("data/figures-over-time/<str:key>.csv", downloads.chart_download, name="chart-data"),
        path("data/compare.csv", downloads.compare_download, name="compare"),
        path("data/datapackage.json", downloads.datapackage, name="datapackage"),
    ],
    "downloads",
)
