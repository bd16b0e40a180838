"""POST /v1/ai/generate/{kind}: a review reply, an email or SMS draft, a social post, SEO
metadata, or a summary of a conversation or of a contact's notes."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from ai_service.dependencies import MODEL_ERRORS, Metered, Provider
from ai_service.generate import service
from ai_service.generate.kinds import KINDS
from ai_service.generate.schemas import GeneratedRead
from shared.utilities.errors import InvalidInput, NotFound, error_responses

router = APIRouter(prefix="/v1/ai/generate", tags=["ai"])


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
    kind: Annotated[str, Path(pattern=r"^[a-z][a-z-]{0,39}$", description="a kind's name")],
    body: Annotated[dict[str, Any], Body()],
    meter: Metered,
    provider: Provider,
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
