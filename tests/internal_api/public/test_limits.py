"""Rate limits of public routes per visitor address and per form, counted in the Redis every
replica shares. Each test counts from addresses and forms of its own (counts live a day)."""

STAMP = "/v1/forms/public/{form}/stamp"
PROBE = "/v1/forms/public/{form}/probe"


def from_address(address: str) -> dict[str, str]:
    """As the router passes a visitor on: the address appended by a trusted proxy."""
    return {"x-forwarded-for": address}


async def test_over_the_per_address_limit_answers_429_with_retry_after(start_public_api):
    async with start_public_api(public_rate_limit_per_ip="2/day") as api:
        for _ in range(2):
            await api.get(STAMP.format(form="limits-1"), headers=from_address("198.51.100.1"))
        response = await api.get(
            STAMP.format(form="limits-1"), headers=from_address("198.51.100.1")
        )

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert 0 < int(response.headers["retry-after"]) <= 86400


async def test_another_address_has_its_own_count(start_public_api):
    async with start_public_api(public_rate_limit_per_ip="1/day") as api:
        await api.get(STAMP.format(form="limits-2"), headers=from_address("198.51.100.2"))
        response = await api.get(
            STAMP.format(form="limits-2"), headers=from_address("198.51.100.3")
        )

    assert response.status_code == 200


async def test_over_the_per_form_limit_answers_429_whatever_the_address(start_public_api):
    async with start_public_api(public_rate_limit_per_key="2/day") as api:
        for address in ("198.51.100.4", "198.51.100.5"):
            await api.post(PROBE.format(form="limits-3"), json={}, headers=from_address(address))
        response = await api.post(
            PROBE.format(form="limits-3"), json={}, headers=from_address("198.51.100.6")
        )

    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0


async def test_another_form_has_its_own_count(start_public_api):
    async with start_public_api(public_rate_limit_per_key="1/day") as api:
        await api.post(PROBE.format(form="limits-4"), json={}, headers=from_address("198.51.100.7"))
        response = await api.post(
            PROBE.format(form="limits-5"), json={}, headers=from_address("198.51.100.7")
        )

    assert response.status_code == 200


async def test_each_action_has_its_own_count_per_address(start_public_api):
    async with start_public_api(public_rate_limit_per_ip="1/day") as api:
        await api.get(STAMP.format(form="limits-6"), headers=from_address("198.51.100.8"))
        response = await api.post(
            PROBE.format(form="limits-6"), json={}, headers=from_address("198.51.100.8")
        )

    assert response.status_code == 200


async def test_replicas_share_the_count(start_public_api):
    settings = {"public_rate_limit_per_ip": "2/day"}
    visitor = from_address("198.51.100.9")
    async with start_public_api(**settings) as replica_a, start_public_api(**settings) as replica_b:
        await replica_a.get(STAMP.format(form="limits-7"), headers=visitor)
        await replica_b.get(STAMP.format(form="limits-7"), headers=visitor)
        response = await replica_a.get(STAMP.format(form="limits-7"), headers=visitor)

    assert response.status_code == 429


async def test_an_address_written_by_the_visitor_is_not_believed(start_public_api):
    """X-Forwarded-For hops left of the nearest untrusted one are the client's own writing."""
    async with start_public_api(public_rate_limit_per_ip="1/day") as api:
        await api.get(
            STAMP.format(form="limits-8"), headers=from_address("192.0.2.1, 198.51.100.10")
        )
        response = await api.get(
            STAMP.format(form="limits-8"), headers=from_address("192.0.2.2, 198.51.100.10")
        )

    assert response.status_code == 429


async def test_any_page_may_read_a_refusal_and_when_to_come_back(start_public_api):
    visitor = {**from_address("198.51.100.11"), "origin": "https://other.example"}
    async with start_public_api(public_rate_limit_per_ip="1/day") as api:
        await api.post(PROBE.format(form="limits-9"), json={}, headers=visitor)
        response = await api.post(PROBE.format(form="limits-9"), json={}, headers=visitor)

    assert response.status_code == 429
    assert response.headers["access-control-allow-origin"] == "https://other.example"
    assert "Retry-After" in response.headers["access-control-expose-headers"]
