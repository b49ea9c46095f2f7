from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(models.Story)
class StoryTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
