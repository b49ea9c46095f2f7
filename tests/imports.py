"""Confirming a spreadsheet import in tests: the confirmation streams its page."""

from django.urls import reverse


def confirm_import(client, model, data, **headers):
    """POST the confirmation and read the whole streamed page (which runs the import);
    the response gets the page as `.page`."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_process_import")
    response = client.post(url, data, **headers)
    if response.streaming:
        response.page = b"".join(response.streaming_content).decode()
    else:
        response.page = response.content.decode()
    return response
