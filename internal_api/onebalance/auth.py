"""Who may see and move OneBalance money: reading a wallet takes `billing:read`; opening one,
changing its settings, topping it up, and (for an agency) crediting a sub-account or setting
its markup take `billing:write` (owners and admins)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

WalletRead = Annotated[Principal, Depends(requires("billing:read"))]
WalletWrite = Annotated[Principal, Depends(requires("billing:write"))]
