"""The reputation settings of the queue manager (`QUEUE_MANAGER_` prefix)."""

from pydantic import Field

from shared.utilities.settings import ServiceSettings


class ReputationWorkerSettings(ServiceSettings):
    reputation_sync_minutes: int = Field(
        60,
        gt=0,
        description="how often each Google location's and Facebook Page's reviews are read",
    )
    reputation_timeout_seconds: float = Field(
        30, gt=0, description="how long the external API may take to sync or post a reply"
    )
