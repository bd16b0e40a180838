"""The CRM sync engine on a CRM kept in memory: import, both directions, conflicts, echoes,
deletions, and the log of each record's outcome."""

from datetime import timedelta

import pytest

from shared.domain.contacts.writing import create_contact, update_contact
from shared.domain.crm_sync.errors import SyncNotSetUp
from shared.domain.crm_sync.importing import PROGRESS_EVENT, pull
from shared.domain.crm_sync.incoming import apply_record
from shared.domain.crm_sync.outgoing import push_contact
from shared.domain.crm_sync.run import SyncRun
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.crm_sync_connection import ConflictPolicy, DeletionPolicy, ImportStatus
from shared.models.crm_sync_link import CrmSyncLink
from shared.models.crm_sync_log import CrmSyncLogEntry, SyncOutcome
from shared.utilities.task_names import CRM_SYNC_PUSH
from tests.factories import create_account
from tests.shared.domain.contacts.factories import platform_of
from tests.shared.domain.crm_sync.memory_crm import MemoryCrm, sync_run
from tests.shared.domain.held import emitted, recording


@pytest.fixture
async def author(mongo):
    return platform_of(await create_account())


def pushes(outbox) -> list[dict]:
    return [job.kwargs for job in outbox.jobs if job.name == CRM_SYNC_PUSH.name]


async def outcomes(author) -> list[str]:
    entries = (
        await CrmSyncLogEntry.find({"account_id": author.account_id}).sort("created_at").to_list()
    )
    return [entry.outcome.value for entry in entries]


async def linked(author, crm: MemoryCrm, external_id: str = "r1", **fields) -> SyncRun:
    """An account syncing with the CRM, the record imported as a contact."""
    run = await sync_run(author, crm, **fields)
    await apply_record(
        run, crm.put(external_id, first="Ada", last="Lovelace", email="ada@example.com")
    )
    return run


async def contact_of(crm_link_id: str) -> Contact:
    link = await CrmSyncLink.find_one({"external_id": crm_link_id})
    return await Contact.get(link.contact_id)


async def test_the_initial_import_creates_each_record_and_reports_progress_per_page(author):
    crm = MemoryCrm(page_size=2)
    for n in range(3):
        crm.put(f"r{n}", utc_now() + timedelta(seconds=n), first=f"P{n}", email=f"p{n}@example.com")
    run = await sync_run(author, crm)

    async with recording() as sent:
        applied = await pull(run)

    assert applied == 3
    names = sorted(
        c.first_name for c in await Contact.find({"account_id": author.account_id}).to_list()
    )
    assert names == ["P0", "P1", "P2"]
    progress = [data for event, data in emitted(sent) if event == PROGRESS_EVENT]
    assert [(p["status"], p["imported"]) for p in progress] == [("running", 2), ("done", 3)]
    assert run.connection.import_status is ImportStatus.DONE
    assert await outcomes(author) == ["created"] * 3


async def test_an_incoming_change_updates_the_linked_contact(author, outbox):
    crm = MemoryCrm()
    run = await linked(author, crm)
    await pull(run)  # the import done, the cursor set

    crm.changed_later("r1", first="Augusta")
    await pull(run)

    assert (await contact_of("r1")).first_name == "Augusta"
    assert (await outcomes(author))[-1] == "updated"


async def test_a_change_written_by_the_sync_is_not_pushed_back(author, outbox):
    crm = MemoryCrm()

    run = await linked(author, crm)
    outcome = await push_contact(run, (await contact_of("r1")).id)

    assert pushes(outbox) == []
    assert outcome is SyncOutcome.UNCHANGED
    assert crm.calls == []


async def test_a_platform_change_is_queued_and_pushed_to_the_crm(author, outbox):
    crm = MemoryCrm()
    run = await sync_run(author, crm)
    contact = await create_contact(author, {"first_name": "Grace", "emails": ["grace@example.com"]})

    queued = pushes(outbox)
    outcome = await push_contact(run, queued[0]["contact_id"])

    assert queued == [
        {"account_id": str(author.account_id), "provider": "memory", "contact_id": str(contact.id)}
    ]
    assert outcome is SyncOutcome.CREATED
    assert crm.calls == [("create", {"first": "Grace", "last": "", "email": "grace@example.com"})]
    link = await CrmSyncLink.find_one({"contact_id": contact.id})
    assert crm.records[link.external_id].fields["first"] == "Grace"


async def test_the_crm_echo_of_a_pushed_change_writes_nothing(author, outbox):
    crm = MemoryCrm()
    run = await linked(author, crm)
    contact = await contact_of("r1")
    await update_contact(author, contact, {"first_name": "Augusta"})
    await push_contact(run, contact.id)
    before = (await Contact.get(contact.id)).updated_at

    outcome = await apply_record(run, crm.records["r1"])  # the CRM's webhook for our own write

    assert outcome is SyncOutcome.UNCHANGED
    assert (await Contact.get(contact.id)).updated_at == before


