"""Who may read and build funnels and sites. They go with the account's existing scopes (a
new scope would reach no existing member):

- reading funnels, their pages, versions and counts: `account:read`, every user of the account;
- building, publishing and cloning within the account: `contacts:write`, members and up;
- cloning into another account of the agency: also `account:write`, as managing sub-accounts
  takes.
"""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

FunnelsRead = Annotated[Principal, Depends(requires("account:read"))]
FunnelsWrite = Annotated[Principal, Depends(requires("contacts:write"))]
OTHER_ACCOUNTS_SCOPE = "account:write"
