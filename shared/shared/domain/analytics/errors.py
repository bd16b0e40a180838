"""What the analytics store refuses."""

from shared.utilities.errors import InvalidInput


class BadMetricRow(InvalidInput):
    """A pulled row cannot be stored (a bad name, id, value or currency): the pull is refused
    whole, so a source is never half-written."""

    code, message = "bad_metric_row", "A metric row cannot be stored."
