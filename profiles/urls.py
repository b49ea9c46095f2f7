from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "profiles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("contact/"), views.ContactView.as_view(), name="contact"),
    path(_("map/"), views.MapView.as_view(), name="map"),
    path(_("search/"), views.SearchView.as_view(), name="search"),
]
