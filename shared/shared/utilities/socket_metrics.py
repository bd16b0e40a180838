"""A socket service's metrics, on its `/metrics` (shared.utilities.metrics):

- `socket_connections{namespace}`: the sockets this replica holds, read at scrape time;
- `socket_rooms{namespace}`: the rooms they are in (accounts, users, conversations; not each
  socket's own room);
- `socket_emits_total{namespace, event}`: the emits this replica delivered, whichever process
  emitted them (they all come through the Redis channel), and `socket_deliveries_total
  {namespace}` the sockets they reached; `rate(...[1m])` gives emits per second.
"""

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

from shared.utilities.metrics import metrics_of


class SocketMetrics:
    def __init__(self, sio: Any) -> None:
        self.sio = sio
        self.emits: dict[tuple[str, str], int] = {}
        self.deliveries: dict[str, int] = {}

    @classmethod
    def on(cls, sio: Any, api: FastAPI) -> "SocketMetrics":
        """Counted by the server's manager (`RoomFanOut`), collected with the app's metrics."""
        metrics = sio.socket_metrics = cls(sio)
        metrics_of(api).registry.register(metrics)
        return metrics

    def emitted(self, namespace: str, event: str, recipients: int) -> None:
        key = (namespace, event)
        self.emits[key] = self.emits.get(key, 0) + 1
        self.deliveries[namespace] = self.deliveries.get(namespace, 0) + recipients

    def collect(self) -> Iterator[Metric]:
        connections = GaugeMetricFamily(
            "socket_connections", "Sockets connected to this replica", labels=["namespace"]
        )
        rooms = GaugeMetricFamily(
            "socket_rooms", "Rooms this replica's sockets are in", labels=["namespace"]
        )
        for namespace, named in list(self.sio.manager.rooms.items()):
            sockets = named.get(None, {})
            connections.add_metric([namespace], len(sockets))
            shared = [room for room in named if room is not None and room not in sockets]
            rooms.add_metric([namespace], len(shared))
        emits = CounterMetricFamily(
            "socket_emits", "Emits delivered by this replica", labels=["namespace", "event"]
        )
        for key, count in list(self.emits.items()):
            emits.add_metric(key, count)
        deliveries = CounterMetricFamily(
            "socket_deliveries", "Sockets the emits reached", labels=["namespace"]
        )
        for namespace, count in list(self.deliveries.items()):
            deliveries.add_metric([namespace], count)
        yield from (connections, rooms, emits, deliveries)


def count_emit(server: Any, namespace: str, event: str, recipients: int) -> None:
    """Counted where a replica delivers an emit (a write-only emitter has no metrics)."""
    metrics: SocketMetrics | None = getattr(server, "socket_metrics", None)
    if metrics is not None:
        metrics.emitted(namespace, event, recipients)
