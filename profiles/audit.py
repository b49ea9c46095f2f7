"""The audit trail: recording who changed what, field by field."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from .models import AuditEntry

__all__ = ["AuditEntry", "entries_for", "form_changes", "record", "shown"]


def shown(value):
    """A field value as the history page shows it."""
    if value is None:
        return ""
    if hasattr(value, "all"):  # a many-to-many manager
        value = value.all()
    if isinstance(value, list | tuple | set | QuerySet):
        return "; ".join(str(item) for item in value)
    return str(value)


def record(obj, action, *, user=None, changes=None, import_record=None):
    return AuditEntry.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        changes=changes or {},
        import_record=import_record,
    )


def form_changes(form):
    """{field: [before, after]} for every field the admin form changed."""
    return {
        name: [shown(form.initial.get(name)), shown(form.cleaned_data.get(name))]
        for name in form.changed_data
    }


def entries_for(obj):
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return AuditEntry.objects.filter(
        content_type=content_type, object_id=str(obj.pk)
    ).select_related("user", "import_record")
