"""What an account sets up for its reviews: reply templates, reputation settings (alerts,
digest, auto-reply, the requests' window) and its locations' review pages with their tracked
short links."""

import secrets

from beanie import PydanticObjectId

from internal_api.reviews.errors import TemplateNotApproved
from internal_api.reviews.repository import (
    LocationRepository,
    PageRepository,
    TemplateRepository,
    stored_settings,
)
from internal_api.reviews.schemas import PageWrite, SettingsWrite, TemplateCreate, TemplateUpdate
from internal_api.url_shortener.platform_links import platform_link
from internal_api.url_shortener.service import Shortener
from shared.domain.accounts.users import require_users
from shared.models.reputation_settings import ReputationSettings
from shared.models.review_page import ReviewPage
from shared.models.review_reply_template import ReviewReplyTemplate
from shared.models.short_link import UtmParameters
from shared.utilities.auth import Principal
from shared.utilities.errors import Forbidden
from shared.utilities.pagination import Page, PageParams

APPROVER_SCOPE = "account:write"


def check_may_approve(principal: Principal, approved: bool | None) -> None:
    if approved and not principal.has_scopes(APPROVER_SCOPE):
        raise Forbidden("Only the account's admins approve templates for auto-replies.")


async def create_template(principal: Principal, body: TemplateCreate) -> ReviewReplyTemplate:
    check_may_approve(principal, body.approved)
    return await TemplateRepository(principal.account_id).create(**body.model_dump())


async def list_templates(principal: Principal, params: PageParams) -> Page[ReviewReplyTemplate]:
    return await TemplateRepository(principal.account_id).paginate(params)


async def update_template(
    principal: Principal, template_id: str, body: TemplateUpdate
) -> ReviewReplyTemplate:
    check_may_approve(principal, body.approved)
    template = await TemplateRepository(principal.account_id).get(template_id)
    for field in body.model_fields_set:
        if (value := getattr(body, field)) is not None:
            setattr(template, field, value)
    await template.save()
    return template


async def delete_template(principal: Principal, template_id: str) -> None:
    await TemplateRepository(principal.account_id).delete(template_id)


async def read_settings(principal: Principal) -> ReputationSettings:
    account_id = PydanticObjectId(principal.account_id)
    return await stored_settings(account_id) or ReputationSettings(account_id=account_id)


async def write_settings(principal: Principal, body: SettingsWrite) -> ReputationSettings:
    """Alerted and digest users are the account's; an auto-reply template is an approved one
    of its own. All checked before anything is saved."""
    account_id = PydanticObjectId(principal.account_id)
    fields = {
        **body.model_dump(),
        "alert_user_ids": await require_users(account_id, body.alert_user_ids, "alert_user_ids"),
        "digest_user_ids": await require_users(account_id, body.digest_user_ids, "digest_user_ids"),
    }
    if body.auto_reply_template_id is not None:
        template = await TemplateRepository(account_id).get(body.auto_reply_template_id)
        if not template.approved:
            raise TemplateNotApproved(
                details=[{"field": "auto_reply_template_id", "message": "not approved"}]
            )
        fields["auto_reply_template_id"] = template.id
    settings = await read_settings(principal)
    for field, value in fields.items():
        setattr(settings, field, value)
    await settings.save()
    return settings


async def write_page(
    principal: Principal,
    location_id: str,
    body: PageWrite,
    shortener: Shortener,
    page_url: str,
) -> ReviewPage:
    """The location's review page, made with its short link the first time (the link stays
    the same when the page changes: it is printed and sent)."""
    location = await LocationRepository(principal.account_id).get(location_id)
    assert location.id is not None, "a stored location"
    pages = PageRepository(principal.account_id)
    page = await pages.of_location(location.id)
    if page is not None:
        for field, value in body.model_dump().items():
            setattr(page, field, value)
        await page.save()
        return page
    token = secrets.token_urlsafe(16)
    utm = UtmParameters(source="review-request", medium="referral", campaign="reviews")
    link = await platform_link(
        shortener,
        principal.account_id,
        principal.sub,
        page_url + token,
        f"Reviews: {body.title}",
        utm,
    )
    return await pages.create(
        location_id=location.id,
        token=token,
        short_link_id=link.id,
        short_url=shortener.short_url(link),
        **body.model_dump(),
    )


async def list_pages(principal: Principal, params: PageParams) -> Page[ReviewPage]:
    return await PageRepository(principal.account_id).paginate(params)
