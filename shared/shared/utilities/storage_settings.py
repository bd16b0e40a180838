"""Where a process keeps its files: an S3-compatible bucket (Wasabi) in distributed mode when
FILES_S3_BUCKET is set, the FILES_DIR directory otherwise (in embedded mode always; in compose
without a bucket, the `files` volume the internal API and the queue manager both mount)."""

from pathlib import Path

from pydantic import SecretStr

from shared.utilities.s3_storage import S3Storage
from shared.utilities.settings import RunMode, ServiceSettings, common
from shared.utilities.storage import FileStorage, LocalStorage


class StorageSettings(ServiceSettings):
    files_dir: Path = common(
        "FILES_DIR",
        Path(".cache/files"),
        "directory of uploaded and produced files, seen by the internal API and the queue manager",
    )
    files_s3_bucket: str = common(
        "FILES_S3_BUCKET", "", "bucket of the files in distributed mode; empty: FILES_DIR"
    )
    files_s3_endpoint_url: str = common(
        "FILES_S3_ENDPOINT_URL",
        "",
        "S3 endpoint of the bucket (https://s3.<region>.wasabisys.com for Wasabi); empty: AWS",
    )
    files_s3_region: str = common("FILES_S3_REGION", "us-east-1", "the bucket's region")
    files_s3_access_key_id: str = common(
        "FILES_S3_ACCESS_KEY_ID", "", "access key id of the bucket; empty: boto3's own chain"
    )
    files_s3_secret_access_key: SecretStr = common(
        "FILES_S3_SECRET_ACCESS_KEY", SecretStr(""), "secret access key of the bucket"
    )


def storage_for(settings: StorageSettings) -> FileStorage:
    if settings.mode is RunMode.DISTRIBUTED and settings.files_s3_bucket:
        return S3Storage(
            settings.files_s3_bucket,
            endpoint_url=settings.files_s3_endpoint_url or None,
            region=settings.files_s3_region,
            access_key_id=settings.files_s3_access_key_id or None,
            secret_access_key=settings.files_s3_secret_access_key.get_secret_value() or None,
        )
    return LocalStorage(settings.files_dir)
