from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from . import views
from .converters import IsoDateConverter

register_converter(IsoDateConverter, "isodate")

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
