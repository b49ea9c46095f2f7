"""The editorial roles: Editors edit content and freeze drafts; Publishers also publish."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from .apps import CONTENT_APPS

EDITORS = "Editors"
PUBLISHERS = "Publishers"

PUBLISH = "publish_snapshot"
# The audit trail, import records, translation statuses, the rendered snapshot
# pages and the factsheet PDFs are written by the system, never edited.
READ_ONLY_MODELS = {
    "auditentry",
    "importrecord",
    "translationstatus",
    "renderedartefact",
    "factsheet",
}


def editor_permissions(permission_model=Permission):
    permissions = permission_model.objects.filter(content_type__app_label__in=CONTENT_APPS)
    permissions = permissions.exclude(codename=PUBLISH)
    for model in READ_ONLY_MODELS:
        permissions = permissions.exclude(
            content_type__model=model, codename__regex=r"^(add|change|delete)_"
        )
    return permissions


def sync_groups(group_model=Group, permission_model=Permission):
    """Create or update both groups with exactly their permissions."""
    editors, _created = group_model.objects.get_or_create(name=EDITORS)
    publishers, _created = group_model.objects.get_or_create(name=PUBLISHERS)
    editing = list(editor_permissions(permission_model))
    editors.permissions.set(editing)
    publishers.permissions.set([*editing, *permission_model.objects.filter(codename=PUBLISH)])
    return editors, publishers


def sync_roles(using="default", **_kwargs):
    """post_migrate: both groups with exactly their permissions, those of models added
    since included, after every `migrate` (and every flush, which empties them)."""
    from django.contrib.auth.management import create_permissions

    # Django creates each app's permissions as its own post_migrate comes.
    for label in CONTENT_APPS:
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    sync_groups()


def assign_role(user, role):
    """Make `user` staff in exactly one role ("editor" or "publisher"), or none ("none")."""
    groups = {"editor": EDITORS, "publisher": PUBLISHERS}
    user.groups.remove(*Group.objects.filter(name__in=groups.values()))
    if role in groups:
        user.groups.add(Group.objects.get(name=groups[role]))
        user.is_staff = True
    elif not user.is_superuser:
        user.is_staff = False
    user.save(update_fields=["is_staff"])
