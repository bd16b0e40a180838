"""Recording a change in the activity log: `record` after each change to a contact or a deal,
whichever process made it.

    changes = changes_between(before, snapshot(deal))
    await record(deal.account_id, user_id, "deal", deal.id, "updated", changes)

`actor_id` is the user who acted, None when the platform did (an automation, an import, a
provider's webhook); an OAuth app acting for the user is recorded beside them (`app_id`, from
the request's token: `shared.utilities.context.acting_app`). A change made to many records at
once is recorded with `announce=False` on each and announced once (`live.announce_contacts`).
"""

from collections.abc import Mapping, Sequence
from typing import Any

from beanie import PydanticObjectId

from shared.domain.activities import live
from shared.domain.activities.repository import ActivityRepository
from shared.models.crm_log import CrmLog, FieldChange
from shared.utilities import context
from shared.utilities.repository import object_id


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[FieldChange]:
    """Each field whose value differs, old to new (fields missing on one side count as None)."""
    return [
        FieldChange(field=field, old=before.get(field), new=after.get(field))
        for field in sorted(before.keys() | after.keys())
        if before.get(field) != after.get(field)
    ]


async def record(
    account_id: str | PydanticObjectId,
    actor_id: PydanticObjectId | None,
    entity_type: str,
    entity_id: PydanticObjectId,
    action: str,
    changes: Sequence[FieldChange] = (),
    *,
    announce: bool = True,
) -> CrmLog:
    """One entry, pushed live to the account (see `live`) unless `announce` is False."""
    entry = await ActivityRepository(account_id).create(
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        actor_id=actor_id,
        app_id=object_id(context.acting_app.get()),
        changes=list(changes),
    )
    if announce:
        live.announce(account_id, entity_type, entity_id, action, entry.changes)
    return entry
