"""Bodies stream through the router: 50 MB each way without the router holding them."""

import tracemalloc

from tests.router.conftest import CHUNK, MEGABYTE

SIZE_MEGABYTES = 50


async def megabytes(count: int):
    for _ in range(count * MEGABYTE // len(CHUNK)):
        yield CHUNK


async def peak_growth_while(action) -> int:
    """The most memory this process (client, router and upstream) held above its start."""
    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        await action()
        return tracemalloc.get_traced_memory()[1] - baseline
    finally:
        tracemalloc.stop()


async def test_a_50_mb_upload_streams_through(router, session):
    answers = []

    async def upload():
        answers.append(
            await router.post(
                "/v1/files/upload",
                content=megabytes(SIZE_MEGABYTES),
                headers={"x-session-id": session.id},
            )
        )

    growth = await peak_growth_while(upload)

    assert answers[0].json() == {"received_bytes": SIZE_MEGABYTES * MEGABYTE}
    assert growth < 10 * MEGABYTE


async def test_a_50_mb_download_streams_through(router, session):
    received = 0

    async def download():
        nonlocal received
        async with router.stream(
            "GET",
            f"/v1/files/download?megabytes={SIZE_MEGABYTES}",
            headers={"x-session-id": session.id},
        ) as response:
            async for chunk in response.aiter_raw():
                received += len(chunk)

    growth = await peak_growth_while(download)

    assert received == SIZE_MEGABYTES * MEGABYTE
    assert growth < 10 * MEGABYTE
