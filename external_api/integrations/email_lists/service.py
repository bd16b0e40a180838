"""A list synced with a CRM tag, whatever its provider: set up (the list watched, a first run
queued), run in the background (`email_lists.sync`, one contact or the whole tag), removed;
what each run sends goes through the provider's adapter."""

from dataclasses import dataclass

from external_api.integrations.email_lists.adapter import Connect, ListAdapter
from external_api.integrations.email_lists.members import Plan, plan_of, wanted_of
from external_api.integrations.email_lists.schemas import SyncRunRead
from external_api.integrations.framework.runtime import Integrations
from shared.domain.contacts.repository import ContactRepository
from shared.domain.email_lists.repository import ListSyncRepository, MemberRepository
from shared.models.base import utc_now
from shared.models.email_list_sync import EmailListSync, MemberStatus
from shared.utilities.errors import NotFound
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.task_names import EMAIL_LISTS_SYNC


@dataclass(frozen=True)
class EmailLists:
    provider: str
    noun: str  # what the provider calls a list, in errors: "Audience", "List"
    connect: Connect

    def syncs(self, account_id: str) -> ListSyncRepository:
        return ListSyncRepository(account_id, self.provider)

    def ask_run(self, sync: EmailListSync, contact_id: str = "") -> None:
        enqueue_job(
            EMAIL_LISTS_SYNC,
            account_id=str(sync.account_id),
            provider=self.provider,
            sync_id=str(sync.id),
            contact_id=contact_id,
        )

    async def set_up(
        self, integrations: Integrations, account_id: str, list_id: str, tag: str
    ) -> EmailListSync:
        """The list synced with `tag` (a sync already there changes tag), a whole run queued."""
        syncs = self.syncs(account_id)
        sync = await syncs.of_list(list_id)
        if sync is None:
            adapter = await self.connect(integrations, account_id)
            webhook_id = await adapter.watch(list_id)
            sync = await syncs.create(list_id=list_id, tag=tag, webhook_id=webhook_id)
        else:
            sync.tag = tag
            await sync.save()
        self.ask_run(sync)
        return sync

    async def sync_of(self, account_id: str, list_id: str) -> EmailListSync:
        sync = await self.syncs(account_id).of_list(list_id)
        if sync is None:
            raise NotFound(f"{self.noun} {list_id} is not synced.")
        return sync

    async def list_syncs(self, account_id: str, params: PageParams) -> Page[EmailListSync]:
        return await self.syncs(account_id).paginate(params)

    async def run_again(self, account_id: str, list_id: str) -> None:
        self.ask_run(await self.sync_of(account_id, list_id))

    async def remove(self, integrations: Integrations, account_id: str, list_id: str) -> None:
        """The sync gone, and its webhook; the list's members stay at the provider."""
        sync = await self.sync_of(account_id, list_id)
        if sync.webhook_id:
            adapter = await self.connect(integrations, account_id)
            await adapter.unwatch(list_id, sync.webhook_id)
        await MemberRepository(sync).forget_all()
        await sync.delete()

    async def run(
        self, integrations: Integrations, account_id: str, sync_id: str, contact_id: str
    ) -> SyncRunRead:
        sync = await self.syncs(account_id).get(sync_id)
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
        adapter = await self.connect(integrations, account_id)
        counts = await send(adapter, sync, members, plan_of(wanted, known))
        sync.last_run_at, sync.last_counts = utc_now(), counts.model_dump()
        await sync.save()
        return counts


async def send(
    adapter: ListAdapter, sync: EmailListSync, members: MemberRepository, plan: Plan
) -> SyncRunRead:
    counts = SyncRunRead()
    for batch, subscribed in ((plan.subscribe, True), (plan.unsubscribe, False)):
        if not batch:
            continue
        written = await adapter.add(sync.list_id, batch, subscribed)
        for one in batch:
            if one.email in written.refused:
                counts.refused += 1
                continue
            status = one.status
            if one.email in written.unsubscribed:
                status = MemberStatus.UNSUBSCRIBED
            # An address the provider had already gets its names on the next run.
            fields_hash = "" if one.email in written.existing else one.fields_hash
            await members.keep(one.email, status, fields_hash)
            if status is MemberStatus.UNSUBSCRIBED:
                counts.unsubscribed += 1
            else:
                counts.subscribed += 1
    for one in plan.update:
        await adapter.update(sync.list_id, one)
        await members.keep(one.email, MemberStatus.SUBSCRIBED, one.fields_hash)
        counts.updated += 1
    for email in plan.archive:
        await adapter.remove(sync.list_id, email)
        await members.forget(email)
        counts.archived += 1
    return counts
