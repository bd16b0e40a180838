"""Saved filters are the caller's own: saving one changes no contact, so reading contacts is
what it takes to read or write them."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

FiltersRead = Annotated[Principal, Depends(requires("contacts:read"))]
FiltersWrite = Annotated[Principal, Depends(requires("contacts:read"))]
