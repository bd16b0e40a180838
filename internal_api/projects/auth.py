"""Who may read and work on projects. Scopes are stored on each membership, so a new scope would
reach no existing member: projects go with the account's existing scopes.

- reading, and commenting on tasks: `account:read`, every user of the account (a client
  follows and discusses the work done for them);
- writing projects, boards, tasks, time entries and templates: `contacts:write`, members and
  up (never a client);
- instantiating a template into one of the agency's sub-accounts: also `account:write`, as
  managing sub-accounts takes.
"""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

ProjectsRead = Annotated[Principal, Depends(requires("account:read"))]
ProjectsWrite = Annotated[Principal, Depends(requires("contacts:write"))]
SUB_ACCOUNTS_SCOPE = "account:write"
