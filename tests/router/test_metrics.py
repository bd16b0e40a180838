"""The router's `/metrics`: each admission by outcome, each rate-limit check by result, and
the hot path's Redis pool."""

from tests.metrics_scrape import scrape, value


async def test_every_admission_is_counted_by_its_outcome(router, session):
    await router.get("/v1/auth/exchange", headers={"x-session-id": session.id})
    await router.get("/v1/crm/contacts", headers={"x-session-id": session.id})
    await router.get("/v1/auth/exchange")
    await router.post("/v1/auth/login", json={})

    exposition = await scrape(router)

    assert value(exposition, "router_admissions_total", outcome="token") == 2
    assert value(exposition, "router_admissions_total", outcome="unauthorized") == 1
    assert value(exposition, "router_admissions_total", outcome="public") == 1


async def test_rate_limit_checks_are_counted_allowed_and_limited(start_router):
    async with start_router(rate_limit_per_ip="1/minute") as router:
        await router.post("/v1/auth/login", json={})
        await router.post("/v1/auth/login", json={})

        exposition = await scrape(router)

    assert value(exposition, "router_rate_limit_checks_total", result="allowed") == 1
    assert value(exposition, "router_rate_limit_checks_total", result="limited") == 1
    assert value(exposition, "router_admissions_total", outcome="rate_limited") == 1


async def test_the_hot_paths_redis_pool_is_exported(start_router):
    async with start_router(rate_limit_per_ip="100/minute") as router:
        await router.post("/v1/auth/login", json={})  # counted on the hot path's Redis

        exposition = await scrape(router)

    assert value(exposition, "redis_pool_connections", client="hot_path") >= 1
    assert value(exposition, "redis_pool_connections_in_use", client="hot_path") == 0
