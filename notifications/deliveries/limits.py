"""Per-account daily limits on email and SMS (NOTIFICATIONS_EMAIL_DAILY_LIMIT,
NOTIFICATIONS_SMS_DAILY_LIMIT; per plan once billing sets them).

A day is a UTC calendar day. Each send that will go out takes one from the account's count in
Redis before its delivery is stored, in one atomic increment, so parallel requests cannot go
past the limit together; a send refused or failing after that gives it back. Suppressed
deliveries (the recipient opted out) are never sent and take nothing.
"""

from datetime import datetime, timedelta

from redis.asyncio import Redis

from notifications.deliveries.errors import DailyLimitReached
from notifications.settings import NotificationsSettings
from shared.models.notification_template import Channel

KEY = "notifications:daily:{account_id}:{channel}:{day}"
# The count outlives its day by a day, for whoever reads it late.
KEPT_SECONDS = 2 * 24 * 3600


def daily_limit(settings: NotificationsSettings, channel: Channel) -> int | None:
    """How many of the channel's messages an account may send a day; None: no limit."""
    return {
        Channel.EMAIL: settings.email_daily_limit,
        Channel.SMS: settings.sms_daily_limit,
    }.get(channel)


class DailyCount:
    """One send taken from an account's daily count, until it is given back."""

    def __init__(self, redis: Redis, account_id: str, channel: Channel, now: datetime) -> None:
        self.redis = redis
        self.channel = channel
        self.key = KEY.format(account_id=account_id, channel=channel, day=f"{now:%Y-%m-%d}")
        self.next_day = datetime.combine(
            now.date() + timedelta(days=1), datetime.min.time(), now.tzinfo
        )
        self.seconds_left = max(1, int((self.next_day - now).total_seconds()))

    async def take(self, limit: int) -> None:
        """Counts one send; DailyLimitReached (and nothing counted) past the limit."""
        async with self.redis.pipeline(transaction=True) as pipeline:
            pipeline.incr(self.key)
            pipeline.expire(self.key, KEPT_SECONDS, nx=True)
            count, _ = await pipeline.execute()
        if count > limit:
            await self.give_back()
            raise DailyLimitReached(self.channel, limit, self.next_day, self.seconds_left)

    async def give_back(self) -> None:
        await self.redis.decr(self.key)
