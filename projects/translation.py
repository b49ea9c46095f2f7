from modeltranslation.translator import TranslationOptions, register

from . import models


@register([models.SustainableDevelopmentGoal, models.GlobalCompactObjective])
class GoalTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "source_note")
