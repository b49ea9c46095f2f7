"""List filters the admin's change lists share: dates by period, stale key figures."""

from django.contrib import admin
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from . import dashboard


def year_filter(field_name, title):
    """A list filter by the year of `field_name`, offering the years that occur, newest
    first: figures are true for periods, so "past 7 days" says nothing of them."""

    class YearFilter(admin.SimpleListFilter):
        parameter_name = f"{field_name}_year"

        def lookups(self, request, model_admin):
            years = (
                model_admin.get_queryset(request)
                .exclude(**{f"{field_name}__isnull": True})
                .annotate(year=ExtractYear(field_name))
                .order_by("-year")
                .values_list("year", flat=True)
                .distinct()
            )
            return [(str(year), str(year)) for year in years]

        def queryset(self, request, queryset):
            value = self.value()
            if value and value.isdigit():
                return queryset.filter(**{f"{field_name}__year": int(value)})
            return queryset

    YearFilter.title = title
    YearFilter.__name__ = f"{field_name.title().replace('_', '')}YearFilter"
    return YearFilter


class StaleFigureFilter(admin.SimpleListFilter):
    """The dashboard's "figures older than a year", as a filter its "see all" links to."""

    title = _("up to date")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Period ended more than a year ago")),
            ("no", _("Period ended within the last year")),
        ]

    def queryset(self, request, queryset):
        stale = dashboard.stale_figures().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=stale)
        if self.value() == "no":
            return queryset.exclude(pk__in=stale)
        return queryset
