"""Who may see and manage the account's custom domains. A domain serves the account's pages
under a name the world trusts: adding, pointing and removing one is an account admin's power;
seeing them, anyone's who sees the account."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

DomainsRead = Annotated[Principal, Depends(requires("account:read"))]
DomainsAdmin = Annotated[Principal, Depends(requires("account:write"))]
