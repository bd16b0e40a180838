"""Who may read jobs and redrive dead letters: the platform's operators and its services."""

from typing import Annotated

from fastapi import Depends

from queue_manager.dependencies import OPERATE, OPERATING_SERVICES
from shared.utilities.auth import Principal, requires

JobsRead = Annotated[Principal, Depends(requires(OPERATE, services=OPERATING_SERVICES))]
DeadLettersAdmin = Annotated[Principal, Depends(requires(OPERATE, services=OPERATING_SERVICES))]
