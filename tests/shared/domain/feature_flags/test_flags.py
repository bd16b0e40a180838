"""Feature flags per account: at their default until an operator sets them, each account's
its own."""

from beanie import PydanticObjectId

from shared.domain.feature_flags.flags import ASSET_PROXY, flags_of, is_enabled, set_flag
from shared.models.feature_flag import FeatureFlag
from tests.factories import create_account

OPERATOR = PydanticObjectId()


async def test_a_flag_nobody_set_is_at_its_default(mongo):
    account = await create_account()

    assert await is_enabled(account.id, ASSET_PROXY) is ASSET_PROXY.default


async def test_a_flag_set_holds_for_its_account_only(mongo):
    account, other = await create_account(), await create_account()

    await set_flag(account.id, ASSET_PROXY, False, OPERATOR)

    assert await is_enabled(account.id, ASSET_PROXY) is False
    assert await is_enabled(other.id, ASSET_PROXY) is True


async def test_setting_a_flag_again_changes_the_one_record(mongo):
    account = await create_account()

    await set_flag(account.id, ASSET_PROXY, False, OPERATOR)
    await set_flag(account.id, ASSET_PROXY, True, OPERATOR)

    assert await FeatureFlag.find({"account_id": account.id}).count() == 1
    assert await flags_of(account.id) == {"asset_proxy": True}
