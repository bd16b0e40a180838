"""Cloudflare's custom hostnames API as documented: `POST/GET /zones/{zone_id}/custom_hostnames`,
`GET/DELETE /zones/{zone_id}/custom_hostnames/{custom_hostname_id}`, answered in the v4 envelope
`{"success", "errors", "messages", "result"}` (a list's `result_info` with it)."""

API = "https://api.cloudflare.com/client/v4"
ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353"
API_TOKEN = "cf-api-token-Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY"
HOSTNAME_ID = "0d89c70d-ad9f-4843-b99f-6cc0252067e9"
CUSTOM_HOSTNAMES = f"{API}/zones/{ZONE_ID}/custom_hostnames"


def hostname_url(hostname_id: str = HOSTNAME_ID) -> str:
    return f"{CUSTOM_HOSTNAMES}/{hostname_id}"


def envelope(result, **extra) -> dict:
    return {"success": True, "errors": [], "messages": [], "result": result, **extra}


def refused(code: int, message: str) -> dict:
    return {
        "success": False,
        "errors": [{"code": code, "message": message}],
        "messages": [],
        "result": None,
    }


def custom_hostname(
    hostname: str, ssl_status: str = "pending_validation", expires_on: str | None = None
) -> dict:
    """A custom hostname as Cloudflare answers it; `expires_on` gives it an issued certificate."""
    certificates = (
        [
            {
                "id": "5a7805061c76ada191ed06f989cc3dac",
                "issuer": "GoogleTrustServices",
                "serial_number": "6743787633689793699141714808227354901",
                "signature": "SHA256WithRSA",
                "issued_on": "2026-09-01T10:00:00Z",
                "expires_on": expires_on,
            }
        ]
        if expires_on
        else []
    )
    return {
        "id": HOSTNAME_ID,
        "hostname": hostname,
        "ssl": {
            "id": "0d89c70d-ad9f-4843-b99f-6cc0252067e9",
            "bundle_method": "ubiquitous",
            "certificate_authority": "google",
            "method": "http",
            "type": "dv",
            "settings": {"min_tls_version": "1.2"},
            "status": ssl_status,
            "certificates": certificates,
            "validation_records": [],
        },
        "status": "active" if ssl_status == "active" else "pending",
        "created_at": "2026-09-01T09:58:00Z",
    }


def listed(*hostnames: dict) -> dict:
    info = {"page": 1, "per_page": 20, "count": len(hostnames), "total_count": len(hostnames)}
    return envelope(list(hostnames), result_info=info)


DELETED = envelope({"id": HOSTNAME_ID})
NOT_FOUND = refused(1436, "The custom hostname was not found.")
