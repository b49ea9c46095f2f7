"""The admin as the office's tool: its name, and the editors' apps before the security ones."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _

# The editors' apps first, in this order; the sign-in and lock-out tables last.
CONTENT_FIRST = ["profiles", "projects", "publications"]
SECURITY = {"auth", "axes"}


class ProfileAdminSite(admin.AdminSite):
    site_header = _("IOM Panama — profile editor")
    site_title = _("IOM Panama — profile editor")
    index_title = _("Profile content")

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)

        def rank(app):
            label = app["app_label"]
            if label in CONTENT_FIRST:
                return (0, CONTENT_FIRST.index(label))
            return (2, 0) if label in SECURITY else (1, 0)

        for app in apps:
            if app["app_label"] == "axes":
                app["name"] = _("Security: sign-in attempts and lock-outs")
            elif app["app_label"] == "auth":
                app["name"] = _("Security: users and roles")
        return sorted(apps, key=rank)


class ProfileAdminConfig(AdminConfig):
    default_site = "iompanama.admin_site.ProfileAdminSite"
