from django.conf import settings
from django.urls import translate_url


def language_alternates(request):
    """The current page in each language, for the language switch and hreflang links
    (those absolute, on SITE_URL)."""
    path = request.get_full_path()
    alternates = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        alternates.append(
            {"code": code, "name": name, "url": url, "absolute_url": settings.SITE_URL + url}
        )
    return {"language_alternates": alternates}
