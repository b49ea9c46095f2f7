from django import template
from django.conf import settings

from iompanama.text import current_language
from profiles import citations

register = template.Library()


@register.simple_tag(takes_context=True)
def cite(context, snapshot=None):
    """How to cite the page's version (a public snapshot, or the current profile when
    `snapshot` is None) in the page's language: the sentence and the licence."""
    snapshot = snapshot or None  # the live profile's pages have no `snapshot`
    language = current_language()
    return {
        "text": citations.citation(snapshot, language, site=settings.SITE_URL),
        "licence": citations.LICENCE,
    }
