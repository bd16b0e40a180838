"""The reviews' named errors, raised wherever a review is written or asked for."""

from shared.utilities.errors import Conflict, InvalidInput, NotFound, UpstreamError


class ContactUnreachable(InvalidInput):
    """The contact has no address on the channel asked for."""

    code = "contact_unreachable"
    message = "The contact has no address on this channel."


class NoReviewPage(NotFound):
    """The location has no review page yet: make one before asking for reviews of it."""

    code = "review_page_missing"
    message = "This location has no review page yet."


class ReplyRefused(InvalidInput):
    """The provider refused the reply (its words in the message); nothing was changed."""

    code = "reply_refused"
    message = "The provider refused the reply."


class ReplyNotPossible(Conflict):
    """The review's source takes no reply from the platform (a Facebook recommendation)."""

    code = "reply_not_possible"
    message = "Replies to this review cannot be posted from the platform."


class ReviewsUnavailable(UpstreamError):
    """The external API (or the provider behind it) did not answer: nothing was changed."""

    code = "reviews_unavailable"
    message = "The review's provider cannot be reached now; try again later."
