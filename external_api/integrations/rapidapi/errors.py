from shared.utilities.errors import Conflict, ServiceUnavailable


class LeadFinderNotConfigured(ServiceUnavailable):
    """The platform has no RapidAPI key: LeadFinder is off."""

    code, message = (
        "rapidapi_not_configured",
        "LeadFinder is not configured: set EXTERNAL_API_RAPIDAPI_API_KEY.",
    )


class SearchNotDone(Conflict):
    """Businesses are saved from a finished search only."""

    code, message = "lead_search_not_done", "The search has not finished yet."
