"""The factsheet PDFs: the current profile's and each public snapshot's, in the
visitor's language (`profiles/factsheets.py` renders and keeps them)."""

import logging

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from iompanama.text import current_language

from . import factsheets
from .artefacts import DATED_FILE
from .models import Snapshot
from .snapshots import CURRENT, VersionError, resolve_version

logger = logging.getLogger(__name__)


class PdfResponse(HttpResponse):
    """A PDF; `after`, when given, runs once the response has been sent (the WSGI
    server closes a response after its last byte), off the visitor's wait."""

    def __init__(self, factsheet, filename, *, after=None):
        super().__init__(bytes(factsheet.pdf), content_type="application/pdf")
        self["Content-Disposition"] = f'inline; filename="{filename}"'
        self["ETag"] = f'"{factsheet.checksum}"'
        self.after = after

    def close(self):
        super().close()
        if self.after is not None:
            after, self.after = self.after, None
            try:
                after()
            except Exception:
                logger.exception("Factsheet not refreshed after a response")


@require_safe
def current_factsheet(request):
    language = current_language()
    factsheet, stale = factsheets.current_factsheet(language)
    name = factsheets.filename(CURRENT, language)
    if not stale:
        return PdfResponse(factsheet, name)
    # Serve the kept one, render the new one once this response is out; the page
    # cache must not keep the old one under the new content version.
    response = PdfResponse(
        factsheet, name, after=lambda: factsheets.refresh_current_factsheet(language)
    )
    patch_cache_control(response, no_store=True)
    return response


@require_safe
def snapshot_factsheet(request, date):
    try:
        version = resolve_version(date.isoformat())
    except VersionError as error:
        raise Http404(str(error)) from None
    snapshot = version.snapshot
    if snapshot.status == Snapshot.Status.WITHDRAWN:
        return render(
            request, "profiles/factsheet_withdrawn.html", {"snapshot": snapshot}, status=410
        )
    language = current_language()
    factsheet = factsheets.published_factsheet(snapshot, language)
    response = PdfResponse(factsheet, factsheets.filename(version.name, language))
    # Rendered once at publication and kept; cached a day like the version's data
    # files, not for ever: a withdrawn version's date can be given to its correction.
    response["Cache-Control"] = DATED_FILE
    return response
