from django.apps import AppConfig, apps
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_save,
)
from django.utils.translation import gettext_lazy as _

CONTENT_APPS = ("profiles", "projects", "publications")
# Rendered from the content: storing one changes no content.
DERIVED_MODELS = {"profiles.factsheet"}


def create_cache_table(using="default", **_kwargs):
    """The database cache (production without Redis) needs its table; make it on
    every `migrate`, so no deployment can forget it."""
    from django.conf import settings
    from django.core.management import call_command

    if any(
        options["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
        for options in settings.CACHES.values()
    ):
        call_command("createcachetable", database=using, verbosity=0)


class ProfilesConfig(AppConfig):
    name = "profiles"
    verbose_name = _("Country profile")

    def ready(self):
        # Every write path must bump the content version that the cached profile
        # document and everything derived from it are keyed by: model signals for
        # the admin, the loader and the shell; the import signal for spreadsheet
        # imports, which save in bulk; post_migrate for data migrations.
        from import_export.signals import post_import

        from .content_cache import content_changed
        from .immutability import ensure_sqlite_triggers
        from .roles import sync_roles
        from .translation_status import (
            forget_statuses,
            note_saved_texts,
            remember_stored_texts,
            translated_fields,
        )

        for label in CONTENT_APPS:
            for model in apps.get_app_config(label).get_models():
                if model._meta.label_lower in DERIVED_MODELS:
                    continue
                post_save.connect(content_changed, sender=model, weak=False)
                post_delete.connect(content_changed, sender=model, weak=False)
                for field in model._meta.local_many_to_many:
                    m2m_changed.connect(
                        content_changed, sender=field.remote_field.through, weak=False
                    )
                # Which language of each text is missing or outdated, on every save.
                if translated_fields(model):
                    pre_save.connect(remember_stored_texts, sender=model, weak=False)
                    post_save.connect(note_saved_texts, sender=model, weak=False)
                    post_delete.connect(forget_statuses, sender=model, weak=False)
        post_import.connect(content_changed, weak=False)
        post_migrate.connect(create_cache_table, sender=self, weak=False)
        post_migrate.connect(ensure_sqlite_triggers, sender=self, weak=False)
        post_migrate.connect(content_changed, sender=self, weak=False)
        post_migrate.connect(sync_roles, sender=self, weak=False)
