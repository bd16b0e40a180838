"""A project: an account's piece of work (a client's SEO onboarding, a site launch), with its
boards, tasks and templates in their own collections. A client's project lives in the client's
sub-account, where that sub-account's users see it."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class Project(TenantDocument):
    name: str
    description: str = ""  # plain text
    archived_at: datetime | None = None
    template_id: PydanticObjectId | None = None  # the template it was made from
    # The account's id on the one project that takes the tasks an automation creates without
    # naming a project (`shared.domain.projects.defaults`); left out on every other project.
    default_of: PydanticObjectId | None = None

    class Settings:
        name = "projects"
        use_state_management = True
        # Unset fields are left out of the stored document, so the sparse unique index below
        # holds only the default projects (mongomock drops partial filter expressions).
        keep_nulls = False
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("archived_at", ASCENDING), ("created_at", DESCENDING)]
            ),
            IndexModel([("default_of", ASCENDING)], unique=True, sparse=True),
            # Live or archived ones by name; every one (archived or not) newest first.
            IndexModel(
                [("account_id", ASCENDING), ("archived_at", ASCENDING), ("name", ASCENDING)]
            ),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
