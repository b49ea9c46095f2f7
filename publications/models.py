"""Publications (reports, studies, manuals) and news stories."""

from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from profiles.models import Sourced
from profiles.validators import validate_pdf, validate_raster_image


class Publication(Sourced):
    class Kind(models.TextChoices):
        DTM_REPORT = "dtm_report", _("DTM report")
        STUDY = "study", _("study")
        PROFILE = "profile", _("profile")
        MANUAL = "manual", _("manual")
        SITUATION_REPORT = "situation_report", _("situation report")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")
        BOTH = "en-es", _("English and Spanish")

    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    title = models.CharField(_("title"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("summary"), blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    period_start = models.DateField(_("period covered: start"), null=True, blank=True)
    period_end = models.DateField(_("period covered: end"), null=True, blank=True)
    language = models.CharField(
        _("language of the document"), max_length=5, choices=Language.choices
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(
        _("PDF file"),
        upload_to="publications/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
    )
    cover = models.ImageField(
        _("cover image"), upload_to="covers/", blank=True, validators=[validate_raster_image]
    )
    # When the publication was entered here: the feed dates a publication whose
    # publication date is not known by it, and says so.
    added_on = models.DateField(
        _("added to the site on"), default=timezone.localdate, editable=False
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = [F("published_on").desc(nulls_last=True), "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=F("period_end")),
                name="publication_period_in_order",
                violation_error_message=_("The period covered must start before it ends."),
            ),
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(file=""),
                name="publication_has_link_or_file",
                violation_error_message=_("Give a link or upload the PDF file."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def year(self):
        date = self.published_on or self.period_end or self.period_start
        return date.year if date else None


class Story(Sourced):
    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    title = models.CharField(_("title"), max_length=300)
    published_on = models.DateField(_("date"))
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("news story")
        verbose_name_plural = _("news stories")
        ordering = ["-published_on", "title"]

    def __str__(self):
        return self.title
