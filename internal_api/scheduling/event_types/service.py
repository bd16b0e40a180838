"""Event types: made, changed and archived by the account's users; each host a user of the
account booked by one of their own schedules."""

from collections.abc import Sequence

from beanie import PydanticObjectId

from internal_api.scheduling.errors import InvalidHosts
from internal_api.scheduling.event_types.repository import EventTypeRepository
from internal_api.scheduling.event_types.schemas import EventTypeCreate, EventTypeUpdate
from shared.domain.accounts.users import users_among
from shared.domain.scheduling.repository import ScheduleRepository
from shared.models.base import utc_now
from shared.models.event_type import EventType, EventTypeKind, Host
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput
from shared.utilities.pagination import Page, PageParams


async def create_event_type(principal: Principal, body: EventTypeCreate) -> EventType:
    event_type = EventType(account_id=principal.account_id, **body.model_dump())
    await check_hosts(event_type.account_id, event_type.hosts)
    return await event_type.insert()


async def list_event_types(
    principal: Principal, params: PageParams, archived: bool
) -> Page[EventType]:
    return await EventTypeRepository(principal.account_id).listed(params, archived)


async def get_event_type(principal: Principal, event_type_id: str) -> EventType:
    return await EventTypeRepository(principal.account_id).get(event_type_id)


async def update_event_type(
    principal: Principal, event_type_id: str, body: EventTypeUpdate
) -> EventType:
    event_type = await get_event_type(principal, event_type_id)
    changed = EventType.model_validate(
        {**event_type.model_dump(), **body.model_dump(include=body.model_fields_set)}
    )
    if changed.kind is EventTypeKind.ONE_ON_ONE and len(changed.hosts) != 1:
        raise InvalidInput(
            "A one-on-one event type has one host.",
            details=[{"field": "hosts", "message": "one host"}],
        )
    if "hosts" in body.model_fields_set:
        await check_hosts(event_type.account_id, changed.hosts)
    for name in body.model_fields_set:
        setattr(event_type, name, getattr(changed, name))
    await event_type.save()
    return event_type


async def archive_event_type(principal: Principal, event_type_id: str) -> None:
    """Kept with its bookings; its public pages answer 404 from now on."""
    event_type = await get_event_type(principal, event_type_id)
    if event_type.archived_at is None:
        event_type.archived_at = utc_now()
        await event_type.save()


async def check_hosts(account_id: PydanticObjectId, hosts: Sequence[Host]) -> None:
    """Every host a user of the account, booked by a schedule of their own."""
    users = await users_among(account_id, [host.user_id for host in hosts])
    schedules = await ScheduleRepository(account_id).by_ids(host.schedule_id for host in hosts)
    details = []
    for index, host in enumerate(hosts):
        schedule = schedules.get(host.schedule_id)
        if host.user_id not in users:
            details.append({"field": f"hosts.{index}.user_id", "message": "not a user here"})
        elif schedule is None or schedule.user_id != host.user_id:
            details.append({"field": f"hosts.{index}.schedule_id", "message": "not theirs"})
    if details:
        raise InvalidHosts(details=details)
