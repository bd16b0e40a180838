"""Tags are read and written with contacts' scopes; counts are of the contacts the caller sees."""

from typing import Annotated

from fastapi import Depends

from internal_api.crm.contacts.auth import ContactsCaller
from internal_api.crm.visibility import caller_for
from shared.domain.contacts.repository import ContactRepository

TagsRead = Annotated[ContactsCaller, Depends(caller_for(ContactRepository, "contacts:read"))]
TagsWrite = Annotated[ContactsCaller, Depends(caller_for(ContactRepository, "contacts:write"))]
