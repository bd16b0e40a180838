"""Every Beanie document of the platform, one module per collection.

`ALL_MODELS` is what `shared.utilities.db.connect` initialises; a new collection is added here.
"""

from beanie import Document

ALL_MODELS: list[type[Document]] = []
