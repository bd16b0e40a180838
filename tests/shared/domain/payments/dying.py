"""A payment provider as a worker sees it when the worker dies once the charge is made, before
its outcome is recorded: the task is then run again, by the same worker or another."""


class DiesAfterCharging:
    def __init__(self, provider) -> None:
        self.provider = provider
        self.name = provider.name

    async def charge_off_session(self, *args, **kwargs):
        await self.provider.charge_off_session(*args, **kwargs)
        raise SystemExit("the worker died")
