"""The store's test data: an agency's product, a sub-account ready to order (its card saved),
and a sub-account's checkout link."""

from shared.domain.store.checkout import new_token
from shared.models.account import Account
from shared.models.consumer_offer import ConsumerOffer
from shared.models.pipeline import Pipeline
from shared.models.store_product import StoreProduct
from tests.factories import create_pipeline


async def create_product(agency: Account, **overrides) -> StoreProduct:
    fields = {
        "account_id": agency.id,
        "name": "Review management",
        "price": 4_900,
        "currency": "USD",
        "tags": ["reviews"],
        "fulfilment_days": 7,
    }
    return await StoreProduct(**{**fields, **overrides}).insert()


async def create_offer(
    account: Account, pipeline: Pipeline | None = None, **overrides
) -> ConsumerOffer:
    pipeline = pipeline or await create_pipeline(account)
    fields = {
        "account_id": account.id,
        "name": "Teeth whitening",
        "amount": 19_900,
        "currency": "USD",
        "token": new_token(),
        "pipeline_id": pipeline.id,
        "stage_id": pipeline.stages[0].id,
        "success_url": "https://smile.example/thanks?session={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://smile.example/",
    }
    return await ConsumerOffer(**{**fields, **overrides}).insert()
