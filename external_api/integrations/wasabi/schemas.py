from datetime import datetime

from pydantic import BaseModel, Field

from shared.utilities.schemas import WriteModel

# The bound on `size`; EXTERNAL_API_WASABI_MAX_UPLOAD_BYTES may lower it.
LARGEST_UPLOAD = 5 * 1024**3  # S3's limit for one POST


class UploadCreate(WriteModel):
    filename: str = Field(min_length=1, max_length=255, description="the file's name")
    content_type: str = Field(
        "application/octet-stream",
        max_length=255,
        pattern=r"^[\w.+-]+/[\w.+-]+$",
        description="the Content-Type the upload will send (it is part of the signed policy)",
    )
    size: int = Field(
        ge=1,
        le=LARGEST_UPLOAD,
        description="the file's size in bytes: the upload is refused past it, and past "
        "EXTERNAL_API_WASABI_MAX_UPLOAD_BYTES",
    )
    public: bool = Field(False, description="readable by anyone holding its key (site images)")


class UploadRead(BaseModel):
    key: str
    url: str
    method: str = "POST"
    # The multipart form's fields, sent as they are before the file's (named `file`).
    fields: dict[str, str]
    expires_at: datetime


class DownloadRead(BaseModel):
    key: str
    url: str
    expires_at: datetime
