"""Who may see the queues: the platform's operators and its services."""

from typing import Annotated

from fastapi import Depends

from queue_manager.dependencies import OPERATE, OPERATING_SERVICES
from shared.utilities.auth import Principal, requires

QueuesRead = Annotated[Principal, Depends(requires(OPERATE, services=OPERATING_SERVICES))]
