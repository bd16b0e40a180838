from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Request
from fastapi.responses import StreamingResponse

from misc.callrail_recordings.recordings import service
from misc.callrail_recordings.recordings.auth import RecordingsRead
from misc.callrail_recordings.recordings.service import (
    CtmSource,
    NotConnected,
    ReconnectNeeded,
    RecordingSource,
)
from shared.utilities.encryption import SecretBox
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    UpstreamError,
    UpstreamTimeout,
    error_responses,
)

router = APIRouter(prefix="/v1/callrail", tags=["callrail recordings"])
ctm_router = APIRouter(prefix="/v1/calltrackingmetrics", tags=["calltrackingmetrics recordings"])


def get_source(request: Request) -> RecordingSource:
    return request.app.state.recordings


def get_ctm_source(request: Request) -> CtmSource:
    return request.app.state.ctm_recordings


def get_secrets(request: Request) -> SecretBox:
    return request.app.state.secrets


Source = Annotated[RecordingSource, Depends(get_source)]
CtmSourceDep = Annotated[CtmSource, Depends(get_ctm_source)]
Secrets = Annotated[SecretBox, Depends(get_secrets)]
STREAM_RESPONSES: dict[int | str, dict] = {
    200: {"content": {"audio/mpeg": {}}, "description": "The whole recording"},
    206: {"description": "The byte range asked for"},
    **error_responses(
        Unauthorized,
        Forbidden,
        NotFound,
        NotConnected,
        ReconnectNeeded,
        InvalidInput,
        UpstreamError,
        UpstreamTimeout,
    ),
}
# CallRail's call ids (`CAL...` or digits); nothing else may reach the URL built from it.
CallId = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{1,64}$")]
CtmCallId = Annotated[str, Path(pattern=r"^[0-9]{1,20}$")]  # CTM's call ids are numeric


@router.get(
    "/recordings/{call_id}",
    summary="Stream the recording of one of the account's calls",
    description=(
        "Streams the audio from CallRail with the account's CallRail key. `Range` is passed on: "
        "a range answers 206 with `Content-Range`. 409 when the account has not connected "
        "CallRail, or CallRail refuses its key (connect or reconnect CallRail)."
    ),
    response_class=StreamingResponse,
    responses=STREAM_RESPONSES,
)
async def stream_recording(
    call_id: CallId,
    principal: RecordingsRead,
    source: Source,
    secrets: Secrets,
    byte_range: Annotated[str | None, Header(alias="range")] = None,
) -> StreamingResponse:
    recording = await service.open_recording(source, secrets, principal, call_id, byte_range)
    return StreamingResponse(
        recording.chunks, status_code=recording.status, headers=recording.headers
    )


@ctm_router.get(
    "/recordings/{call_id}",
    summary="Stream the recording of one of the account's CallTrackingMetrics calls",
    description=(
        "Streams the audio from CallTrackingMetrics with the account's key pair. `Range` is "
        "passed on: a range answers 206 with `Content-Range`. 409 when the account has not "
        "connected CallTrackingMetrics, or CTM refuses its key."
    ),
    response_class=StreamingResponse,
    responses=STREAM_RESPONSES,
)
async def stream_ctm_recording(
    call_id: CtmCallId,
    principal: RecordingsRead,
    source: CtmSourceDep,
    secrets: Secrets,
    byte_range: Annotated[str | None, Header(alias="range")] = None,
) -> StreamingResponse:
    recording = await service.open_ctm_recording(source, secrets, principal, call_id, byte_range)
    return StreamingResponse(
        recording.chunks, status_code=recording.status, headers=recording.headers
    )
