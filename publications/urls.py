from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "publications"

urlpatterns = [
    path(_("publications/"), views.PublicationListView.as_view(), name="publication-list"),
    path(
        _("publications/<slug:slug>/"),
        views.PublicationDetailView.as_view(),
        name="publication-detail",
    ),
    path(_("news/"), views.StoryListView.as_view(), name="story-list"),
    path(_("news/<slug:slug>/"), views.StoryDetailView.as_view(), name="story-detail"),
    path(_("feed/"), feeds.LatestFeed(), name="feed"),
]
