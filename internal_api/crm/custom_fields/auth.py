"""Custom field definitions are read and written with contacts' scopes."""

from typing import Annotated

from fastapi import Depends

from internal_api.crm.contacts.auth import ContactsCaller
from internal_api.crm.visibility import caller_for
from shared.domain.contacts.repository import ContactRepository

CustomFieldsRead = Annotated[
    ContactsCaller, Depends(caller_for(ContactRepository, "contacts:read"))
]
CustomFieldsWrite = Annotated[
    ContactsCaller, Depends(caller_for(ContactRepository, "contacts:write"))
]
