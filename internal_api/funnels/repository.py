"""The funnels API's queries are the domain's (`shared.domain.funnels.repository`), which the
queue manager's clones and thumbnails share; this module names them for the API."""

from shared.domain.funnels.repository import (
    CloneRepository,
    FunnelRepository,
    PageRepository,
    VersionRepository,
)

__all__ = ["CloneRepository", "FunnelRepository", "PageRepository", "VersionRepository"]
