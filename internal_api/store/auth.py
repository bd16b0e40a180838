"""Who may do what in the store:

- listing the agency's products and a sub-account's own orders: `account:read`;
- listing products, ordering, refunding, making checkout links: `billing:write` (owners and
  admins: it spends or takes money);
- tracking an order's fulfilment (status, assignee, due date): `contacts:write` (the agency's
  members doing the work).
"""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

StoreRead = Annotated[Principal, Depends(requires("account:read"))]
StoreAdmin = Annotated[Principal, Depends(requires("billing:write"))]
StoreWork = Annotated[Principal, Depends(requires("contacts:write"))]
