"""Language helpers every app shares: the site's languages, the visitor's language,
and the bilingual texts ({"en": …, "es": …}) that documents hold."""

import unicodedata

from django.conf import settings
from django.utils import translation

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def current_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def pick(value, language=None):
    """(text, fallback) of a bilingual text: the text in `language` (the visitor's by
    default), else in another language, which `fallback` then names; plain values
    pass through."""
    if not isinstance(value, dict):
        return ("" if value is None else value), None
    language = language or current_language()
    if value.get(language):
        return value[language], None
    for other, text in value.items():
        if text:
            return text, other
    return "", None


def text_in_language(value, language=None):
    return pick(value, language)[0]


def in_both_languages(text) -> dict:
    """A translatable text (a label, a choice) as {"en": …, "es": …}."""
    result = {}
    for language in LANGUAGES:
        with translation.override(language):
            result[language] = str(text)
    return result


def translated_columns(*names):
    """modeltranslation's columns of each field: name_en, name_es…"""
    return [f"{name}_{language}" for name in names for language in LANGUAGES]


def folded(text):
    """Lower case without accents, so "darien" finds "Darién"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
