"""What the support crons do, for every supporting account (they act for the platform):

- `reopen_due_snoozes` (QM_SUPPORT_SNOOZE): each snoozed conversation whose time has come is
  open again, by a conditional update on the snooze as it was read: a second run, a retried
  one, or one racing another replica opens it once (and a snooze moved meanwhile stands);
- `flag_waiting` (QM_SUPPORT_COMMUNICATION_CHECK): each open conversation whose customer has
  waited longer than `wait` for an answer is flagged overdue, claimed by a conditional update
  on that wait, and its assignee (or team) told once; a new wait, after an answer, is flagged
  again.

What each conversation sets off is sent before the next is read (`flush`), so a failure later
in a run loses nothing already done.
"""

from datetime import datetime, timedelta

from shared.domain.support import events, inbox, repository
from shared.domain.support.notices import tell_team_of_wait
from shared.utilities.outbox import flush


async def reopen_due_snoozes(now: datetime, limit: int) -> int:
    """How many were opened again."""
    reopened = 0
    for conversation in await repository.snoozes_due(now, limit):
        if await inbox.wake(conversation):
            await flush()
            reopened += 1
    return reopened


async def flag_waiting(now: datetime, wait: timedelta, limit: int) -> int:
    """How many were flagged."""
    flagged = 0
    for conversation in await repository.waiting_since_before(now - wait, limit):
        assert conversation.support is not None, "a support conversation"
        this_wait = {"awaiting_reply_since": conversation.support.awaiting_reply_since}
        claim = {**this_wait, "overdue_since": None}
        if await repository.change_state(conversation, {"overdue_since": now}, claim):
            await tell_team_of_wait(conversation, now)
            events.announce(conversation, "overdue")
            await flush()
            flagged += 1
    return flagged
