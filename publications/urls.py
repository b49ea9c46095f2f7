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
    path(_("follow/"), views.FeedPageView.as_view(), name="feed-page"),
]

# The PDF files are the same in both languages: outside the language prefix.
file_urlpatterns = (
    [path("files/publications/<slug:slug>.pdf", views.publication_file, name="publication-file")],
    "files",
)
