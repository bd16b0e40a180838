"""GET /v1/yext/logos/{publisher_id}: a publisher's logo, cached, with ETag and Cache-Control."""

import hashlib

import httpx
import pytest
from pydantic import ValidationError

from misc.yext_publishers_logo.settings import YextPublishersLogoSettings
from tests.misc.yext_publishers_logo.conftest import PNG


async def test_a_logo_is_served_with_its_content_type_and_bytes(service, signed_in):
    response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content == PNG


async def test_the_logo_is_downloaded_from_the_publishers_url(service, signed_in, host):
    await service.get("/v1/yext/logos/YELP", headers=signed_in)

    sent = host.requests[0]
    assert (sent.method, str(sent.url)) == ("GET", "https://logos.example.com/publishers/YELP.png")


async def test_the_etag_is_a_hash_of_the_bytes(service, signed_in):
    response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.headers["etag"] == f'"{hashlib.sha256(PNG).hexdigest()}"'


async def test_browsers_may_keep_the_logo_as_long_as_configured(start_service, signed_in):
    async with start_service(cache_seconds=600) as service:
        response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.headers["cache-control"] == "public, max-age=600"


async def test_a_matching_if_none_match_answers_304_without_a_body(service, signed_in):
    etag = (await service.get("/v1/yext/logos/YELP", headers=signed_in)).headers["etag"]

    response = await service.get(
        "/v1/yext/logos/YELP", headers={**signed_in, "if-none-match": f"W/{etag}"}
    )

    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag


async def test_an_outdated_if_none_match_answers_the_logo(service, signed_in):
    response = await service.get(
        "/v1/yext/logos/YELP", headers={**signed_in, "if-none-match": '"old"'}
    )

    assert response.status_code == 200
    assert response.content == PNG


async def test_a_second_request_is_served_from_the_cache(service, signed_in, host):
    await service.get("/v1/yext/logos/YELP", headers=signed_in)
    response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.content == PNG
    assert len(host.requests) == 1


async def test_an_unknown_publisher_answers_404(service, signed_in):
    response = await service.get("/v1/yext/logos/NOSUCHPUBLISHER", headers=signed_in)

    assert response.status_code == 404


async def test_a_publisher_id_of_other_characters_answers_422(service, signed_in, host):
    response = await service.get("/v1/yext/logos/YELP.png%3Fx=1", headers=signed_in)

    assert response.status_code == 422
    assert host.requests == []


async def test_an_answer_that_is_not_an_image_answers_502(service, signed_in, host):
    host.logos["YELP"] = ("text/html; charset=utf-8", b"<html>login</html>")

    response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.status_code == 502
    assert "not an image" in response.json()["error"]["message"]


async def test_a_logo_over_the_size_limit_answers_502(start_service, signed_in, host):
    host.logos["YELP"] = ("image/png", b"x" * 1001)

    async with start_service(max_bytes=1000) as service:
        response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.status_code == 502
    assert "larger than 1000 bytes" in response.json()["error"]["message"]


async def test_a_download_is_dropped_as_soon_as_it_passes_the_limit(start_service, signed_in, host):
    host.streamed = (b"x" * 512, 100)  # 51 200 bytes, without a Content-Length

    async with start_service(max_bytes=1000) as service:
        response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.status_code == 502
    assert host.chunks_sent <= 3


async def test_an_unconfigured_logo_url_answers_503_naming_the_variable(start_service, signed_in):
    async with start_service(url_template="") as service:
        response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.status_code == 503
    assert "YEXT_PUBLISHERS_LOGO_URL_TEMPLATE" in response.json()["error"]["message"]


def test_a_logo_url_without_the_publisher_is_refused():
    with pytest.raises(ValidationError, match="publisher_id"):
        YextPublishersLogoSettings(url_template="https://logos.example.com/logo.png")


async def test_the_logo_host_unreachable_answers_502(service, signed_in, host):
    host.failure = httpx.ConnectError

    response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.status_code == 502


async def test_the_logo_host_too_slow_answers_504(service, signed_in, host):
    host.failure = httpx.ReadTimeout

    response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.status_code == 504


async def test_a_request_without_a_token_answers_401(service):
    response = await service.get("/v1/yext/logos/YELP")

    assert response.status_code == 401


async def test_a_logo_host_server_error_answers_502(service, signed_in, host):
    host.status = 500

    response = await service.get("/v1/yext/logos/YELP", headers=signed_in)

    assert response.status_code == 502
