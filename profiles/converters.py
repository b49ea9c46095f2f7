import datetime as dt


class IsoDateConverter:
    """A date in the URL as YYYY-MM-DD."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(value) from error

    def to_url(self, value):
        return value.isoformat() if isinstance(value, dt.date) else value


class DataFormatConverter:
    regex = "csv|json|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class SpreadsheetFormatConverter(DataFormatConverter):
    regex = "csv|xlsx"


class SeriesVariantConverter(DataFormatConverter):
    regex = "long|wide"


class CitationFormatConverter(DataFormatConverter):
    regex = "bib|ris|json"
