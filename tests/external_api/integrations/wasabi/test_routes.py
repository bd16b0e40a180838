"""Presigned uploads (POST policies bounding the key, the type and the size) and download URLs
for the platform's Wasabi bucket, each account confined to its own keys;
`public/download_by_key` redirecting to a file its caller may read."""

import base64
import json
import re
from urllib.parse import parse_qs, urlsplit

import httpx
from beanie import PydanticObjectId

from shared.models.membership import Role
from tests.external_api.conftest import headers_for
from tests.external_api.integrations.wasabi.conftest import ACCESS_KEY_ID, BUCKET, wasabi_settings

KEY = re.compile(r"^accounts/(?P<account>[0-9a-f]{24})/[0-9a-f]{32}/(?P<name>.+)$")


def presigned_parts(url: str) -> tuple[str, str, dict[str, str]]:
    parts = urlsplit(url)
    query = {name: values[0] for name, values in parse_qs(parts.query).items()}
    return parts.netloc, parts.path, query


def policy_of(upload: dict) -> dict:
    return json.loads(base64.b64decode(upload["fields"]["policy"]))


async def create_upload(client, account_id: str, **body) -> httpx.Response:
    body = {"filename": "report.pdf", "content_type": "application/pdf", "size": 2048, **body}
    return await client.post(
        "/v1/e/wasabi/uploads", json=body, headers=headers_for(account_id, Role.MEMBER)
    )


async def test_an_upload_is_a_presigned_post_on_wasabis_endpoint(wasabi, account_id):
    response = await create_upload(wasabi, account_id)

    assert response.status_code == 201
    upload = response.json()
    assert upload["method"] == "POST"
    assert upload["url"] == f"https://s3.eu-central-1.wasabisys.com/{BUCKET}"
    fields = upload["fields"]
    assert (fields["key"], fields["Content-Type"]) == (upload["key"], "application/pdf")
    assert fields["x-amz-algorithm"] == "AWS4-HMAC-SHA256"
    assert fields["x-amz-credential"].startswith(f"{ACCESS_KEY_ID}/")
    assert fields["x-amz-credential"].endswith("/eu-central-1/s3/aws4_request")
    assert re.fullmatch(r"[0-9a-f]{64}", fields["x-amz-signature"])


async def test_an_uploads_policy_admits_its_key_and_type_and_at_most_its_size(wasabi, account_id):
    upload = (await create_upload(wasabi, account_id, size=2048)).json()

    conditions = policy_of(upload)["conditions"]
    assert ["content-length-range", 1, 2048] in conditions
    assert {"key": upload["key"]} in conditions
    assert {"Content-Type": "application/pdf"} in conditions
    assert {"bucket": BUCKET} in conditions


async def test_an_uploads_policy_expires_with_the_setting(wasabi, account_id):
    upload = (await create_upload(wasabi, account_id)).json()

    expiration = policy_of(upload)["expiration"]
    assert expiration.startswith(upload["expires_at"][:16])


async def test_a_file_larger_than_an_upload_may_carry_is_refused(start_external, account_id):
    async with start_external(wasabi=wasabi_settings(max_upload_bytes=1000)) as client:
        response = await create_upload(client, account_id, size=1001)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "upload_too_large"
    assert response.json()["error"]["details"][0]["field"] == "body.size"


async def test_an_upload_without_its_size_is_refused(wasabi, account_id):
    response = await wasabi.post(
        "/v1/e/wasabi/uploads",
        json={"filename": "a.txt"},
        headers=headers_for(account_id, Role.MEMBER),
    )

    assert response.status_code == 422


async def test_an_upload_key_lies_under_the_callers_account(wasabi, account_id):
    upload = (await create_upload(wasabi, account_id)).json()

    match = KEY.match(upload["key"])
    assert match and match["account"] == account_id and match["name"] == "report.pdf"


async def test_an_unsafe_filename_is_made_safe_in_the_key(wasabi, account_id):
    upload = (await create_upload(wasabi, account_id, filename='../../etc/pass"wd me.pdf')).json()

    assert KEY.match(upload["key"])["name"] == "etc_pass_wd_me.pdf"


