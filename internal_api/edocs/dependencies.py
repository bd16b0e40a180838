"""What the e-documents routes share: where a step came from, for the audit trail."""

from typing import Annotated

from fastapi import Depends

from internal_api.dependencies import ClientInfo
from shared.domain.edocs.audit import Client


def audit_client(client: ClientInfo) -> Client:
    """The caller's address behind our proxies (the router's X-Forwarded-For, believed only
    from TRUSTED_PROXIES) and user agent."""
    return Client(ip=client.ip or "", user_agent=client.user_agent)


AuditClient = Annotated[Client, Depends(audit_client)]
