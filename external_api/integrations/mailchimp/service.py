"""An audience synced with a CRM tag: set up (the audience's webhook made, a first run
queued), run in the background (`email_lists.sync`, one contact or the whole tag), removed."""

from collections.abc import Iterable

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.hook_tokens import hook_token
from external_api.integrations.mailchimp.client import (
    BATCH_SIZE,
    NAME,
    MailchimpClient,
    client_for,
)
from external_api.integrations.mailchimp.members import Plan, Wanted, plan_of, wanted_of
from external_api.integrations.mailchimp.schemas import SyncRunRead
from shared.domain.contacts.repository import ContactRepository
from shared.domain.email_lists.repository import ListSyncRepository, MemberRepository
from shared.models.base import utc_now
from shared.models.email_list_sync import EmailListSync, MemberStatus
from shared.utilities.errors import NotFound
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.task_names import EMAIL_LISTS_SYNC

# Mailchimp's code for an address already in the audience, which a batch not updating
# existing members leaves as it is.
EXISTS = "ERROR_CONTACT_EXISTS"


def hook_url(integrations: Integrations, account_id: str) -> str:
    settings = integrations.settings
    token = hook_token(settings.mailchimp.webhook_key.get_secret_value(), NAME, account_id)
    return f"{settings.public_url.rstrip('/')}/v1/e/{NAME}/webhooks/{account_id}/{token}"


def ask_run(sync: EmailListSync, contact_id: str = "") -> None:
    enqueue_job(
        EMAIL_LISTS_SYNC,
        account_id=str(sync.account_id),
        provider=NAME,
        sync_id=str(sync.id),
        contact_id=contact_id,
    )


async def set_up(
    integrations: Integrations, account_id: str, list_id: str, tag: str
) -> EmailListSync:
    """The audience synced with `tag` (a sync already there changes tag), a whole run queued."""
    syncs = ListSyncRepository(account_id, NAME)
    sync = await syncs.of_list(list_id)
    if sync is None:
        client = await client_for(integrations, account_id)
        webhook_id = await client.create_webhook(list_id, hook_url(integrations, account_id))
        sync = await syncs.create(list_id=list_id, tag=tag, webhook_id=webhook_id)
    else:
        sync.tag = tag
        await sync.save()
    ask_run(sync)
    return sync


async def sync_of(account_id: str, list_id: str) -> EmailListSync:
    sync = await ListSyncRepository(account_id, NAME).of_list(list_id)
    if sync is None:
        raise NotFound(f"Audience {list_id} is not synced.")
    return sync


async def list_syncs(account_id: str, params: PageParams) -> Page[EmailListSync]:
    return await ListSyncRepository(account_id, NAME).paginate(params)


async def run_again(account_id: str, list_id: str) -> None:
    ask_run(await sync_of(account_id, list_id))


async def remove(integrations: Integrations, account_id: str, list_id: str) -> None:
    """The sync and its webhook gone; the audience's members stay in Mailchimp."""
    sync = await sync_of(account_id, list_id)
    if sync.webhook_id:
        client = await client_for(integrations, account_id)
        await client.delete_webhook(list_id, sync.webhook_id)
    await MemberRepository(sync).forget_all()
    await sync.delete()


async def run(
    integrations: Integrations, account_id: str, sync_id: str, contact_id: str
) -> SyncRunRead:
    sync = await ListSyncRepository(account_id, NAME).get(sync_id)
    contacts = ContactRepository(account_id)
    members = MemberRepository(sync)
    if contact_id:
        contact = await contacts.find_by_id(contact_id)
        found = [contact] if contact else []
        wanted = wanted_of(found, sync.tag)
        known = await members.by_email({*wanted, *(contact.emails if contact else [])})
    else:
        tagged = await contacts.list({"tags": sync.tag, "deleted_at": None}, limit=0)
        wanted = wanted_of(tagged, sync.tag)
        known = await members.by_email()
    client = await client_for(integrations, account_id)
    counts = await send(client, sync, members, plan_of(wanted, known))
    sync.last_run_at, sync.last_counts = utc_now(), counts.model_dump()
    await sync.save()
    return counts


def chunks(items: list[Wanted]) -> Iterable[list[Wanted]]:
    for start in range(0, len(items), BATCH_SIZE):
        yield items[start : start + BATCH_SIZE]


async def send(
    client: MailchimpClient, sync: EmailListSync, members: MemberRepository, plan: Plan
) -> SyncRunRead:
    counts = SyncRunRead()
    for batch, update_existing in ((plan.subscribe, False), (plan.unsubscribe, True)):
        for chunk in chunks(batch):
            answer = await client.batch(
                sync.list_id, [one.member() for one in chunk], update_existing
            )
            refused = {error.get("email_address", "").lower() for error in answer.get("errors", [])}
            existing = {
                error.get("email_address", "").lower()
                for error in answer.get("errors", [])
                if error.get("error_code") == EXISTS
            }
            for one in chunk:
                if one.email in refused - existing:
                    counts.refused += 1
                    continue
                # An address Mailchimp had already gets its merge fields on the next run.
                fields_hash = "" if one.email in existing else one.fields_hash
                await members.keep(one.email, one.status, fields_hash)
                if one.status is MemberStatus.UNSUBSCRIBED:
                    counts.unsubscribed += 1
                else:
                    counts.subscribed += 1
    for one in plan.update:
        await client.update_member(sync.list_id, one.email, {"merge_fields": one.merge_fields})
        await members.keep(one.email, MemberStatus.SUBSCRIBED, one.fields_hash)
        counts.updated += 1
    for email in plan.archive:
        await client.archive_member(sync.list_id, email)
        await members.forget(email)
        counts.archived += 1
    return counts
