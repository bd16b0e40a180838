"""Who may read the reviews, answer them and ask for them, and who sets the account's
reputation settings and approves auto-reply templates (its admins)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

ReviewsRead = Annotated[Principal, Depends(requires("reviews:read"))]
ReviewsWrite = Annotated[Principal, Depends(requires("reviews:write"))]
ReviewsAdmin = Annotated[Principal, Depends(requires("reviews:write", "account:write"))]
