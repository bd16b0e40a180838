"""Recording a change: the entry stored, and pushed live to the account unless told not to."""

from beanie import PydanticObjectId

from shared.domain.activities.recording import changes_between, record
from shared.models.crm_log import CrmLog, FieldChange
from shared.utilities.realtime import account_room
from tests.shared.domain.held import emitted


def test_changes_name_each_differing_field_old_to_new():
    changes = changes_between({"name": "Ada", "city": "Paris"}, {"name": "Ada L", "tags": ["vip"]})

    assert [(c.field, c.old, c.new) for c in changes] == [
        ("city", "Paris", None),
        ("name", "Ada", "Ada L"),
        ("tags", None, ["vip"]),
    ]


async def test_an_entry_is_stored_with_who_acted(outbox):
    account_id, actor, deal = PydanticObjectId(), PydanticObjectId(), PydanticObjectId()
    changes = [FieldChange(field="title", old="A", new="B")]

    entry = await record(account_id, actor, "deal", deal, "updated", changes)

    stored = await CrmLog.get(entry.id)
    assert (stored.account_id, stored.actor_id, stored.entity_id, stored.action) == (
        account_id,
        actor,
        deal,
        "updated",
    )
    assert stored.changes == changes


async def test_an_entry_is_pushed_to_the_account_naming_the_fields_not_their_values(outbox):
    account_id, contact = PydanticObjectId(), PydanticObjectId()
    changes = [FieldChange(field="emails", old=[], new=["ada@example.com"])]

    await record(account_id, None, "contact", contact, "updated", changes)

    assert emitted(outbox) == [
        ("contact:updated", {"id": str(contact), "action": "updated", "fields": ["emails"]})
    ]
    assert outbox.emits[0].room == account_room(account_id)


async def test_an_entry_recorded_unannounced_is_stored_and_not_pushed(outbox):
    entry = await record(
        PydanticObjectId(), None, "contact", PydanticObjectId(), "deleted", announce=False
    )

    assert await CrmLog.get(entry.id) is not None
    assert outbox.emits == []
