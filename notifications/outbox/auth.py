"""Who may read the account's outbox: whoever reads its notifications."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

OutboxRead = Annotated[Principal, Depends(requires("notifications:read"))]
