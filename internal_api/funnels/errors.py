"""The funnels API's named errors (those the queue manager shares are in
`shared.domain.funnels.errors`)."""

from shared.utilities.errors import Conflict, InvalidInput, NotFound


class SlugTaken(Conflict):
    code, message = "slug_taken", "Another step of the funnel has this slug."


class StepsNotMatching(InvalidInput):
    code, message = "steps_not_matching", "Name every step of the funnel once, in the new order."


class LastStep(Conflict):
    code, message = "last_step", "A funnel keeps at least one step."


class StepNotFound(NotFound):
    code, message = "step_not_found", "The funnel has no such step."


class TargetAccountNotFound(NotFound):
    code, message = "target_account_not_found", "No account of the agency has this id."


class CloneNotFound(NotFound):
    code, message = "clone_not_found", "The clone does not exist."
