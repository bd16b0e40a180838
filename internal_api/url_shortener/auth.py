"""Who may read and manage the account's short links. A link sends anyone who follows it
wherever it leads, under the account's brand: making and changing one is an account admin's
power; reading them, and their clicks, anyone's who sees the account."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

LinksRead = Annotated[Principal, Depends(requires("account:read"))]
LinksAdmin = Annotated[Principal, Depends(requires("account:write"))]
