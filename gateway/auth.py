"""Who may read the gateway's own routes: a signed-in user (the dashboard's session, checked by
the router) or an internal caller (a service token, or a user token the router minted)."""

from typing import Annotated

import aiohttp
from fastapi import Depends, Request

from shared.utilities import auth
from shared.utilities.errors import Unauthorized, UpstreamError

SESSION_HEADER = "x-session-id"
EXCHANGE_PATH = "/v1/auth/exchange"


async def signed_in_or_internal(request: Request) -> None:
    if "authorization" in request.headers:
        await auth.current_user_or_service(request)
        return
    session_id = request.headers.get(SESSION_HEADER, "")
    if not session_id:
        raise Unauthorized(f"Sign in first: send your session ({SESSION_HEADER}).")
    if not await router_knows(request, session_id):
        raise Unauthorized("The session is unknown, expired or revoked.")


async def router_knows(request: Request, session_id: str) -> bool:
    """The router exchanges the session as it would for any request; a token means it lives."""
    pool: aiohttp.ClientSession = request.app.state.pool
    router_url = request.app.state.settings.router_url
    try:
        async with pool.get(
            router_url + EXCHANGE_PATH, headers={SESSION_HEADER: session_id}
        ) as answer:
            return answer.status == 200 and "authorization" in answer.headers
    except (TimeoutError, aiohttp.ClientError) as error:
        raise UpstreamError("The router could not be reached.") from error


SignedInOrInternal = Annotated[None, Depends(signed_in_or_internal)]
