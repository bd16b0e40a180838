"""The lists of the providers sending no unsubscribe webhook (Constant Contact), each polled
for its unsubscribes since its last poll (`email_lists.poll`, run by the external API): the
body of the QM_EMAIL_LISTS cron."""

from shared.domain.email_lists.repository import syncs_of_providers
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import EMAIL_LISTS_POLL

POLLED_PROVIDERS = ("constant-contact",)


async def ask_polls() -> int:
    """How many polls were queued."""
    syncs = await syncs_of_providers(POLLED_PROVIDERS)
    for sync in syncs:
        enqueue_job(
            EMAIL_LISTS_POLL,
            account_id=str(sync.account_id),
            provider=sync.provider,
            sync_id=str(sync.id),
        )
    return len(syncs)
