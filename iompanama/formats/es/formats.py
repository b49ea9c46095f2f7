# Panama writes numbers as 157,214.5 in Spanish too (es-PA), unlike Spain.
from django.conf.locale.es.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
