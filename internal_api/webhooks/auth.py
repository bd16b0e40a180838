"""Who may manage the account's webhook endpoints: they receive the account's data and hold
its secrets, an account admin's power."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

WebhooksAdmin = Annotated[Principal, Depends(requires("webhooks:write"))]
