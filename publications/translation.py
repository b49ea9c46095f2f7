from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title", "summary", "source_note")


@register(models.Story)
class StoryTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "source_note")
