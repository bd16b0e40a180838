"""Which keys an account writes and reads.

Every object lives under its account: `accounts/<account_id>/...` (private, read only by that
account's users) or `public/<account_id>/...` (read by anyone holding the key, such as an image
on a published site). Keys are made here, never taken from the caller, so one account cannot
write into another's prefix; reads are checked against the prefix, so one account cannot read
another's private object: it answers 404, exactly like a missing key.
"""

import re
import uuid

from external_api.integrations.wasabi.schemas import DownloadRead, UploadCreate, UploadRead
from external_api.integrations.wasabi.storage import WasabiStorage
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput, NotFound

PRIVATE_ROOT = "accounts"
PUBLIC_ROOT = "public"
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# accounts/<24 hex>/<32 hex>/<name> or public/<24 hex>/<32 hex>/<name>
KEY = re.compile(
    rf"^({PRIVATE_ROOT}|{PUBLIC_ROOT})/([0-9a-f]{{24}})/[0-9a-f]{{32}}/[A-Za-z0-9._-]+$"
)


def safe_name(filename: str) -> str:
    """The file's name as it may appear in a key and a Content-Disposition header."""
    name = UNSAFE.sub("_", filename).strip("._") or "file"
    return name[-200:]


def new_key(account_id: str, filename: str, public: bool) -> str:
    root = PUBLIC_ROOT if public else PRIVATE_ROOT
    return f"{root}/{account_id}/{uuid.uuid4().hex}/{safe_name(filename)}"


class UploadTooLarge(InvalidInput):
    """The file is larger than an upload may carry."""

    code = "upload_too_large"


def create_upload(storage: WasabiStorage, principal: Principal, upload: UploadCreate) -> UploadRead:
    if upload.size > storage.max_upload_bytes:
        raise UploadTooLarge(
            f"A file may have {storage.max_upload_bytes} bytes at most.",
            details=[{"field": "size", "message": f"at most {storage.max_upload_bytes}"}],
        )
    key = new_key(principal.account_id, upload.filename, upload.public)
    presigned = storage.presigned_upload(key, upload.content_type, upload.size)
    return UploadRead(
        key=key, url=presigned.url, fields=presigned.fields, expires_at=presigned.expires_at
    )


def readable(key: str, principal: Principal | None) -> bool:
    """A public object by anyone; a private one by its own account's users only."""
    match = KEY.match(key)
    if match is None:
        return False
    root, owner = match.groups()
    return root == PUBLIC_ROOT or (principal is not None and principal.account_id == owner)


def download(storage: WasabiStorage, principal: Principal | None, key: str) -> DownloadRead:
    if not readable(key, principal):
        raise NotFound("No such file.")
    presigned = storage.presigned_download(key, filename=key.rsplit("/", 1)[1])
    return DownloadRead(key=key, url=presigned.url, expires_at=presigned.expires_at)
