"""Who may manage push devices: any signed-in user, for their own devices only. No scope is
asked: a device receives its user's own notifications, whatever their role in any account."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, current_user

DeviceOwner = Annotated[Principal, Depends(current_user)]
