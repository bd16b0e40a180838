"""A CRM tag of an account. Contacts carry tags by name; a tag used on a contact is created
here on first use, so the list of tags (with counts) is complete."""

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class CrmTag(TenantDocument):
    name: str

    class Settings:
        name = "crm_tags"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("name", ASCENDING)], unique=True),
            # The list, by when made (its default order), read either way.
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
