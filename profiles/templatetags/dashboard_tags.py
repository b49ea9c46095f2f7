from django import template

from profiles import dashboard

register = template.Library()


@register.inclusion_tag("admin/_dashboard.html", takes_context=True)
def editor_dashboard(context):
    user = context["request"].user
    if not user.has_perm("profiles.view_keyfigure"):
        return {"show": False}
    stale = dashboard.stale_figures()
    return {
        "show": True,
        "untranslated": dashboard.untranslated(),
        "stale_count": stale.count(),
        "stale": stale[:10],
        "drafts": dashboard.drafts(),
        "can_freeze": user.has_perm("profiles.add_snapshot"),
    }