async def test_a_public_upload_lies_under_the_public_root(wasabi, account_id):
    upload = (await create_upload(wasabi, account_id, public=True)).json()

    assert upload["key"].startswith(f"public/{account_id}/")


async def test_a_client_role_may_not_upload(wasabi, account_id):
    response = await wasabi.post(
        "/v1/e/wasabi/uploads",
        json={"filename": "a.txt", "size": 10},
        headers=headers_for(account_id, Role.CLIENT),
    )

    assert response.status_code == 403


async def test_download_by_key_redirects_the_owner_to_a_presigned_get(wasabi, account_id):
    key = (await create_upload(wasabi, account_id)).json()["key"]

    response = await wasabi.get(
        "/v1/e/wasabi/public/download_by_key",
        params={"key": key},
        headers=headers_for(account_id, Role.MEMBER),
    )

    assert response.status_code == 307
    host, path, query = presigned_parts(response.headers["location"])
    assert (host, path) == ("s3.eu-central-1.wasabisys.com", f"/{BUCKET}/{key}")
    assert query["X-Amz-SignedHeaders"] == "host"
    assert query["response-content-disposition"] == 'attachment; filename="report.pdf"'


async def test_another_accounts_private_file_answers_404(wasabi, account_id):
    key = (await create_upload(wasabi, account_id)).json()["key"]
    stranger = headers_for(str(PydanticObjectId()), Role.ADMIN)

    response = await wasabi.get(
        "/v1/e/wasabi/public/download_by_key", params={"key": key}, headers=stranger
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_private_file_without_a_caller_answers_404(wasabi, account_id):
    key = (await create_upload(wasabi, account_id)).json()["key"]

    response = await wasabi.get("/v1/e/wasabi/public/download_by_key", params={"key": key})

    assert response.status_code == 404


async def test_a_public_file_redirects_anyone(wasabi, account_id):
    key = (await create_upload(wasabi, account_id, public=True)).json()["key"]

    response = await wasabi.get("/v1/e/wasabi/public/download_by_key", params={"key": key})

    assert response.status_code == 307
    assert urlsplit(response.headers["location"]).path == f"/{BUCKET}/{key}"


async def test_a_key_outside_the_layout_answers_404(wasabi, account_id):
    key = f"accounts/{account_id}/../../other/secret.txt"

    response = await wasabi.get(
        "/v1/e/wasabi/public/download_by_key",
        params={"key": key},
        headers=headers_for(account_id),
    )

    assert response.status_code == 404


async def test_downloads_gives_the_owner_a_presigned_url(wasabi, account_id):
    key = (await create_upload(wasabi, account_id)).json()["key"]

    response = await wasabi.get(
        "/v1/e/wasabi/downloads", params={"key": key}, headers=headers_for(account_id)
    )

    assert response.status_code == 200
    assert urlsplit(response.json()["url"]).path == f"/{BUCKET}/{key}"


async def test_without_a_bucket_uploads_answer_503(start_external, account_id):
    async with start_external(wasabi=wasabi_settings(bucket="")) as client:
        response = await create_upload(client, account_id)

    assert response.status_code == 503


async def test_a_file_posted_to_the_upload_is_read_back_through_download_by_key(
    start_external, fake_s3, account_id
):
    async with start_external(wasabi=wasabi_settings(endpoint_url=fake_s3)) as client:
        upload = (
            await create_upload(client, account_id, content_type="text/plain", size=12)
        ).json()
        redirect = await client.get(
            "/v1/e/wasabi/public/download_by_key",
            params={"key": upload["key"]},
            headers=headers_for(account_id),
        )

    async with httpx.AsyncClient() as s3:
        posted = await s3.post(
            upload["url"], data=upload["fields"], files={"file": b"hello wasabi"}
        )
        got = await s3.get(redirect.headers["location"])
    assert posted.status_code == 204
    assert (got.status_code, got.content) == (200, b"hello wasabi")
