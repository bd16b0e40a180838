"""What the admin refuses, each case with its own code."""

from shared.utilities.errors import Conflict, Forbidden, ServiceUnavailable


class OperatorOnly(Forbidden):
    """The admin is for the platform's operators, a role no account membership grants."""

    code, message = "operator_only", "Only the platform's operators may do this."


class OperatorNotImpersonated(Forbidden):
    """An operator is never viewed as by another: their power would pass into the view."""

    code, message = "operator_not_impersonated", "Platform operators cannot be impersonated."


class AlreadyRedriven(Conflict):
    """The queue manager's answer: the dead task was sent again and has not died since."""

    code, message = "dead_letter_redriven", "The task was redriven already and is no longer dead."


class AlreadyWithdrawn(Conflict):
    code, message = "announcement_withdrawn", "The announcement is withdrawn already."


class QueueManagerUnavailable(ServiceUnavailable):
    """The queue manager did not answer, or answered an error of its own."""

    code, message = "queue_manager_unavailable", "The queue manager could not be reached."
