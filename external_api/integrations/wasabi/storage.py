"""Presigned URLs from boto3's S3 client, pointed at Wasabi's endpoint.

Presigning is computed locally (SigV4 over the request), so it costs no call to Wasabi; the
URL itself carries the authority to PUT or GET one key until it expires.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

import boto3
from botocore.config import Config

from external_api.integrations.wasabi.settings import WasabiSettings
from shared.models.base import utc_now
from shared.utilities.errors import ServiceUnavailable


@dataclass(frozen=True)
class PresignedUrl:
    url: str
    expires_at: datetime


class WasabiStorage:
    def __init__(self, settings: WasabiSettings) -> None:
        self.bucket = settings.bucket
        self.expiry = settings.url_expiry_seconds
        self.client = boto3.client(
            "s3",
            endpoint_url=settings.endpoint,
            region_name=settings.region,
            aws_access_key_id=settings.access_key_id,
            aws_secret_access_key=settings.secret_access_key.get_secret_value(),
            # Path-style keeps the bucket out of the host name, which Wasabi accepts everywhere.
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    def presigned_upload(self, key: str, content_type: str) -> PresignedUrl:
        """A PUT of this key; the uploader must send the same Content-Type, which is signed."""
        params = {"Bucket": self.configured_bucket(), "Key": key, "ContentType": content_type}
        return self.presigned("put_object", params)

    def presigned_download(self, key: str, filename: str | None = None) -> PresignedUrl:
        params = {"Bucket": self.configured_bucket(), "Key": key}
        if filename:
            params["ResponseContentDisposition"] = f'attachment; filename="{filename}"'
        return self.presigned("get_object", params)

    def presigned(self, operation: str, params: dict[str, str]) -> PresignedUrl:
        expires_at = utc_now() + timedelta(seconds=self.expiry)
        url = self.client.generate_presigned_url(operation, Params=params, ExpiresIn=self.expiry)
        return PresignedUrl(url, expires_at)

    def configured_bucket(self) -> str:
        if not self.bucket:
            raise ServiceUnavailable("Wasabi is not configured: set EXTERNAL_API_WASABI_BUCKET.")
        return self.bucket
