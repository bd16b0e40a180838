"""The overview reads the account's CRM and reports: `reports:read`, every user of it."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

AnalyticsRead = Annotated[Principal, Depends(requires("reports:read"))]
