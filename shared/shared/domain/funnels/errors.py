"""The named errors of funnels and their pages, shared by the API and the queue manager."""

from shared.utilities.errors import Conflict, NotFound


class FunnelNotFound(NotFound):
    code, message = "funnel_not_found", "The funnel does not exist."


class PageNotFound(NotFound):
    code, message = "page_not_found", "The page does not exist or is not published."


class VersionNotFound(NotFound):
    code, message = "version_not_found", "The page has no such published version."


class FunnelBeingCloned(Conflict):
    code, message = "funnel_being_cloned", "The funnel is still being copied."


class PublishedMeanwhile(Conflict):
    code, message = (
        "published_meanwhile",
        "Someone published this page at the same moment: reload it and publish again.",
    )
