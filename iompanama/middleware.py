"""Site-wide middleware: the admin's content security policy, and clean failure."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class AdminContentSecurityPolicy:
    """Loosen the policy for the admin only: django-import-export's preview and
    export pages use inline styles and an inline handler. Public pages keep the
    strict policy. Must come after csp.middleware.CSPMiddleware."""

    ADMIN_UPDATE = {"style-src": ["'unsafe-inline'"], "script-src": ["'unsafe-inline'"]}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_update = self.ADMIN_UPDATE
        return response


def maintenance_response():
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailable:
    """When the database cannot be reached, answer 503 with a bilingual maintenance
    page instead of a traceback. Pages whose profile document is cached never
    reach the database and keep working."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError) or (
            isinstance(exception, DatabaseError) and "connect" in str(exception).lower()
        ):
            logger.error("Database unavailable: %s", exception)
            return maintenance_response()
        return None
