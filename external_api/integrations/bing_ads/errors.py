"""What a Microsoft Advertising report can end in besides rows, and which of its error answers
refuse the connection's token."""

import httpx

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


# The Reporting service's credential errors (its AdApiError codes): 105 InvalidCredentials,
# 109 AuthenticationTokenExpired. Either refuses the token like a 401 does: it is refreshed
# once, then the connection asks to be connected again.
CREDENTIAL_ERRORS = frozenset({105, 109})


def api_errors(response: httpx.Response) -> list[dict]:
    """The answer's `Errors` (`{"Code", "ErrorCode", "Message"}` each), if it has any."""
    try:
        body = response.json()
    except ValueError:
        return []
    errors = body.get("Errors") if isinstance(body, dict) else None
    return (
        [error for error in errors if isinstance(error, dict)] if isinstance(errors, list) else []
    )


def token_refused(response: httpx.Response) -> bool:
    codes = {error.get("Code") for error in api_errors(response)}
    return response.status_code == 401 or bool(codes & CREDENTIAL_ERRORS)
