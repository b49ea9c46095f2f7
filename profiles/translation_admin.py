"""What the admin shows of translation status: a list column and filter, and in the
form a hint under each missing or outdated text, a badge on its language tab and a
word diff of what its source changed since it was translated."""

from django import forms
from django.contrib import admin
from django.db.models import BooleanField, ExpressionWrapper
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .diff import word_diff
from .translation_status import (
    ENGLISH,
    MISSING,
    OTHER,
    STATES,
    field_states,
    state_condition,
    translated_fields,
)

THE_TEXT = {ENGLISH: _("the English text"), "es": _("the Spanish text")}
PARAMETER = "translation"


class TranslationStateFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = PARAMETER

    def lookups(self, request, model_admin):
        return [("any", _("needs translation")), *[(v, label) for v, label, *_r in STATES]]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            return queryset.filter(translation_needed=True)
        for choice, *_rest in STATES:
            if value == choice:
                return queryset.filter(**{annotation(choice): True})
        return queryset


def annotation(choice):
    return "translation_" + choice.replace("-", "_")


def annotated(queryset):
    """Each row with a boolean per translation state, and whether it needs any."""
    model = queryset.model
    conditions = {
        annotation(choice): state_condition(model, state, language)
        for choice, _label, state, language in STATES
    }
    needed = None
    for condition in conditions.values():
        needed = condition if needed is None else needed | condition
    conditions["translation_needed"] = needed
    return queryset.annotate(
        **{
            name: ExpressionWrapper(condition, output_field=BooleanField())
            for name, condition in conditions.items()
        }
    )


def diff_html(old, new):
    tags = {"delete": "del", "insert": "ins"}
    return format_html_join(
        "",
        "{}",
        (
            (format_html("<{0}>{1}</{0}>", tags[op], text) if op in tags else text,)
            for op, text in word_diff(old, new)
        ),
    )


def hint(state, language, status, obj, field):
    """The note under a text that is missing or outdated, in the editor's language."""
    other = {"other": THE_TEXT[OTHER[language]]}
    if state == MISSING:
        return format_html(
            '<span class="translation-hint">{}</span>',
            gettext("Missing: %(other)s has no translation in this language yet.") % other,
        )
    current = getattr(obj, f"{field}_{OTHER[language]}") or ""
    changed = status.english_changed_at if OTHER[language] == ENGLISH else status.spanish_changed_at
    return format_html(
        '<span class="translation-hint">{}</span>'
        '<span class="translation-diff"><span class="translation-diff-label">{}</span> {}</span>',
        gettext("Outdated: %(other)s changed on %(date)s, after this translation was written.")
        % {**other, "date": date_format(localtime(changed), "DATETIME_FORMAT") if changed else ""},
        gettext("What changed in %(other)s since:") % other,
        diff_html(status.source_before, current),
    )


def badge(state):
    return gettext("missing") if state == MISSING else gettext("outdated")


class TranslationStatusAdminMixin:
    """For any admin of a model with translated fields; does nothing for the others."""

    @property
    def media(self):
        media = super().media
        if not self.has_translations():
            return media
        # After modeltranslation's script, which builds the tabs this one works on.
        return media + forms.Media(
            js=["modeltranslation/js/tabbed_translation_fields.js", "js/translation_status.js"],
            css={"all": ["css/translation_status.css"]},
        )

    def has_translations(self):
        return bool(translated_fields(self.model))

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        return [*filters, TranslationStateFilter] if self.has_translations() else filters

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        return [*columns, "translation_state"] if self.has_translations() else columns

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = getattr(request, "resolver_match", None)
        if self.has_translations() and match and match.url_name.endswith("_changelist"):
            return annotated(queryset)
        return queryset

    @admin.display(description=_("translation"))
    def translation_state(self, obj):
        labels = [
            str(label)
            for choice, label, *_rest in STATES
            if getattr(obj, annotation(choice), False)
        ]
        if not labels:
            return format_html('<span class="translation-ok">{}</span>', gettext("complete"))
        return format_html('<span class="translation-needed">{}</span>', "; ".join(labels))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or not self.has_translations():
            return form
        states = field_states(obj)
        if not states:
            return form

        class FormWithTranslationStatus(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for field, (state, language, status) in states.items():
                    form_field = self.fields.get(f"{field}_{language}")
                    if form_field is None:
                        continue
                    form_field.widget.attrs.update(
                        {
                            "data-translation-state": state,
                            "data-translation-badge": badge(state),
                        }
                    )
                    note = hint(state, language, status, obj, field)
                    help_text = form_field.help_text
                    form_field.help_text = (
                        format_html("{}<br>{}", help_text, note) if help_text else note
                    )

        FormWithTranslationStatus.__name__ = form.__name__
        return FormWithTranslationStatus
