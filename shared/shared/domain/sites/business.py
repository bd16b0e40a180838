"""An account's business profile, and its Duda sites kept in step with it.

The profile is the one write path of the business data the account's websites show. Every
save that changes what a site shows (its fingerprint) asks for one push per Duda site
(`site_update_business.push`, QM_SITE_UPDATE_BUSINESS), which the queue manager has the
external API send to the site's Duda content library, retried while Duda is unavailable.
The push's task id holds the site and the fingerprint: one change is pushed once, however
often it is asked for.

Until the account edits it, the profile is made from what the platform knows: the account's
name and logo, and the phone and address of a Google Business location it connected. Renaming
the account or changing its logo (`follow_account`) reaches its sites too: at once for an
unedited profile; for an edited one, where it still shows the old name or logo.
"""

import hashlib
import json

from beanie import PydanticObjectId

from shared.domain.sites import repository
from shared.models.account import Account
from shared.models.business_profile import BusinessProfile
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import SITE_UPDATE_BUSINESS_PUSH

# What a site shows of the profile.
SHOWN = ("name", "phone", "email", "address", "hours", "logo_url")


async def profile_of(account_id: PydanticObjectId) -> BusinessProfile:
    """The stored profile, or one made from the account and its Google location (unsaved)."""
    stored = await repository.stored_profile(account_id)
    if stored is not None:
        return stored
    account = await repository.account(account_id)
    location = await repository.a_location(account_id)
    return BusinessProfile(
        account_id=account_id,
        **(shown_of_account(account) if account else {"name": "", "logo_url": None}),
        phone=location.phone if location else "",
        address=location.address if location else None,
    )


def shown_of_account(account: Account) -> dict[str, str | None]:
    """What a site shows of the account itself: its brand name (else its name) and logo."""
    return {"name": account.branding.name or account.name, "logo_url": account.branding.logo_url}


async def follow_account(account: Account, before: dict[str, str | None]) -> None:
    """After the account changed (`before`: `shown_of_account` until then): when its name or
    logo as sites show them changed, an unedited profile's sites are told; an edited profile
    still showing the old value takes the new one (and its sites are told), one showing a
    value of its own keeps it."""
    after = shown_of_account(account)
    if after == before:
        return
    stored = await repository.stored_profile(account.id)
    if stored is None:
        await push_to_sites(account.id, fingerprint(await profile_of(account.id)))
        return
    changes = {
        field: value
        for field, value in after.items()
        if value != before[field] and getattr(stored, field) == before[field]
    }
    if changes:
        await update_profile(account.id, changes)


def fingerprint(profile: BusinessProfile) -> str:
    shown = profile.model_dump(mode="json", include=set(SHOWN))
    return hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()[:32]


async def update_profile(account_id: PydanticObjectId, changes: dict) -> BusinessProfile:
    """The profile with `changes` (fields of SHOWN) saved, and its sites told if they changed."""
    profile = await profile_of(account_id)
    for field, value in changes.items():
        setattr(profile, field, value)
    profile = BusinessProfile.model_validate(profile.model_dump())  # checks the new values
    current = fingerprint(profile)
    changed = current != profile.pushed_fingerprint
    profile.pushed_fingerprint = current
    await profile.save()
    if changed:
        await push_to_sites(account_id, current)
    return profile


async def push_to_sites(account_id: PydanticObjectId, business_fingerprint: str) -> None:
    for site_id in await repository.site_ids(account_id):
        push_to_site(account_id, site_id, business_fingerprint)


def push_to_site(account_id: object, site_id: object, business_fingerprint: str) -> None:
    enqueue_job(
        SITE_UPDATE_BUSINESS_PUSH,
        task_id=f"site_business:{site_id}:{business_fingerprint}",
        account_id=str(account_id),
        site_id=str(site_id),
        business_hash=business_fingerprint,
    )
