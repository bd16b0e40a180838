"""Reading a service's `/metrics` in tests: the exposition parsed by prometheus-client."""

import httpx
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample


def samples(exposition: str) -> list[Sample]:
    return [
        sample for family in text_string_to_metric_families(exposition) for sample in family.samples
    ]


def value(exposition: str, name: str, **labels: str) -> float | None:
    """The sample's value, None when the service exports no such sample."""
    for sample in samples(exposition):
        if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
            return sample.value
    return None


async def scrape(client: httpx.AsyncClient) -> str:
    response = await client.get("/metrics")
    assert response.status_code == 200, response.text
    return response.text
