"""Who may use the AI features: one scope covers reading the account's usage and spending its
tokens (`dependencies.Metered` adds the limits to the latter)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

AiRead = Annotated[Principal, Depends(requires("ai:use"))]
