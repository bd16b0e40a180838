"""The reviews module's own errors (those any process raises: `shared.domain.reviews.errors`)."""

from shared.utilities.errors import Conflict, InvalidInput, NotFound


class TemplateNotApproved(InvalidInput):
    """Only an approved template may reply without a person."""

    code = "template_not_approved"
    message = "This template is not approved for auto-replies."


class ReviewPageNotFound(NotFound):
    """No review page has this link (or it was replaced)."""

    code = "review_page_not_found"
    message = "This review page does not exist."


class FeedbackNotAsked(Conflict):
    """Feedback follows an unhappy first answer, once."""

    code = "feedback_not_asked"
    message = "This answer takes no feedback."


class ProviderNotConnected(Conflict):
    """The account has not connected the provider this needs (Google, Tipalti)."""

    code = "not_connected"
    message = "The account has not connected this provider."


class ProviderReconnectNeeded(Conflict):
    """The provider refused the account's stored connection: connect it again."""

    code = "reconnect_needed"
    message = "The provider refused the stored connection; connect it again."
