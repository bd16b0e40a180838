"""/v1/forms/public/{form_id}/stamp: the render stamp a public form's script fetches when it
draws the form, and sends back with the submission (see `internal_api.public.spam`)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from internal_api.public.cors import ANY_ORIGIN, PublicCors
from internal_api.public.errors import OriginNotAllowed
from internal_api.public.layer import Stamps
from internal_api.public.limits import rate_limited
from internal_api.public.schemas import RenderStampRead
from shared.utilities.errors import RateLimited, error_responses

router = APIRouter(prefix="/v1/forms/public", tags=["public"])

FormId = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


@router.get(
    "/{form_id}/stamp",
    response_model=RenderStampRead,
    summary="A render stamp of the form, to send back with its submission",
    description="Without a session, from any website. A submission sent back sooner than "
    "INTERNAL_API_PUBLIC_MIN_FILL_SECONDS after its stamp, or with a forged one, is refused "
    "as spam. Rate-limited per client address.",
    dependencies=[Depends(rate_limited("render-stamp"))],
    responses=error_responses(RateLimited),
)
async def issue_render_stamp(
    form_id: FormId, cors: PublicCors, stamps: Stamps, response: Response
) -> RenderStampRead:
    cors.admit(ANY_ORIGIN)  # a stamp says only when a page drew a form
    response.headers["cache-control"] = "no-store"
    return RenderStampRead(stamp=stamps.issue(form_id))


@router.options(
    "/{form_id}/stamp",
    status_code=204,
    summary="CORS preflight of the render stamp",
    responses=error_responses(OriginNotAllowed),
)
async def render_stamp_preflight(form_id: FormId, cors: PublicCors) -> Response:
    return cors.preflight(ANY_ORIGIN, ["GET"])
