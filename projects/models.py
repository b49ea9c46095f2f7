"""Projects of the country office, with what funds them and where they work."""

import re

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from profiles.models import Donor, Region, Sourced, ThematicArea


class NumberedGoal(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        abstract = True
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"


class SustainableDevelopmentGoal(NumberedGoal):
    class Meta(NumberedGoal.Meta):
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=17),
                name="sdg_number_range",
                violation_error_message=_("There are 17 Sustainable Development Goals."),
            )
        ]


class GlobalCompactObjective(NumberedGoal):
    class Meta(NumberedGoal.Meta):
        verbose_name = _("Global Compact objective")
        verbose_name_plural = _("Global Compact objectives")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=23),
                name="gcm_objective_number_range",
                violation_error_message=_("The Global Compact for Migration has 23 objectives."),
            )
        ]


class ProjectQuerySet(models.QuerySet):
    def with_relations(self):
        return self.prefetch_related(
            "donors", "regions", "thematic_areas", "sdg_goals", "compact_objectives"
        )


def says_acronym(title: str, acronym: str) -> bool:
    """Whether a title already names its acronym as a word ("… Framework (MMF)",
    "… (WHA Regional AVR Program)"), so adding it again would say it twice. True
    when there is no acronym."""
    return not acronym or re.search(rf"\b{re.escape(acronym)}\b", title or "") is not None


class Project(Sourced):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")

    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    title = models.CharField(_("title"), max_length=400)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        blank=True,
        help_text=_("Leave empty when no source states it."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    donors = models.ManyToManyField(
        Donor, blank=True, related_name="projects", verbose_name=_("donors")
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="projects", verbose_name=_("regions")
    )
    thematic_areas = models.ManyToManyField(
        ThematicArea, blank=True, related_name="projects", verbose_name=_("thematic areas")
    )
    sdg_goals = models.ManyToManyField(
        SustainableDevelopmentGoal, blank=True, related_name="projects", verbose_name=_("SDG goals")
    )
    compact_objectives = models.ManyToManyField(
        GlobalCompactObjective,
        blank=True,
        related_name="projects",
        verbose_name=_("Global Compact objectives"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["order", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=F("end_date")),
                name="project_dates_in_order",
                violation_error_message=_("A project cannot end before it starts."),
            )
        ]

    def __str__(self):
        if says_acronym(self.title, self.acronym):
            return self.title
        return f"{self.title} ({self.acronym})"
