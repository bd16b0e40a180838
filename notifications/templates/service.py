"""An account's templates: its own over the default set, and which one a notification uses.

Saving a template checks its syntax and renders it once with stand-in data, so a template over
a limit whatever its data (a loop of loops, `'x' * 10**9`) is refused then; one over a limit
with some data only fails the delivery that sends it.
"""

from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from notifications.settings import NotificationsSettings
from notifications.templates.defaults import (
    DEFAULT_TEMPLATES,
    DEFAULTS,
    DefaultTemplate,
    TemplateSource,
)
from notifications.templates.errors import (
    HtmlNotForChannel,
    MissingVariables,
    TemplateExists,
    TemplateNotFound,
    TemplateOverLimit,
)
from notifications.templates.rendering import (
    Rendered,
    TemplateRenderer,
    check_syntax,
    context_for,
)
from notifications.templates.repository import TemplateRepository
from notifications.templates.schemas import TemplateCreate, TemplateUpdate
from notifications.templates.variables import variables_of
from notifications.unsubscribe.service import UNSUBSCRIBE_PATH
from shared.domain.accounts import repository as accounts
from shared.domain.accounts.locale import locale_of
from shared.models.account import Account
from shared.models.notification_template import Channel, NotificationTemplate
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import object_id

SOURCE_FIELDS = ("subject", "text", "html")
# What a template is tried with when saved: no account's data, nothing sent.
STAND_IN_BRAND = {
    "name": "Brand",
    "logo_url": "https://example.com/logo.png",
    "custom_domain": "example.com",
    "primary_color": "#1f2937",
    "secondary_color": "#6b7280",
}
STAND_IN_VALUE = "sample"


async def list_templates(account_id: str, params: PageParams) -> Page[NotificationTemplate]:
    return await TemplateRepository(account_id).paginate(params)


def default_templates() -> tuple[DefaultTemplate, ...]:
    return DEFAULT_TEMPLATES


async def create_template(
    renderer: TemplateRenderer, account_id: str, fields: TemplateCreate
) -> NotificationTemplate:
    await check_source(renderer, fields.channel, fields.model_dump(include=set(SOURCE_FIELDS)))
    try:
        return await TemplateRepository(account_id).create(**fields.model_dump())
    except DuplicateKeyError:
        raise TemplateExists(
            f"This account already has a {fields.channel} template for {fields.event}; "
            "change that one."
        ) from None


async def get_template(account_id: str, template_id: str) -> NotificationTemplate:
    return await TemplateRepository(account_id).get(template_id)


async def update_template(
    renderer: TemplateRenderer, account_id: str, template_id: str, changes: TemplateUpdate
) -> NotificationTemplate:
    template = await TemplateRepository(account_id).get(template_id)
    fields = changes.model_dump(exclude_none=True)
    sources = {name: fields.get(name, getattr(template, name)) for name in SOURCE_FIELDS}
    await check_source(renderer, template.channel, sources)
    for name, value in fields.items():
        setattr(template, name, value)
    await template.save_changes()
    return template


async def delete_template(account_id: str, template_id: str) -> None:
    """The account's template goes; its default (if there is one) applies again."""
    await TemplateRepository(account_id).delete(template_id)


async def template_for(
    account_id: str | PydanticObjectId, event: str, channel: Channel
) -> TemplateSource:
    """The account's own template for the event on the channel, else the default."""
    stored = await TemplateRepository(account_id).for_event(event, channel)
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
    raise TemplateNotFound(f"There is no {channel} template for {event}.")


def require_variables(source: TemplateSource, data: dict[str, Any]) -> None:
    """Refuses data missing any variable the template requires, naming every one."""
    required = variables_of(source.subject, source.text, source.html).required
    if missing := [name for name in required if name not in data]:
        raise MissingVariables(missing)


async def check_source(
    renderer: TemplateRenderer, channel: Channel, sources: dict[str, str]
) -> None:
    if sources.get("html") and channel != Channel.EMAIL:
        raise HtmlNotForChannel(details=[{"field": "html", "message": f"not used by {channel}"}])
    check_syntax({name: source for name, source in sources.items() if source})
    await check_limits(renderer, sources)


async def check_limits(renderer: TemplateRenderer, sources: dict[str, str]) -> None:
    """Renders the sources once with a stand-in for every variable: a limit they go over is
    refused; any other failure depends on the data senders give, and is theirs to meet."""
    variables = variables_of(*sources.values())
    stand_ins = dict.fromkeys(variables.required + variables.optional, STAND_IN_VALUE)
    context = {**stand_ins, "brand": STAND_IN_BRAND, "unsubscribe_url": "https://example.com/u"}
    try:
        source = TemplateSource(
            subject=sources["subject"], text=sources["text"], html=sources["html"]
        )
        await renderer.render(source, context, time_zone="UTC")
    except TemplateOverLimit as error:
        # Said of the body's field, or of the whole template (a render out of time).
        location = "body" if error.field in SOURCE_FIELDS else ""
        raise TemplateOverLimit(error.field, error.reason, location) from None
    except InvalidInput:
        return


async def account_of(account_id: str | PydanticObjectId) -> Account:
    oid = object_id(account_id)
    account = await accounts.account(oid) if oid else None
    if account is None:
        raise NotFound(f"Account {account_id} does not exist.")
    return account


async def preview(
    renderer: TemplateRenderer,
    settings: NotificationsSettings,
    account_id: str,
    event: str,
    channel: Channel,
    data: dict[str, Any],
) -> Rendered:
    """What the event's template makes of `data` in this account (a stand-in unsubscribe link,
    which unsubscribes nobody)."""
    account = await account_of(account_id)
    source = await template_for(str(account.id), event, channel)
    require_variables(source, data)
    link = f"{settings.public_url.rstrip('/')}{UNSUBSCRIBE_PATH}preview"
    time_zone = locale_of(account, settings).time_zone
    return await renderer.render(source, context_for(account, data, link), time_zone)
