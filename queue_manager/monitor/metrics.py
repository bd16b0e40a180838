"""The queue manager's `/metrics` beside every service's (shared.utilities.metrics): each
declared queue's depth and oldest waiting task, read from Redis as Prometheus scrapes (the
utilisation cron's numbers, live), and the dead letters kept.

- `celery_queue_length{queue}`: tasks waiting, every priority's list summed;
- `celery_queue_oldest_waiting_seconds{queue}`: how long the next task in line has waited
  (0 when the queue is empty);
- `celery_dead_letters`: the dead letters kept (MongoDB's estimated count: metadata, no scan).
"""

import time
from collections.abc import Iterator

from fastapi import FastAPI
from prometheus_client.core import GaugeMetricFamily, Metric

from queue_manager.layout import switch_names
from queue_manager.monitor import repository
from queue_manager.monitor.service import oldest_waiting_seconds, queue_length
from shared.utilities.metrics import metrics_of


class QueueMetrics:
    def __init__(self) -> None:
        self.lengths: dict[str, int] = {}
        self.oldest: dict[str, float] = {}
        self.dead_letters = 0

    @classmethod
    def on(cls, app: FastAPI) -> "QueueMetrics":
        metrics = cls()
        registry = metrics_of(app)
        registry.registry.register(metrics)
        registry.on_scrape(metrics.refresh)
        return metrics

    async def refresh(self, app: FastAPI) -> None:
        redis, now = app.state.redis, time.time()
        for queue in switch_names():
            self.lengths[queue] = await queue_length(redis, queue)
            self.oldest[queue] = await oldest_waiting_seconds(redis, queue, now) or 0.0
        self.dead_letters = await repository.dead_letters_kept()

    def collect(self) -> Iterator[Metric]:
        lengths = GaugeMetricFamily("celery_queue_length", "Tasks waiting", labels=["queue"])
        oldest = GaugeMetricFamily(
            "celery_queue_oldest_waiting_seconds",
            "How long the queue's next task has waited",
            labels=["queue"],
        )
        for queue, length in self.lengths.items():
            lengths.add_metric([queue], length)
            oldest.add_metric([queue], self.oldest[queue])
        dead = GaugeMetricFamily("celery_dead_letters", "Dead letters kept")
        dead.add_metric([], self.dead_letters)
        yield from (lengths, oldest, dead)
