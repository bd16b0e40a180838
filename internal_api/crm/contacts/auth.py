"""Who may read and write contacts: the caller, with the contacts of the account they see."""

from typing import Annotated

from fastapi import Depends

from internal_api.crm.visibility import Caller, caller_for
from shared.domain.contacts.repository import ContactRepository

ContactsCaller = Caller[ContactRepository]

ContactsRead = Annotated[ContactsCaller, Depends(caller_for(ContactRepository, "contacts:read"))]
ContactsWrite = Annotated[ContactsCaller, Depends(caller_for(ContactRepository, "contacts:write"))]
