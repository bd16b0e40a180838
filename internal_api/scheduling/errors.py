"""What managing scheduling may refuse, each case with its own code."""

from shared.utilities.errors import Conflict, Forbidden, InvalidInput


class NotYourSchedule(Forbidden):
    """A member manages their own schedules only; an owner or admin anyone's."""

    code, message = "not_your_schedule", "You may manage only your own schedules."


class ScheduleInUse(Conflict):
    """An event type books its host by this schedule: change the event type first."""

    code, message = "schedule_in_use", "An event type uses this schedule."


class InvalidHosts(InvalidInput):
    """A host is no user of the account, or their schedule is not theirs: `details` name
    each."""

    code, message = "invalid_hosts", "Some hosts cannot host this event type."
