"""An account's templates: its own over the default set, and which one a notification uses."""

from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from notifications.templates.defaults import DEFAULTS, TemplateSource
from notifications.templates.rendering import Rendered, check_syntax, render
from notifications.templates.schemas import TemplateCreate, TemplateUpdate
from shared.models.account import Account
from shared.models.notification_template import Channel, NotificationTemplate
from shared.utilities.errors import Conflict, InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository, object_id


def templates_of(account_id: str | PydanticObjectId) -> TenantRepository[NotificationTemplate]:
    return TenantRepository(NotificationTemplate, account_id)


async def list_templates(account_id: str, params: PageParams) -> Page[NotificationTemplate]:
    return await templates_of(account_id).paginate(params)


async def create_template(account_id: str, fields: TemplateCreate) -> NotificationTemplate:
    check_source(fields.channel, fields.model_dump(include={"subject", "text", "html"}))
    try:
        return await templates_of(account_id).create(**fields.model_dump())
    except DuplicateKeyError:
        raise Conflict(
            f"This account already has a {fields.channel} template for {fields.event}; "
            "change that one."
        ) from None


async def get_template(account_id: str, template_id: str) -> NotificationTemplate:
    return await templates_of(account_id).get(template_id)


async def update_template(
    account_id: str, template_id: str, changes: TemplateUpdate
) -> NotificationTemplate:
    template = await templates_of(account_id).get(template_id)
    fields = changes.model_dump(exclude_none=True)
    sources = {
        name: fields.get(name, getattr(template, name)) for name in ("subject", "text", "html")
    }
    check_source(template.channel, sources)
    for name, value in fields.items():
        setattr(template, name, value)
    await template.save_changes()
    return template


async def delete_template(account_id: str, template_id: str) -> None:
    """The account's template goes; its default (if there is one) applies again."""
    await templates_of(account_id).delete(template_id)


async def template_for(
    account_id: PydanticObjectId, event: str, channel: Channel
) -> TemplateSource:
    """The account's own template for the event on the channel, else the default."""
    stored = await NotificationTemplate.find_one(
        templates_of(account_id).scoped({"event": event, "channel": channel})
    )
    if stored:
        return TemplateSource(
            subject=stored.subject,
            text=stored.text,
            html=stored.html,
            marketing=stored.marketing,
            sensitive=stored.sensitive,
        )
    if (event, channel) in DEFAULTS:
        return DEFAULTS[event, channel]
    raise NotFound(f"There is no {channel} template for {event}.")


def check_source(channel: Channel, sources: dict[str, str]) -> None:
    if sources.get("html") and channel != Channel.EMAIL:
        raise InvalidInput(
            "Only email has an HTML body.",
            details=[{"field": "html", "message": f"not used by {channel}"}],
        )
    check_syntax({name: source for name, source in sources.items() if source})


async def account_of(account_id: str | PydanticObjectId) -> Account:
    oid = object_id(account_id)
    account = await Account.get(oid) if oid else None
    if account is None:
        raise NotFound(f"Account {account_id} does not exist.")
    return account


async def preview(account_id: str, event: str, channel: Channel, data: dict[str, Any]) -> Rendered:
    """What the event's template makes of `data` in this account (a stand-in unsubscribe link)."""
    account = await account_of(account_id)
    source = await template_for(account.id, event, channel)
    return render(source, account, data, unsubscribe_url="#unsubscribe")
