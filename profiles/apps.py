from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

CONTENT_APPS = ("profiles", "projects", "publications")


class ProfilesConfig(AppConfig):
    name = "profiles"
    verbose_name = _("Country profile")

    def ready(self):
        # The one signal receiver: content changes through the admin, imports and
        # the loader alike, and every path must drop the cached profile document.
        from .document import invalidate_current_document

        for label in CONTENT_APPS:
            for model in apps.get_app_config(label).get_models():
                post_save.connect(invalidate_current_document, sender=model, weak=False)
                post_delete.connect(invalidate_current_document, sender=model, weak=False)
        m2m_changed.connect(invalidate_current_document, weak=False)
