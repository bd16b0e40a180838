from datetime import datetime

from shared.models.custom_domain import TlsStatus
from shared.utilities.schemas import DocumentRead


class DomainTlsRead(DocumentRead):
    hostname: str
    tls_status: TlsStatus
    cloudflare_hostname_id: str | None
    certificate_expires_at: datetime | None
