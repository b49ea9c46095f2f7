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
    )


@register(models.Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "description", "address", "city")


@register(models.StaffCount)
class StaffCountTranslation(TranslationOptions):
    fields = ("source",)


@register(models.ThematicArea)
class ThematicAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(models.AreaOfWork)
class AreaOfWorkTranslation(TranslationOptions):
    fields = ("name",)


@register(models.InstitutionalSection)
class InstitutionalSectionTranslation(TranslationOptions):
    fields = ("title", "body")


@register(models.KeyActor)
class KeyActorTranslation(TranslationOptions):
    fields = ("name",)


@register(models.KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label", "label_one", "unit", "source")


@register(models.Donor)
class DonorTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Snapshot)
class SnapshotTranslation(TranslationOptions):
    fields = ("title", "note", "withdrawal_reason")
