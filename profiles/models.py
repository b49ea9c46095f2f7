"""The country office's profile: facts, places, people, areas and figures.

Every user-visible text is translated with modeltranslation (`translation.py`).
Counts that can be derived from rows (regions, staff total) are never stored.
"""

import pgtrigger
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from .validators import validate_raster_image


class Qualifier(models.TextChoices):
    """How exact a number is, as the source states it ("about 61", "more than 10")."""

    EXACT = "exact", _("exactly")
    ABOUT = "about", _("about")
    ALMOST = "almost", _("almost")
    NEARLY = "nearly", _("nearly")
    MORE_THAN = "more_than", _("more than")
    OVER = "over", _("over")
    AT_LEAST = "at_least", _("at least")
    UP_TO = "up_to", _("up to")


def coordinate_constraints(prefix):
    """Latitude and longitude, where given, are on the globe."""
    return [
        models.CheckConstraint(
            condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
            name=f"{prefix}_latitude_range",
            violation_error_message=_("Latitude must be between -90 and 90."),
        ),
        models.CheckConstraint(
            condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
            name=f"{prefix}_longitude_range",
            violation_error_message=_("Longitude must be between -180 and 180."),
        ),
    ]


class Source(models.Model):
    """A document the profile's facts are taken from: a factsheet of a date, a web page."""

    class Kind(models.TextChoices):
        FACTSHEET = "factsheet", _("factsheet")
        WEB_PAGE = "web_page", _("web page")
        REPORT = "report", _("report")

    slug = models.SlugField(_("key"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(
        _("date"), help_text=_("The day its facts were true, as dated by its content.")
    )
    url = models.URLField(_("link"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ["-date", "slug"]

    def __str__(self):
        return f"{self.title} ({self.date:%Y-%m-%d})"


class Sourced(models.Model):
    """Where a row's facts come from: a source document, or else the office's own
    statement, recorded with the editor who made it and the day."""

    source_document = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source document"),
        help_text=_(
            "The document that states this. Leave empty when it is the office's own "
            "statement: your name and today's date are then recorded."
        ),
    )
    source_note = models.CharField(
        _("note on the source"),
        max_length=300,
        blank=True,
        help_text=_(
            "How the source states it, where that is not plain: “named in a project's title”."
        ),
    )
    stated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("stated by"),
    )
    stated_on = models.DateField(_("stated on"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class OrderedModel(models.Model):
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class CountryOffice(Sourced):
    """The country office whose profile this is (one row)."""

    name = models.CharField(_("name"), max_length=200)
    tagline = models.CharField(_("tagline"), max_length=300, blank=True)
    about_organization = models.TextField(_("about the organization"), blank=True)
    about_office = models.TextField(_("about the office in the country"), blank=True)
    presence_since = models.PositiveSmallIntegerField(
        _("present in the country since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1951), MaxValueValidator(2100)],
        help_text=_("The year the organization started working in the country."),
    )
    sites_count = models.PositiveSmallIntegerField(_("number of sites"), null=True, blank=True)
    sites_qualifier = models.CharField(
        _("number of sites is"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    presence_since_source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source of the year of arrival"),
    )
    sites_source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source of the number of sites"),
    )
    closing_message = models.TextField(_("closing message"), blank=True)
    street_address = models.CharField(_("street address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("country office")
        verbose_name_plural = _("country office")
        constraints = [
            models.CheckConstraint(
                condition=Q(presence_since__isnull=True) | Q(presence_since__gte=1951),
                name="countryoffice_presence_after_founding",
                violation_error_message=_(
                    "IOM was founded in 1951; presence cannot start earlier."
                ),
            )
        ]

    def __str__(self):
        return self.name


class SocialAccount(Sourced, OrderedModel):
    class Network(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        X = "x", "X (Twitter)"
        YOUTUBE = "youtube", "YouTube"
        LINKEDIN = "linkedin", "LinkedIn"
        OTHER = "other", _("Social media")

    country_office = models.ForeignKey(
        CountryOffice,
        on_delete=models.CASCADE,
        related_name="social_accounts",
        verbose_name=_("country office"),
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    handle = models.CharField(_("account"), max_length=100)
    url = models.URLField(_("link"), blank=True)

    class Meta(OrderedModel.Meta):
        verbose_name = _("social media account")
        verbose_name_plural = _("social media accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["country_office", "network", "handle"], name="unique_social_account"
            )
        ]

    def __str__(self):
        return f"{self.get_network_display()}: {self.handle}"


class Region(Sourced, OrderedModel):
    """A province or indigenous comarca, identified by its ISO 3166-2 code."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        COMARCA = "comarca", _("indigenous comarca")

    iso_code = models.CharField(
        _("ISO 3166-2 code"),
        max_length=6,
        unique=True,
        help_text=_("For example PA-8 for Panamá or PA-NB for Ngäbe-Buglé."),
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    has_presence = models.BooleanField(
        _("IOM is present"),
        default=True,
        help_text=_("Counted among the regions of presence on the profile."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    class Meta(OrderedModel.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.CheckConstraint(
                condition=Q(iso_code__regex=r"^[A-Z]{2}-[A-Z0-9]{1,3}$"),
                name="region_iso_code_format",
                violation_error_message=_("Enter an ISO 3166-2 code such as PA-8 or PA-NB."),
            ),
            *coordinate_constraints("region"),
        ]

    def __str__(self):
        return self.name


class Office(Sourced, OrderedModel):
    class Kind(models.TextChoices):
        COUNTRY_OFFICE = "country_office", _("country office")
        ADMINISTRATIVE_CENTRE = "administrative_centre", _("administrative centre")
        SPECIAL_ENVOY = "special_envoy", _("office of the special envoy")
        SUB_OFFICE = "sub_office", _("sub-office")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="offices", verbose_name=_("region")
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    class Meta(OrderedModel.Meta):
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        constraints = [
            *coordinate_constraints("office"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="office_coordinates_complete",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
            # An office is identified by its kind and region in documents and imports.
            models.UniqueConstraint(
                fields=["kind", "region"],
                name="one_office_of_a_kind_per_region",
                violation_error_message=_("This region already has an office of this kind."),
            ),
        ]

    def __str__(self):
        return self.name


class StaffCountQuerySet(models.QuerySet):
    def latest_first(self):
        return self.order_by("-as_of")


class StaffCount(Sourced):
    """How many people worked for the organization in the country on a date."""

    as_of = models.DateField(_("as of"), unique=True)
    national = models.PositiveIntegerField(_("national staff"))
    international = models.PositiveIntegerField(_("international staff"))
    mission = models.PositiveIntegerField(
        _("mission staff"),
        null=True,
        blank=True,
        help_text=_("Staff of the country office (mission) among the total, where known."),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    objects = StaffCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff count")
        verbose_name_plural = _("staff counts")
        ordering = ["-as_of"]
        get_latest_by = "as_of"
        constraints = [
            models.CheckConstraint(
                condition=Q(national__gte=0) & Q(international__gte=0),
                name="staffcount_non_negative",
                violation_error_message=_("Staff counts cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(mission__isnull=True)
                | Q(mission__lte=F("national") + F("international")),
                name="staffcount_mission_within_total",
                violation_error_message=_("Mission staff cannot exceed the total staff."),
            ),
        ]

    def __str__(self):
        return f"{self.as_of:%Y-%m-%d}: {self.total}"

    @property
    def total(self):
        return self.national + self.international


class ThematicArea(Sourced, OrderedModel):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta(OrderedModel.Meta):
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")

    def __str__(self):
        return self.name


class AreaOfWork(Sourced, OrderedModel):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=300)

    class Meta(OrderedModel.Meta):
        verbose_name = _("area of work")
        verbose_name_plural = _("areas of work")

    def __str__(self):
        return self.name


class InstitutionalSection(Sourced, OrderedModel):
    class Kind(models.TextChoices):
        MIGRATION_GOVERNANCE = "migration_governance", _("migration governance")
        GENDER = "gender", _("gender")
        GLOBAL_COMPACT = "global_compact", _("Global Compact")
        AGENDA_2030 = "agenda_2030", _("2030 Agenda")
        EMERGENCY_FUNDING = "emergency_funding", _("emergency funding mechanism")
        MIGRATION_LAW = "migration_law", _("migration law")
        MIGRATION_POLICIES = "migration_policies", _("migration policies")
        CRISIS_FRAMEWORK = "crisis_framework", _("crisis operational framework")
        CCCM = "cccm", _("camp coordination and camp management")
        DISPLACEMENT_TRACKING = "displacement_tracking", _("displacement tracking")
        CAMPAIGNS = "campaigns", _("communications campaigns")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    link = models.URLField(_("link"), blank=True)

    class Meta(OrderedModel.Meta):
        verbose_name = _("institutional section")
        verbose_name_plural = _("institutional sections")

    def __str__(self):
        return self.title


class KeyActor(Sourced, OrderedModel):
    slug = models.SlugField(
        _("slug"),
        unique=True,
        max_length=120,
        help_text=_("Identifies the actor across dated versions."),
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta(OrderedModel.Meta):
        verbose_name = _("key actor")
        verbose_name_plural = _("key actors")

    def __str__(self):
        return self.name


# The home page leads with at most this many key figures.
HEADLINE_LIMIT = 6


class KeyFigure(Sourced, OrderedModel):
    """A labelled number with its unit, period and source.

    The slug identifies the same figure across dated versions, so that it can
    be charted over time.
    """

    class Category(models.TextChoices):
        ASSISTANCE = "assistance", _("assistance")
        OPERATIONS = "operations", _("operations and emergencies")
        DTM = "dtm", _("displacement tracking (DTM)")
        CAPACITY = "capacity", _("capacity building")
        COMMUNICATIONS = "communications", _("communications")

    slug = models.SlugField(
        _("key"),
        unique=True,
        help_text=_("Identifies the same figure in every dated version; do not reuse."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    label = models.CharField(_("label"), max_length=300)
    label_one = models.CharField(
        _("label for a value of one"),
        max_length=300,
        blank=True,
        help_text=_(
            "Shown instead of the label when the value is exactly 1, for example "
            "“Ambulance donated” for “Ambulances donated”. Leave empty when the label "
            "reads well with any number."
        ),
    )
    headline = models.PositiveSmallIntegerField(
        _("headline position"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(HEADLINE_LIMIT)],
        help_text=_(
            "1 to 6: the figure is one of the headline figures at the top of the home page, "
            "in this order. Leave empty for the others."
        ),
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    qualifier = models.CharField(
        _("value is"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    unit = models.CharField(
        _("unit"), max_length=50, blank=True, help_text=_("For example % or people.")
    )
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(
        _("period end"), help_text=_("The day the figure was last true (the end of its period).")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("What the source adds to the number: the topics of a workshop, a finding."),
    )

    class Meta(OrderedModel.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="keyfigure_value_non_negative",
                violation_error_message=_("A key figure cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True) | Q(period_start__lte=F("period_end")),
                name="keyfigure_period_in_order",
                violation_error_message=_("The period must start on or before the day it ends."),
            ),
            models.CheckConstraint(
                condition=~Q(unit="%") | Q(value__lte=100),
                name="keyfigure_percentage_at_most_100",
                violation_error_message=_("A percentage cannot be more than 100."),
            ),
            models.CheckConstraint(
                condition=Q(headline__isnull=True) | Q(headline__range=(1, HEADLINE_LIMIT)),
                name="keyfigure_headline_position_1_to_6",
                violation_error_message=_("A headline position is a number from 1 to 6."),
            ),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        # Counts of people and things are whole numbers; only shares have decimals.
        if self.value is not None and self.unit != "%" and self.value % 1:
            raise ValidationError(
                {"value": _("Counts are whole numbers; only percentages may have decimals.")}
            )


class Donor(Sourced, OrderedModel):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="donors/", blank=True, validators=[validate_raster_image]
    )

    class Meta(OrderedModel.Meta):
        verbose_name = _("donor")
        verbose_name_plural = _("donors")

    def __str__(self):
        return self.name


class SnapshotQuerySet(models.QuerySet):
    def public(self):
        """Snapshots visitors may see: published ones, and withdrawn ones (marked as such)."""
        return self.exclude(status=Snapshot.Status.DRAFT)

    def published(self):
        return self.filter(status=Snapshot.Status.PUBLISHED)

    def corrected(self):
        """Withdrawn snapshots whose date now has a published correction."""
        return self.filter(
            Exists(
                Snapshot.objects.published()
                .filter(date=OuterRef("date"))
                .exclude(pk=OuterRef("pk"))
            ),
            status=Snapshot.Status.WITHDRAWN,
        )

    def with_correction_flag(self):
        """Each snapshot with `is_replaced`: withdrawn, and its date has a published correction."""
        return self.annotate(
            is_replaced=Exists(
                Snapshot.objects.published()
                .filter(date=OuterRef("date"))
                .exclude(pk=OuterRef("pk"))
            )
        )

    def shown(self):
        """One public snapshot a date, the one its URL shows: a published correction
        rather than the version it replaced."""
        return self.public().exclude(pk__in=self.corrected().values("pk"))

    def on_date(self, date):
        return self.shown().filter(date=date).order_by("-published_at").first()

    def update(self, **kwargs):
        frozen = set(kwargs) & Snapshot.FROZEN_FIELDS
        if frozen and self.public().exists():
            raise ImmutableSnapshotError(Snapshot.immutable_message())
        return super().update(**kwargs)

    def delete(self):
        if self.public().exists():
            raise ImmutableSnapshotError(Snapshot.immutable_message())
        return super().delete()


class ImmutableSnapshotError(ValidationError):
    """A published snapshot's document, date and checksum never change."""


# The database itself keeps public (published or withdrawn) snapshots as they
# were published, whatever writes to it: the ORM, `_base_manager`, raw SQL.
# PostgreSQL: the triggers in Snapshot.Meta (django-pgtrigger); SQLite: the same
# rules (profiles/immutability.py, after every migrate). Both answer with an
# integrity error.
SNAPSHOT_CHANGE_REFUSED = (
    "OLD.status IN ('published', 'withdrawn') AND ("
    "NEW.document IS DISTINCT FROM OLD.document"
    " OR NEW.checksum IS DISTINCT FROM OLD.checksum"
    " OR NEW.date IS DISTINCT FROM OLD.date"
    " OR NEW.schema_version IS DISTINCT FROM OLD.schema_version"
    " OR (NEW.status IS DISTINCT FROM OLD.status"
    " AND NOT (OLD.status = 'published' AND NEW.status = 'withdrawn')))"
)
SNAPSHOT_IMMUTABLE_ERROR = (
    "A published snapshot cannot be changed or deleted; it can only be withdrawn"
)


def _refuse(action):
    return (
        f"RAISE EXCEPTION '{SNAPSHOT_IMMUTABLE_ERROR} (% snapshot %, {action} refused)',"
        " OLD.status, OLD.date USING ERRCODE = 'integrity_constraint_violation';"
    )


class Snapshot(models.Model):
    """The profile frozen on a date: its document, schema version and checksum.

    A published snapshot is immutable: it cannot be changed or deleted, only
    withdrawn. A correction is a new snapshot. Write through `profiles.snapshots`.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")

    FROZEN_FIELDS = {"date", "document", "schema_version", "checksum"}

    # One live (draft or published) snapshot a date; a withdrawn one leaves its date
    # free for the correction, and both stay in the archive.
    date = models.DateField(_("date"), help_text=_("The day the profile's figures were true."))
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    document = models.JSONField(_("profile document"), editable=False)
    schema_version = models.PositiveSmallIntegerField(_("schema version"), editable=False)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, editable=False)
    created_at = models.DateTimeField(_("frozen at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("frozen by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("published by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True, editable=False)
    # {"en": …, "es": …}: what changed since the latest published version before it,
    # computed when it is frozen and when its baseline changes, never per request.
    change_summary = models.JSONField(
        _("changes since the previous published version"), default=dict, editable=False
    )

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")
        ordering = ["-date"]
        get_latest_by = "date"
        permissions = [("publish_snapshot", _("Can publish and withdraw snapshots"))]
        triggers = [
            pgtrigger.Trigger(
                name="snapshot_public_unchanged",
                operation=pgtrigger.Update,
                when=pgtrigger.Before,
                condition=pgtrigger.Condition(SNAPSHOT_CHANGE_REFUSED),
                func=_refuse("change"),
            ),
            pgtrigger.Trigger(
                name="snapshot_public_undeleted",
                operation=pgtrigger.Delete,
                when=pgtrigger.Before,
                condition=pgtrigger.Condition("OLD.status IN ('published', 'withdrawn')"),
                func=_refuse("deletion"),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["date"],
                condition=~Q(status="withdrawn"),
                name="snapshot_one_live_per_date",
                violation_error_message=_("There is already a snapshot for this date."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="snapshot_published_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | Q(withdrawn_at__isnull=False),
                name="snapshot_withdrawn_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} — {self.title}"

    def save(self, *args, **kwargs):
        # Guards this row only: the frozen fields of a stored public snapshot never change.
        stored = (
            type(self).objects.filter(pk=self.pk).values(*self.FROZEN_FIELDS, "status").first()
            if self.pk
            else None
        )
        if (
            stored
            and stored["status"] != self.Status.DRAFT
            and any(getattr(self, field) != stored[field] for field in self.FROZEN_FIELDS)
        ):
            raise ImmutableSnapshotError(self.immutable_message())
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk and type(self).objects.filter(pk=self.pk).public().exists():
            raise ImmutableSnapshotError(self.immutable_message())
        return super().delete(*args, **kwargs)

    @staticmethod
    def immutable_message():
        return _(
            "A published snapshot cannot be changed or deleted. Withdraw it, and freeze a new "
            "snapshot for the correction."
        )

    @property
    def is_public(self):
        return self.status != self.Status.DRAFT

    def correction(self):
        """The live snapshot that took a withdrawn one's date, if any."""
        if self.status != self.Status.WITHDRAWN:
            return None
        return (
            type(self).objects.exclude(status=self.Status.WITHDRAWN).filter(date=self.date).first()
        )

    def is_corrected(self):
        return (
            self.status == self.Status.WITHDRAWN
            and type(self).objects.published().filter(date=self.date).exists()
        )


class RenderedArtefact(models.Model):
    """A public snapshot's page or data file, rendered once and served as stored
    (`profiles.artefacts`). Derived from the snapshot: one missing or rendered by
    other code is rendered again when asked for."""

    snapshot = models.ForeignKey(
        Snapshot, on_delete=models.CASCADE, related_name="artefacts", verbose_name=_("snapshot")
    )
    name = models.CharField(_("name"), max_length=40)  # a key of artefacts.ARTEFACTS
    content = models.BinaryField(_("content"))
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64)
    renderer = models.CharField(_("rendered by"), max_length=64)  # artefacts.renderer_version()
    rendered_at = models.DateTimeField(_("rendered at"))

    class Meta:
        verbose_name = _("rendered page or file")
        verbose_name_plural = _("rendered pages and files")
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "name"], name="one_rendered_artefact_per_name"
            )
        ]

    def __str__(self):
        return f"{self.snapshot.date:%Y-%m-%d} {self.name}"


class AuditEntry(models.Model):
    """Who changed what, when, field by field: admin edits and snapshot actions."""

    class Action(models.TextChoices):
        ADDED = "added", _("added")
        CHANGED = "changed", _("changed")
        DELETED = "deleted", _("deleted")
        FROZEN = "frozen", _("frozen")
        REFROZEN = "refrozen", _("refrozen")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind of object")
    )
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    changes = models.JSONField(
        _("changes"), default=dict, blank=True, help_text=_("{field: [before, after]}")
    )
    import_record = models.ForeignKey(
        "ImportRecord",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("spreadsheet import"),
    )

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class FactsheetQuerySet(models.QuerySet):
    def current(self, language):
        return self.filter(snapshot=None, language=language)

    def of_snapshot(self, snapshot, language):
        return self.filter(snapshot=snapshot, language=language)


class Factsheet(models.Model):
    """A rendered factsheet PDF, kept where every worker reads it: one per language
    of each published snapshot (rendered once, never changed) and of the current
    profile (replaced when the content changes). Written by `profiles.factsheets`."""

    snapshot = models.ForeignKey(
        Snapshot,
        on_delete=models.CASCADE,  # only a draft can be deleted, and a draft has none
        null=True,
        blank=True,
        related_name="factsheets",
        verbose_name=_("snapshot"),
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    # The current profile's: the content version it was rendered from (stale once
    # a write bumps it). Null for a snapshot's, which never goes stale.
    content_version = models.BigIntegerField(null=True, blank=True, editable=False)
    pdf = models.BinaryField(_("PDF"), editable=False)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, editable=False)
    rendered_at = models.DateTimeField(_("rendered at"), auto_now=True)

    objects = FactsheetQuerySet.as_manager()

    class Meta:
        verbose_name = _("factsheet")
        verbose_name_plural = _("factsheets")
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "language"],
                condition=Q(snapshot__isnull=False),
                name="factsheet_one_per_snapshot_language",
            ),
            models.UniqueConstraint(
                fields=["language"],
                condition=Q(snapshot__isnull=True),
                name="factsheet_one_current_per_language",
            ),
        ]

    def __str__(self):
        version = f"{self.snapshot.date:%Y-%m-%d}" if self.snapshot_id else "current"
        return f"factsheet {version} {self.language}"


