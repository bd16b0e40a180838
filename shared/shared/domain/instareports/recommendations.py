"""Recommendations: the agency's store products tagged with each area the audit scored low
("listings", "reviews", "website", "seo", "social"), at the agency's price."""

from beanie import PydanticObjectId

from shared.domain.instareports.repository import products_tagged
from shared.models.instareport import AuditArea, Recommendation


async def recommended(agency_id: PydanticObjectId, areas: list[AuditArea]) -> list[Recommendation]:
    if not areas:
        return []
    products = await products_tagged(agency_id, [area.value for area in areas])
    return [
        Recommendation(
            area=area,
            product_id=product.id,
            product_name=product.name,
            price=product.price,
            currency=product.currency,
        )
        for area in areas
        for product in products
        if area.value in product.tags and product.id is not None
    ]
