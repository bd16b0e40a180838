from pydantic import Field, PositiveInt, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class WasabiSettings(BaseSettings):
    """The platform's Wasabi bucket; browsers upload and download with presigned URLs."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_WASABI_", env_file=".env", extra="ignore"
    )

    region: str = Field("us-east-1", description="the bucket's Wasabi region")
    endpoint_url: str = Field(
        "", description="S3 endpoint; empty means https://s3.<region>.wasabisys.com"
    )
    bucket: str = Field("", description="the platform's bucket; empty answers 503")
    access_key_id: str = Field("", description="Wasabi access key id")
    secret_access_key: SecretStr = Field(SecretStr(""), description="Wasabi secret access key")
    max_upload_bytes: PositiveInt = Field(
        100 * 1024 * 1024, le=5 * 1024**3, description="largest file one upload may carry"
    )
    url_expiry_seconds: PositiveInt = Field(
        900, le=7 * 24 * 3600, description="how long a presigned URL stays valid (at most 7 days)"
    )

    @property
    def endpoint(self) -> str:
        return self.endpoint_url or f"https://s3.{self.region}.wasabisys.com"
