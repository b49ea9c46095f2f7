from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from . import converters, downloads, views

register_converter(converters.IsoDateConverter, "isodate")
register_converter(converters.DataFormatConverter, "datafmt")
register_converter(converters.SpreadsheetFormatConverter, "sheetfmt")
register_converter(converters.SeriesVariantConverter, "variant")

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
]

# Data files are the same in both languages: they live outside the language prefix.
download_urlpatterns = (
    [
        path(
            "snapshots/<isodate:date>.<datafmt:fmt>", downloads.snapshot_download, name="snapshot"
        ),
        path("data/current.<datafmt:fmt>", downloads.current_download, name="current"),
        path(
            "data/figures-over-time-<variant:variant>.<sheetfmt:fmt>",
            downloads.series_download,
            name="series",
        ),
        path("data/compare.csv", downloads.compare_download, name="compare"),
        path("data/datapackage.json", downloads.datapackage, name="datapackage"),
    ],
    "downloads",
)
