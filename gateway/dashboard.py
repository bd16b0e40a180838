"""Dashboard pages the static files cannot serve by path alone: the page a provider sends the
browser back to after an OAuth consent (`/integrations/<provider>/callback`), one page for every
provider, which posts the code and state on with the user's session."""

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParameter
from fastapi.responses import FileResponse

router = APIRouter(include_in_schema=False)

CALLBACK_PAGE = Path("integrations") / "callback.html"


@router.get("/integrations/{provider}/callback")
async def integration_callback(
    request: Request, provider: Annotated[str, PathParameter(pattern=r"^[a-z][a-z0-9_-]{1,40}$")]
) -> FileResponse:
    page = Path(request.app.state.settings.static_dir) / CALLBACK_PAGE
    # The consent code is in the URL: no caching, and no referrer to carry it elsewhere.
    return FileResponse(
        page, headers={"cache-control": "no-store", "referrer-policy": "no-referrer"}
    )
