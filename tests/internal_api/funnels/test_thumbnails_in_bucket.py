"""A thumbnail stored in the bucket (distributed mode's storage) is served from it, with the
same caching as one in the folder."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from internal_api.storage import get_storage
from shared.models.funnel_page_version import FunnelPageVersion
from shared.utilities.s3_storage import S3Storage
from tests.fake_s3 import fake_s3_bucket
from tests.internal_api.funnels.conftest import NO_PAGE_LIMITS, PAGES
from tests.internal_api.funnels.test_public_pages import published_offer

PNG = b"\x89PNG\r\n\x1a\nfrom-the-bucket"


@pytest.fixture
async def bucket_api(client_for, mongo):
    with fake_s3_bucket("thumbnails", "eu-central-1", "KEY0001", "secret") as endpoint:
        storage = S3Storage(
            "thumbnails",
            endpoint_url=endpoint,
            region="eu-central-1",
            access_key_id="KEY0001",
            secret_access_key="secret",
        )
        app = create_app(InternalApiSettings(**NO_PAGE_LIMITS))
        app.dependency_overrides[get_storage] = lambda: storage
        async with client_for(app) as client:
            yield client, storage


async def test_a_thumbnail_in_the_bucket_is_served_with_caching(bucket_api, owner):
    api, storage = bucket_api
    funnel = await published_offer(api, owner)
    version = await FunnelPageVersion.find_one({"account_id": owner.account.id})
    async with storage.writer(f"page-thumbnail-{version.id}.png") as writer:
        await writer.write(PNG)
    await version.set({"thumbnail_key": f"page-thumbnail-{version.id}.png"})

    response = await api.get(f"{PAGES}/{funnel['id']}/landing/thumbnail.png")

    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.headers["cache-control"] == "public, max-age=60"
    assert response.content == PNG
