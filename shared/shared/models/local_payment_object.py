"""An object of the `TestPaymentProvider` (embedded mode's stand-in for Stripe): a customer,
payment method, payment, refund or checkout session, shaped as Stripe's API writes it, so the
same events can be made of it. Kept in MongoDB, so every process of the embedded platform (the
internal API, the queue manager's worker) sees the same ones, and a repeated idempotency key is
answered with the first call's object, as Stripe does."""

from typing import Any

from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument


class LocalPaymentObject(BaseDocument):
    object_id: str  # cus_test_..., pm_test_..., pi_test_..., re_test_..., cs_test_...
    kind: str  # Stripe's `object`: customer, payment_method, payment_intent, refund, ...
    idempotency_key: str  # the call that made it: the same key answers the same object
    customer: str | None = None  # the customer it belongs to (payment methods)
    data: dict[str, Any]

    class Settings:
        name = "local_payment_objects"
        indexes = [
            IndexModel([("object_id", ASCENDING)], unique=True),
            IndexModel([("kind", ASCENDING), ("idempotency_key", ASCENDING)], unique=True),
            IndexModel([("kind", ASCENDING), ("customer", ASCENDING)]),
        ]
