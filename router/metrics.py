"""The router's own metrics, on its `/metrics` beside every service's (shared.utilities.metrics):

- `router_admissions_total{outcome}`: every request the gate decided, the proxy's and the
  exchange endpoint's (Traefik's forwardAuth) alike: `token` (a session or a third party's
  credential exchanged for a JWT), `public` (a public route without one), or the refusal's
  error code (`unauthorized`, `rate_limited`, `account_suspended`, `admission_timeout`, ...);
- `router_rate_limit_checks_total{result}`: each count against the limits, `allowed` or
  `limited`.

Counted in plain Python on the event loop, as the requests are (no lock per request).
"""

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from prometheus_client.core import CounterMetricFamily, Metric

from router.access import Admission, Gate
from router.ratelimit import RateLimiter, Verdict
from shared.utilities.errors import DomainError
from shared.utilities.metrics import metrics_of


class RouterMetrics:
    def __init__(self) -> None:
        self.admissions: dict[str, int] = {}
        self.rate_limit_checks = {"allowed": 0, "limited": 0}

    @classmethod
    def on(cls, app: FastAPI) -> "RouterMetrics":
        """The router's metrics, collected with the app's."""
        metrics = cls()
        metrics_of(app).registry.register(metrics)
        return metrics

    def admitted(self, outcome: str) -> None:
        self.admissions[outcome] = self.admissions.get(outcome, 0) + 1

    def collect(self) -> Iterator[Metric]:
        admissions = CounterMetricFamily(
            "router_admissions", "Requests the router's gate decided", labels=["outcome"]
        )
        for outcome, count in list(self.admissions.items()):
            admissions.add_metric([outcome], count)
        checks = CounterMetricFamily(
            "router_rate_limit_checks", "Counts against the rate limits", labels=["result"]
        )
        for result, count in self.rate_limit_checks.items():
            checks.add_metric([result], count)
        yield from (admissions, checks)


class CountingRateLimiter(RateLimiter):
    def __init__(self, metrics: RouterMetrics, *args: Any) -> None:
        super().__init__(*args)
        self.metrics = metrics

    async def hit(self, subjects: dict[str, str], now: float | None = None) -> Verdict | None:
        verdict = await super().hit(subjects, now)
        if verdict is not None:
            self.metrics.rate_limit_checks["allowed" if verdict.allowed else "limited"] += 1
        return verdict


class CountingGate(Gate):
    def __init__(self, metrics: RouterMetrics, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.metrics = metrics

    async def admit(self, *args: Any, **kwargs: Any) -> Admission:
        try:
            admission = await super().admit(*args, **kwargs)
        except DomainError as refusal:
            self.metrics.admitted(refusal.code)
            raise
        self.metrics.admitted("token" if admission.authorization else "public")
        return admission
