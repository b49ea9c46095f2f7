"""Translation status per field: which language of a text is missing or outdated.

Every save of a translated model notes, per translated field, which languages
changed (`note_changes`); `TranslationStatus` keeps when each language last
changed and which one lags behind. The admin save, the shell and the loader
reach it through model signals (the old values are read before the save);
spreadsheet imports that save in bulk call `note_changes` themselves.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from .models import TranslationStatus

ENGLISH, SPANISH = "en", "es"
OTHER = {ENGLISH: SPANISH, SPANISH: ENGLISH}

MISSING, OUTDATED = "missing", "outdated"
# The list filter's choices: (value, label, state, language).
STATES = [
    ("es-missing", _("Spanish missing"), MISSING, SPANISH),
    ("es-outdated", _("Spanish outdated"), OUTDATED, SPANISH),
    ("en-missing", _("English missing"), MISSING, ENGLISH),
    ("en-outdated", _("English outdated"), OUTDATED, ENGLISH),
]


def translated_fields(model):
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def is_empty(text):
    return text is None or not str(text).strip()


def text_values(obj, fields):
    return {
        f"{field}_{language}": getattr(obj, f"{field}_{language}", None)
        for field in fields
        for language in (ENGLISH, SPANISH)
    }


def stored_values(model, pk, fields):
    columns = [f"{field}_{language}" for field in fields for language in (ENGLISH, SPANISH)]
    return model._default_manager.filter(pk=pk).values(*columns).first() or {}


def apply_change(status, *, field, before, after, at):
    """Update `status` for one field's save; whether anything changed."""
    changed = [
        language
        for language in (ENGLISH, SPANISH)
        if (before.get(f"{field}_{language}") or "") != (after.get(f"{field}_{language}") or "")
    ]
    if not changed:
        return False
    for language in changed:
        setattr(status, f"{'english' if language == ENGLISH else 'spanish'}_changed_at", at)
    if len(changed) == 2 or any(is_empty(after.get(f"{field}_{lang}")) for lang in OTHER):
        # Both written together, or one is missing (which the emptiness says): in step.
        status.outdated, status.source_before = "", ""
        return True
    (language,) = changed
    lagging = OTHER[language]
    if status.outdated == language:
        # The lagging language was edited: it caught up with the other.
        status.outdated, status.source_before = "", ""
    elif status.outdated == "" and not is_empty(before.get(f"{field}_{language}")):
        # An edit of a text both languages were in step on: the other now lags.
        status.outdated = lagging
        status.source_before = before.get(f"{field}_{language}") or ""
    return True


def note_changes(obj, before, *, at=None, created=False):
    """Note which languages of `obj`'s translated fields changed from `before`
    ({column: text}, empty for a new object; `created` says it has no status yet)."""
    fields = translated_fields(type(obj))
    if not fields or obj.pk is None:
        return
    at = at or timezone.now()
    after = text_values(obj, fields)
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    existing = (
        {}
        if created
        else {
            status.field: status
            for status in TranslationStatus.objects.filter(
                content_type=content_type, object_id=str(obj.pk)
            )
        }
    )
    new = []
    for field in fields:
        status = existing.get(field) or TranslationStatus(
            content_type=content_type, object_id=str(obj.pk), field=field
        )
        if apply_change(status, field=field, before=before, after=after, at=at):
            if status.pk is None:
                new.append(status)
            else:
                status.save()
    TranslationStatus.objects.bulk_create(new)


def remember_stored_texts(sender, instance, raw=False, **kwargs):
    """pre_save: keep the texts as stored, to compare once the save is done."""
    fields = translated_fields(sender)
    if raw or not fields:
        return
    instance._stored_texts = (
        {} if instance._state.adding else stored_values(sender, instance.pk, fields)
    )


def note_saved_texts(sender, instance, created=False, raw=False, **kwargs):
    """post_save: note what the save changed."""
    before = instance.__dict__.pop("_stored_texts", None)
    if raw or before is None:
        return
    note_changes(instance, before, created=created)


def forget_statuses(sender, instance, **kwargs):
    if translated_fields(sender):
        content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
        TranslationStatus.objects.filter(
            content_type=content_type, object_id=str(instance.pk)
        ).delete()


def field_states(obj):
    """{field: (state, language) or None} for every translated field of `obj`."""
    fields = translated_fields(type(obj))
    if not fields or obj.pk is None:
        return {}
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    statuses = {
        status.field: status
        for status in TranslationStatus.objects.filter(
            content_type=content_type, object_id=str(obj.pk)
        )
    }
    states = {}
    for field in fields:
        english, spanish = (getattr(obj, f"{field}_{lang}", None) for lang in (ENGLISH, SPANISH))
        status = statuses.get(field)
        if is_empty(english) and not is_empty(spanish):
            states[field] = (MISSING, ENGLISH, None)
        elif is_empty(spanish) and not is_empty(english):
            states[field] = (MISSING, SPANISH, None)
        elif status is not None and status.outdated:
            states[field] = (OUTDATED, status.outdated, status)
    return states


def empty(column):
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def missing_condition(model, language):
    """Rows where some translated field has a text in the other language but not in this one."""
    condition = Q(pk__in=[])
    for field in translated_fields(model):
        condition |= empty(f"{field}_{language}") & ~empty(f"{field}_{OTHER[language]}")
    return condition


def outdated_condition(model, language):
    """Rows where some translated field, written in both languages, lags in `language`."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    statuses = TranslationStatus.objects.filter(
        content_type=content_type,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        outdated=language,
    )
    condition = Q(pk__in=[])
    for field in translated_fields(model):
        both_written = ~empty(f"{field}_{ENGLISH}") & ~empty(f"{field}_{SPANISH}")
        condition |= Exists(statuses.filter(field=field)) & both_written
    return condition


def needing_translation(queryset, value):
    """`queryset` narrowed to one of STATES' values, or to every row needing one ("any")."""
    model = queryset.model
    if value == "any":
        condition = Q(pk__in=[])
        for _value, _label, state, language in STATES:
            condition |= state_condition(model, state, language)
        return queryset.filter(condition)
    for choice, _label, state, language in STATES:
        if choice == value:
            return queryset.filter(state_condition(model, state, language))
    return queryset


def state_condition(model, state, language):
    if state == MISSING:
        return missing_condition(model, language)
    return outdated_condition(model, language)