async def changed_on_both_sides(author, crm, policy: ConflictPolicy, crm_later: bool):
    run = await linked(author, crm, conflict_policy=policy)
    contact = await contact_of("r1")
    await update_contact(author, contact, {"first_name": "Platform"})
    shift = timedelta(minutes=5) if crm_later else -timedelta(minutes=5)
    record = crm.put("r1", utc_now() + shift, **{**crm.records["r1"].fields, "first": "Crm"})
    return run, contact, record


async def test_platform_wins_keeps_the_contact_when_both_sides_changed(author, outbox):
    crm = MemoryCrm()
    run, contact, record = await changed_on_both_sides(
        author, crm, ConflictPolicy.PLATFORM_WINS, True
    )
    outbox.jobs.clear()

    outcome = await apply_record(run, record)

    assert outcome is SyncOutcome.CONFLICT_LOST
    assert (await Contact.get(contact.id)).first_name == "Platform"
    assert [p["contact_id"] for p in pushes(outbox)] == [str(contact.id)]  # pushed back


async def test_last_writer_wins_takes_the_crm_change_made_later(author, outbox):
    crm = MemoryCrm()
    run, contact, record = await changed_on_both_sides(
        author, crm, ConflictPolicy.LAST_WRITER_WINS, True
    )

    outcome = await apply_record(run, record)

    assert outcome is SyncOutcome.UPDATED
    assert (await Contact.get(contact.id)).first_name == "Crm"


async def test_last_writer_wins_keeps_the_platform_change_made_later(author, outbox):
    crm = MemoryCrm()
    run, contact, record = await changed_on_both_sides(
        author, crm, ConflictPolicy.LAST_WRITER_WINS, False
    )

    outcome = await apply_record(run, record)

    assert outcome is SyncOutcome.CONFLICT_LOST
    assert (await Contact.get(contact.id)).first_name == "Platform"


async def test_a_crm_deletion_is_mirrored_when_the_account_chose_so(author, outbox):
    crm = MemoryCrm()
    run = await linked(author, crm, deletions=DeletionPolicy.MIRROR)
    contact = await contact_of("r1")

    outcome = await apply_record(run, crm.deleted("r1"))

    assert outcome is SyncOutcome.DELETED
    assert (await Contact.get(contact.id)).deleted_at is not None
    assert pushes(outbox) == []  # not echoed back as a deletion


async def test_a_crm_deletion_is_kept_out_when_the_account_keeps_contacts(author, outbox):
    crm = MemoryCrm()
    run = await linked(author, crm, deletions=DeletionPolicy.KEEP)
    contact = await contact_of("r1")

    outcome = await apply_record(run, crm.deleted("r1"))

    assert outcome is SyncOutcome.DELETION_KEPT
    assert (await Contact.get(contact.id)).deleted_at is None


async def test_a_platform_deletion_deletes_the_crm_record_when_mirrored(author, outbox):
    from shared.domain.contacts.writing import delete_contact

    crm = MemoryCrm()
    run = await linked(author, crm, deletions=DeletionPolicy.MIRROR)
    contact = await contact_of("r1")
    await delete_contact(author, contact)

    outcome = await push_contact(run, contact.id)

    assert outcome is SyncOutcome.DELETED
    assert crm.calls == [("delete", "r1")]
    assert "r1" not in crm.records


async def test_a_record_the_write_path_refuses_is_logged_and_changes_nothing(author, outbox):
    crm = MemoryCrm()
    run = await sync_run(author, crm)

    outcome = await apply_record(run, crm.put("bad", first="X", email="not-an-email"))

    assert outcome is SyncOutcome.FAILED
    assert await Contact.find({"account_id": author.account_id}).count() == 0
    assert await CrmSyncLink.find({"account_id": author.account_id}).count() == 0


async def test_another_accounts_sync_is_not_found(author, outbox):
    crm = MemoryCrm()
    await sync_run(author, crm)
    other = platform_of(await create_account(name="Other"))

    with pytest.raises(SyncNotSetUp) as raised:
        await SyncRun.start(crm, other)

    assert raised.value.status_code == 404


async def test_a_crm_change_to_a_contact_deleted_here_is_not_applied(author, outbox):
    from shared.domain.contacts.writing import delete_contact

    crm = MemoryCrm()
    run = await linked(author, crm, deletions=DeletionPolicy.KEEP)
    contact = await contact_of("r1")
    await delete_contact(author, contact)

    outcome = await apply_record(run, crm.changed_later("r1", first="Augusta"))

    assert outcome is SyncOutcome.DELETION_KEPT
    assert await Contact.find({"account_id": author.account_id}).count() == 1
    assert (await Contact.get(contact.id)).first_name == "Ada"


async def test_a_push_the_crm_refuses_is_logged_and_links_nothing(author, outbox):
    crm = MemoryCrm()
    run = await sync_run(author, crm)
    contact = await create_contact(author, {"first_name": "Grace", "emails": ["g@example.com"]})
    crm.refusal = "Contact already exists. Existing ID: 901"

    outcome = await push_contact(run, contact.id)

    assert outcome is SyncOutcome.FAILED
    assert await CrmSyncLink.find({"contact_id": contact.id}).count() == 0
    entry = await CrmSyncLogEntry.find_one({"contact_id": contact.id})
    assert entry.detail == "Contact already exists. Existing ID: 901"
