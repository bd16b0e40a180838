from datetime import datetime

from pydantic import BaseModel, Field


class UploadCreate(BaseModel):
    filename: str = Field(min_length=1, max_length=255, description="the file's name")
    content_type: str = Field(
        "application/octet-stream",
        max_length=255,
        pattern=r"^[\w.+-]+/[\w.+-]+$",
        description="the Content-Type the upload will send (it is part of the signature)",
    )
    public: bool = Field(False, description="readable by anyone holding its key (site images)")


class UploadRead(BaseModel):
    key: str
    url: str
    method: str = "PUT"
    headers: dict[str, str]  # to send with the PUT, exactly
    expires_at: datetime


class DownloadRead(BaseModel):
    key: str
    url: str
    expires_at: datetime