class TranslationStatus(models.Model):
    """When each language of one translated field last changed, and which lags behind.

    A language lags (is outdated) when the other one was edited after both were in
    step: an English edit after the Spanish was written, or the reverse. The next edit
    of the lagging language brings them back in step. `source_before` keeps the other
    language's text as the lagging one was written against, for a word diff of what
    changed since. Kept by `profiles.translation_status` on every write path.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    field = models.CharField(max_length=64)
    english_changed_at = models.DateTimeField(null=True, blank=True)
    spanish_changed_at = models.DateTimeField(null=True, blank=True)
    outdated = models.CharField(
        _("outdated language"),
        max_length=2,
        blank=True,
        choices=[("en", _("English")), ("es", _("Spanish"))],
    )
    source_before = models.TextField(blank=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field"], name="translation_status_unique"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}.{self.field}"


class ImportRecord(models.Model):
    """One confirmed spreadsheet import: who, when, which file, and what it did."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("who"),
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("list")
    )
    file_name = models.CharField(_("file name"), max_length=255)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64)
    rows_new = models.PositiveIntegerField(_("new rows"), default=0)
    rows_updated = models.PositiveIntegerField(_("updated rows"), default=0)
    rows_skipped = models.PositiveIntegerField(_("unchanged rows"), default=0)

    class Meta:
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.file_name}"
