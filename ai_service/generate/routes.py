"""POST /v1/ai/generate/{kind}: a review reply, an email or SMS draft, a social post, SEO
metadata, or a summary of a conversation or of a contact's notes."""

from typing import Annotated, Any

from beanie import PydanticObjectId
from fastapi import APIRouter, Body, Depends, Path, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from ai_service.dependencies import MODEL_ERRORS, Metered, Provider, Settings, limits_of
from ai_service.generate import service
from ai_service.generate.kinds import KINDS
from ai_service.generate.schemas import GeneratedRead
from ai_service.provider import ChatProvider
from ai_service.usage.limits import Meter
from shared.domain.accounts.repository import account as account_of
from shared.utilities.auth import Principal, TokenKind, requires_service
from shared.utilities.errors import InvalidInput, NotFound, error_responses

router = APIRouter(prefix="/v1/ai/generate", tags=["ai"])
KindName = Annotated[str, Path(pattern=r"^[a-z][a-z-]{0,39}$", description="a kind's name")]
AccountId = Annotated[str, Path(pattern=r"^[0-9a-f]{24}$", description="24 hex digits")]
ServiceCaller = Annotated[Principal, Depends(requires_service("internal_api"))]


@router.post(
    "/{kind}",
    summary="Write one kind of text from typed inputs, as JSON in that kind's shape",
    description="Kinds: "
    + ", ".join(f"`{name}`" for name in KINDS)
    + ". Each takes its own fields in the body; the answer's `result` has the kind's "
    "fields (for `seo-meta`: `title` and `meta_description`) and `prompt_version` names the "
    "prompt template used.",
    responses=error_responses(*MODEL_ERRORS, NotFound, InvalidInput),
)
async def generate(
    kind: KindName, body: Annotated[dict[str, Any], Body()], meter: Metered, provider: Provider
) -> GeneratedRead:
    return await generated(kind, body, meter, provider)


async def generated(
    kind: str, body: dict[str, Any], meter: Meter, provider: ChatProvider
) -> GeneratedRead:
    found = service.find_kind(kind)
    try:
        inputs = found.inputs.model_validate(body)
    except ValidationError as error:
        # Answered like any other bad body: 422 naming each field under `body`.
        raise RequestValidationError(
            [{**item, "loc": ("body", *item["loc"])} for item in error.errors()]
        ) from None
    generated = await service.generate(provider, meter, found, inputs)
    return GeneratedRead(
        kind=found.name,
        prompt_version=found.prompt_version,
        model=generated.completion.model,
        result=generated.result.model_dump(),
        usage=generated.completion.usage,
    )


async def metered_for_account(
    request: Request, account_id: AccountId, caller: ServiceCaller, settings: Settings
) -> Meter:
    """A sibling's request for one account: counted against that account's and its agency's
    limits, exactly as its users' own requests are."""
    account = await account_of(PydanticObjectId(account_id))
    if account is None:
        raise NotFound(f"Account {account_id} does not exist.")
    principal = Principal(
        kind=TokenKind.SERVICE,
        sub=caller.sub,
        account_id=account_id,
        agency_id=str(account.agency_id),
    )
    meter = Meter(request.app.state.quotas, limits_of(settings), principal)
    await meter.count_request()
    return meter


@router.post(
    "/accounts/{account_id}/{kind}",
    summary="Write one kind of text for an account (services only: the internal API's drafts)",
    description="As `POST /v1/ai/generate/{kind}`, for the account named in the path, with the "
    "internal API's service token: its review replies' drafts are written here, never by "
    "importing this service.",
    responses=error_responses(*MODEL_ERRORS, NotFound, InvalidInput),
)
async def generate_for_account(
    kind: KindName,
    body: Annotated[dict[str, Any], Body()],
    meter: Annotated[Meter, Depends(metered_for_account)],
    provider: Provider,
) -> GeneratedRead:
    return await generated(kind, body, meter, provider)
