"""Who may use LeadFinder: reading needs the integrations' read scope, searching their write
scope, and saving finds as contacts the contacts' write scope too."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires, requires_service

LeadFinderRead = Annotated[Principal, Depends(requires("integrations:read"))]
LeadFinderSearch = Annotated[Principal, Depends(requires("integrations:write"))]
LeadFinderSave = Annotated[Principal, Depends(requires("integrations:write", "contacts:write"))]
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
