"""What the support inbox may refuse, each case with its own code."""

from shared.utilities.errors import Conflict, Forbidden


class NoSupportTeam(Conflict):
    """There is no team to ask: the account has no agency, or the platform has no support
    account (INTERNAL_API_SUPPORT_ACCOUNT_ID), or it is that account."""

    code, message = "no_support_team", "There is no support team to ask."


class OnTheSupportingTeam(Conflict):
    """The caller is on the team the conversation would ask: a team answers conversations,
    it does not open them with itself."""

    code, message = "on_the_supporting_team", "You are on the team this would ask."


class NotTheSupportingTeam(Forbidden):
    """Only the supporting team (users acting in the supporting account) assigns and snoozes
    support conversations and uses canned replies."""

    code, message = "not_the_supporting_team", "Only the supporting team may do this."


class NotASupportingAccount(Forbidden):
    """Canned replies are a supporting team's: an agency's, or the platform support account's."""

    code, message = "not_a_supporting_account", "This account supports no other account."


class ShortcutTaken(Conflict):
    """Another canned reply of the account has this shortcut."""

    code, message = "shortcut_taken", "Another canned reply has this shortcut."
