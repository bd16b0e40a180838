"""Who may use the notifications center: a user reading and marking their own notifications,
which changes nothing anyone else sees."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

NotificationsRead = Annotated[Principal, Depends(requires("notifications:read"))]
