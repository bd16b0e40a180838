"""Who may use the integrations: the scopes every provider's routes require."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires, verified

IntegrationsRead = Annotated[Principal, Depends(requires("integrations:read"))]
IntegrationsWrite = Annotated[Principal, Depends(requires("integrations:write"))]
# Connecting and disconnecting change what the whole account shares, and a raw send through a
# connected provider reaches any address on the account's bill: admins only. Members send
# through the notification service, which takes only the account's own users and contacts.
IntegrationsAdmin = Annotated[Principal, Depends(requires("integrations:write", "account:write"))]
# Connecting also waits until the account's owner has confirmed their email.
IntegrationsConnect = Annotated[
    Principal, Depends(verified(requires("integrations:write", "account:write")))
]
# The account's billing data copied from its Stripe account.
BillingRead = Annotated[Principal, Depends(requires("billing:read"))]
