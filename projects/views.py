from profiles.pages import DocumentView, find, with_relations

from .models import GlobalCompactObjective, Project, SustainableDevelopmentGoal


def filter_projects(projects, *, region="", area="", status=""):
    return [
        project
        for project in projects
        if (not region or region in project["regions"])
        and (not area or area in project["thematic_areas"])
        and (not status or project["status"] == status)
    ]


class ProjectListView(DocumentView):
    """Projects, filtered by the choices the form offers. A value the form does
    not offer (a mistyped or outdated link) matches nothing and answers 400."""

    template_name = "projects/project_list.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.unknown_filter:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        doc = self.doc
        chosen = {key: self.request.GET.get(key, "") for key in ("region", "area", "status")}
        offered = {
            "region": {region["iso_code"] for region in doc["regions"]},
            "area": {area["slug"] for area in doc["thematic_areas"]},
            "status": set(Project.Status.values),
        }
        self.unknown_filter = any(
            value and value not in offered[key] for key, value in chosen.items()
        )
        projects = filter_projects(doc["projects"], **chosen)
        context.update(
            chosen=chosen,
            projects=[with_relations(doc, project) for project in projects],
            status_choices=Project.Status.choices,
            filtered=any(chosen.values()),
        )
        return context


class ProjectDetailView(DocumentView):
    template_name = "projects/project_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = with_relations(self.doc, find(self.doc["projects"], kwargs["slug"]))
        context.update(
            project=project,
            goals=numbered(SustainableDevelopmentGoal, project["sdg_goals"]),
            objectives=numbered(GlobalCompactObjective, project["compact_objectives"]),
        )
        return context


def numbered(model, numbers):
    """The goals a project names by number, with their names in the visitor's language
    (the UN's fixed lists, kept in the admin); an unknown number is shown bare."""
    if not numbers:
        return []
    names = {goal.number: goal.name for goal in model.objects.filter(number__in=numbers)}
    return [{"number": number, "name": names.get(number, "")} for number in sorted(numbers)]
