"""Who may read the account's delivery log, and who may send.

Sending takes `notifications:write` (owners and admins; members no longer hold it) or a service
token: the platform's services send invitations, password resets and its own notices.
"""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires, verified

NotificationsRead = Annotated[Principal, Depends(requires("notifications:read"))]
# internal_api (invitations, its own notices) and the queue manager (switched-off webhooks).
SENDING = requires("notifications:write", services=("internal_api", "queue_manager"))
NotificationsWrite = Annotated[Principal, Depends(SENDING)]
# Email and SMS reach people outside the account: a user's wait until the account's owner has
# confirmed their email (services' own sends never do).
NotificationsMail = Annotated[Principal, Depends(verified(SENDING))]
