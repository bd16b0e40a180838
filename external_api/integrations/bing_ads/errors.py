"""What a Microsoft Advertising report can end in besides rows."""

from shared.utilities.errors import ServiceUnavailable, UpstreamError


class ReportFailed(UpstreamError):
    """The Reporting service said the report request failed (`Status: Error`)."""

    code = "bing_report_failed"
    message = "Microsoft Advertising failed to build the report."


class ReportNotReady(ServiceUnavailable):
    """The report was still being built after every poll: ask again later."""

    code = "report_not_ready"
    message = "Microsoft Advertising has not finished the report yet; try again."


class BadReportFile(UpstreamError):
    """The download was not the zipped CSV the Reporting service sends."""

    code = "bing_bad_report_file"
    message = "Microsoft Advertising sent a report file that cannot be read."
