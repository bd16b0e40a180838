"""The platform's catalogue: what an agency may resell without making it itself, each with the
tags the reports match an InstaReport's findings on."""

from dataclasses import dataclass

from shared.domain.store.errors import UnknownCatalogueItem


@dataclass(frozen=True)
class CatalogueItem:
    key: str
    name: str
    description: str
    tags: tuple[str, ...]
    fulfilment_days: int


CATALOGUE: dict[str, CatalogueItem] = {
    item.key: item
    for item in (
        CatalogueItem(
            "listings-sync",
            "Business listings sync",
            "The business's name, address and hours kept right on the directories.",
            ("listings",),
            5,
        ),
        CatalogueItem(
            "review-management",
            "Review management",
            "Review requests sent after each sale, and every review answered.",
            ("reviews",),
            7,
        ),
        CatalogueItem(
            "website-build",
            "Website build",
            "A fast, mobile-first website on the business's own domain.",
            ("website", "seo"),
            21,
        ),
        CatalogueItem(
            "seo-audit",
            "SEO audit and fixes",
            "A technical SEO audit of the site, and its findings fixed.",
            ("seo",),
            10,
        ),
        CatalogueItem(
            "social-posting",
            "Social media posting",
            "Posts planned, written and published each week.",
            ("social",),
            7,
        ),
    )
}


def catalogue_item(key: str) -> CatalogueItem:
    item = CATALOGUE.get(key)
    if item is None:
        raise UnknownCatalogueItem(
            f"The platform's catalogue has no {key}.",
            details=[{"field": "catalogue_item", "message": f"one of {', '.join(CATALOGUE)}"}],
        )
    return item
