"""What an account's lifecycle refuses: sessions acting in an account that is not active (on
every service: the router, the sockets), and a change its status does not allow."""

from shared.models.account import AccountStatus
from shared.utilities.errors import Conflict, Forbidden


class AccountSuspended(Forbidden):
    """The session acts in a suspended account; it may still switch to another one."""

    code, message = (
        "account_suspended",
        "This account is suspended; switch to another account or contact your agency.",
    )


class AccountDeleted(Forbidden):
    """The session acts in a deleted account; it may still switch to another one."""

    code, message = (
        "account_deleted",
        "This account is deleted; switch to another account or contact your agency.",
    )


# The refusal of a session acting in an account of each status but active.
CLOSED: dict[AccountStatus, type[Forbidden]] = {
    AccountStatus.SUSPENDED: AccountSuspended,
    AccountStatus.DELETED: AccountDeleted,
}


class AlreadySuspended(Conflict):
    code, message = "already_suspended", "The account is suspended already."


class NotSuspended(Conflict):
    code, message = "not_suspended", "The account is not suspended."


class AlreadyDeleted(Conflict):
    """Deleted accounts are restored first, then changed."""

    code, message = "already_deleted", "The account is deleted; restore it first."


class NotDeleted(Conflict):
    code, message = "not_deleted", "The account is not deleted."


class RestorePeriodOver(Conflict):
    """Deleted longer ago than the restore period: it is being purged."""

    code, message = (
        "restore_period_over",
        "The account was deleted too long ago to be restored.",
    )
