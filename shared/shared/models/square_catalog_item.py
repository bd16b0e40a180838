"""An item of an account's connected Square seller's catalog with its variations (the priced
things sold), copied by the Square sync."""

from pydantic import BaseModel

from shared.models.square_record import SquareRecord, square_record_indexes


class CatalogVariation(BaseModel):
    square_id: str
    name: str | None = None
    pricing_type: str | None = None  # FIXED_PRICING, VARIABLE_PRICING
    price_amount: int | None = None  # minor units of `currency`; None for a variable price
    currency: str | None = None


class SquareCatalogItem(SquareRecord):
    name: str | None = None
    description: str | None = None
    version: int = 0  # the catalog object's version
    variations: list[CatalogVariation] = []

    class Settings:
        name = "billing_square_catalog_items"
        indexes = square_record_indexes()
