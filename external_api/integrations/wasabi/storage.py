"""Presigned uploads and downloads from boto3's S3 client, pointed at Wasabi's endpoint.

Presigning is computed locally (SigV4), so it costs no call to Wasabi. A download is a
presigned GET URL; an upload is a presigned POST (S3's browser upload): a signed policy that
admits one key, one Content-Type and a body of at most the declared size
(`content-length-range`), which a presigned PUT cannot bound.
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


@dataclass(frozen=True)
class PresignedPost:
    url: str
    fields: dict[str, str]  # the form's fields, sent before the file's
    expires_at: datetime


class WasabiStorage:
    def __init__(self, settings: WasabiSettings) -> None:
        self.bucket = settings.bucket
        self.expiry = settings.url_expiry_seconds
        self.max_upload_bytes = settings.max_upload_bytes
        self.client = boto3.client(
            "s3",
            endpoint_url=settings.endpoint,
            region_name=settings.region,
            aws_access_key_id=settings.access_key_id,
            aws_secret_access_key=settings.secret_access_key.get_secret_value(),
            # Path-style keeps the bucket out of the host name, which Wasabi accepts everywhere.
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    def presigned_upload(self, key: str, content_type: str, max_bytes: int) -> PresignedPost:
        """A POST of this key with this Content-Type and a file of 1 to `max_bytes` bytes."""
        expires_at = utc_now() + timedelta(seconds=self.expiry)
        post = self.client.generate_presigned_post(
            Bucket=self.configured_bucket(),
            Key=key,
            Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
            ExpiresIn=self.expiry,
        )
        return PresignedPost(post["url"], post["fields"], expires_at)

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
