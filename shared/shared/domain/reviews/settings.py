"""The reputation settings of the queue manager (`QUEUE_MANAGER_` prefix)."""

from pydantic import Field

from shared.utilities.settings import ServiceSettings


class ReputationWorkerSettings(ServiceSettings):
    external_api_url: str = Field(
        "http://127.0.0.1:5003",
        description="the external API, which reads Google and Facebook reviews and posts replies",
    )
    reputation_sync_minutes: int = Field(
        60,
        gt=0,
        description="how often each Google location's and Facebook Page's reviews are read",
    )
    reputation_timeout_seconds: float = Field(
        30, gt=0, description="how long the external API may take to sync or post a reply"
    )
