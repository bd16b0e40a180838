"""Who may do what with apps, grants and keys. Every one of these takes the user's own session
(`SessionRequired` for an app's token or an API key): a third party never mints credentials."""

from typing import Annotated

from fastapi import Depends

from internal_api.oauth.errors import SessionRequired
from shared.utilities.auth import CurrentUser, Principal, requires


def by_session(principal: Principal) -> Principal:
    if principal.app_id or principal.api_key_id:
        raise SessionRequired()
    return principal


async def signed_in(principal: CurrentUser) -> Principal:
    return by_session(principal)


def session_with(*scopes: str):
    check = requires(*scopes)

    async def dependency(principal: Annotated[Principal, Depends(check)]) -> Principal:
        return by_session(principal)

    return dependency


# Registering apps, and seeing and revoking every grant in the account, is an admin's.
AppsAdmin = Annotated[Principal, Depends(session_with("account:write"))]
# Authorizing an app, listing and revoking one's own grants and keys: any user, for themselves.
OwnSession = Annotated[Principal, Depends(signed_in)]
