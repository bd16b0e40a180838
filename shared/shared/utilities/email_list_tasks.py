"""The email-marketing lists' tasks (`shared.domain.email_lists`), declared with the others
through `shared.utilities.task_names`, which imports them (it holds no more)."""

from shared.utilities.task_registry import NoArguments, TaskArguments, declare


class EmailListSyncArguments(TaskArguments):
    account_id: str
    provider: str  # the email-marketing integration's name: mailchimp, constant-contact
    sync_id: str
    contact_id: str = ""  # one contact's change; empty: every contact of the sync's tag


# Email-marketing lists kept in sync with CRM tags (`shared.domain.email_lists`): a contact's
# change, or the whole tag (a sync set up, or asked again), pushed to the list by the external
# API on the account's connection.
EMAIL_LISTS_SYNC = declare("email_lists.sync", EmailListSyncArguments)


class EmailListPollArguments(TaskArguments):
    account_id: str
    provider: str  # a provider sending no unsubscribe webhook: constant-contact
    sync_id: str


# The lists of providers sending no unsubscribe webhook, polled for the unsubscribes since the
# last poll (the cron, then one poll for each list), applied as opt-outs by the external API.
EMAIL_LISTS_POLL_ALL = declare("email_lists.poll_all", NoArguments)
EMAIL_LISTS_POLL = declare("email_lists.poll", EmailListPollArguments)
