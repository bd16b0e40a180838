"""What the reports API refuses besides the shared cases."""

from shared.utilities.errors import InvalidInput


class TooManyWidgets(InvalidInput):
    """More widgets than REPORTS_MAX_WIDGETS."""

    code = "too_many_widgets"


class ReportInvalid(InvalidInput):
    """The report as changed does not hold together (a custom range without its dates)."""

    code = "report_invalid"
