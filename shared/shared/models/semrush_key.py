"""An account's connection to Semrush: its API key (sealed); `external_id` is the domain it
tracks and `options["database"]` the regional database (`us`, `uk`, `de`, ...)."""

from shared.models.integration_credential import ApiKeyCredential


class SemrushKey(ApiKeyCredential):
    @property
    def domain(self) -> str:
        return self.external_id

    @property
    def database(self) -> str:
        return str(self.options.get("database") or "us")

    class Settings:
        name = "semrush_keys"
