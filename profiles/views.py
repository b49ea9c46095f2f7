from django.views.generic import TemplateView

from .document import current_document
from .models import KeyFigure


def figure_groups(document):
    """Key figures grouped by category, in the categories' order."""
    groups = []
    for category, label in KeyFigure.Category.choices:
        figures = [f for f in document["key_figures"] if f["category"] == category]
        if figures:
            groups.append({"category": category, "label": label, "figures": figures})
    return groups


def profile_context(document):
    return {"doc": document, "figure_groups": figure_groups(document)}


class HomeView(TemplateView):
    template_name = "profiles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | profile_context(current_document())
