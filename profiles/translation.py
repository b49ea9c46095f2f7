from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.CountryOffice)
class CountryOfficeTranslation(TranslationOptions):
    fields = (
        "name",
        "tagline",
        "about_organization",
        "about_office",
        "closing_message",
        "street_address",
        "city",
        "country",
        "source_note",
    )


@register(models.Region)
class RegionTranslation(TranslationOptions):
    fields = ("name", "source_note")


@register(models.Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "description", "address", "city", "source_note")


@register(models.StaffCount)
class StaffCountTranslation(TranslationOptions):
    fields = ("source", "source_note")


@register(models.ThematicArea)
class ThematicAreaTranslation(TranslationOptions):
    fields = ("name", "source_note")


@register(models.AreaOfWork)
class AreaOfWorkTranslation(TranslationOptions):
    fields = ("name", "source_note")


@register(models.InstitutionalSection)
class InstitutionalSectionTranslation(TranslationOptions):
    fields = ("title", "body", "source_note")


@register(models.KeyActor)
class KeyActorTranslation(TranslationOptions):
    fields = ("name", "source_note")


@register(models.KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label", "label_one", "unit", "source", "note", "source_note")


@register(models.Donor)
class DonorTranslation(TranslationOptions):
    fields = ("name", "source_note")


@register(models.Source)
class SourceTranslation(TranslationOptions):
    fields = ("title",)


@register(models.SocialAccount)
class SocialAccountTranslation(TranslationOptions):
    fields = ("source_note",)


@register(models.Snapshot)
class SnapshotTranslation(TranslationOptions):
    fields = ("title", "note", "withdrawal_reason")
