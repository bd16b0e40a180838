"""Availability schedules: made, changed and deleted by their user, or by an owner or admin
for anyone of the account; listed for everyone signed in."""

from beanie import PydanticObjectId

from internal_api.scheduling.auth import ACCOUNT_ADMIN
from internal_api.scheduling.availability.repository import Schedules
from internal_api.scheduling.availability.schemas import ScheduleCreate, ScheduleUpdate
from internal_api.scheduling.errors import NotYourSchedule, ScheduleInUse
from internal_api.scheduling.query import query_id
from shared.domain.accounts.users import require_users
from shared.models.availability_schedule import AvailabilitySchedule
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


def check_manages(principal: Principal, user_id: PydanticObjectId) -> None:
    if str(user_id) != principal.sub and not principal.has_scopes(ACCOUNT_ADMIN):
        raise NotYourSchedule()


async def create_schedule(principal: Principal, body: ScheduleCreate) -> AvailabilitySchedule:
    [user_id] = await require_users(
        principal.account_id, [body.user_id or principal.sub], "user_id"
    )
    check_manages(principal, user_id)
    fields = body.model_dump(exclude={"user_id"})
    return await Schedules(principal.account_id).create(user_id=user_id, **fields)


async def list_schedules(
    principal: Principal, params: PageParams, user_id: str | None
) -> Page[AvailabilitySchedule]:
    return await Schedules(principal.account_id).listed(params, query_id(user_id, "user_id"))


async def get_schedule(principal: Principal, schedule_id: str) -> AvailabilitySchedule:
    return await Schedules(principal.account_id).get(schedule_id)


async def update_schedule(
    principal: Principal, schedule_id: str, body: ScheduleUpdate
) -> AvailabilitySchedule:
    schedule = await get_schedule(principal, schedule_id)
    check_manages(principal, schedule.user_id)
    changed = AvailabilitySchedule.model_validate(
        {**schedule.model_dump(), **body.model_dump(include=body.model_fields_set)}
    )
    for name in body.model_fields_set:
        setattr(schedule, name, getattr(changed, name))
    await schedule.save()
    return schedule


async def delete_schedule(principal: Principal, schedule_id: str) -> None:
    schedule = await get_schedule(principal, schedule_id)
    check_manages(principal, schedule.user_id)
    schedules = Schedules(principal.account_id)
    assert schedule.id is not None
    if await schedules.in_use(schedule.id):
        raise ScheduleInUse()
    await schedule.delete()
