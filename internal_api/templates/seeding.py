"""The platform's templates: the data files of `library/` (one template each, its file name its
`key`), validated as an agency's would be and written at start, each found by its key and
brought up to date, so every replica starting at once writes the same few documents."""

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from internal_api.templates.repository import platform_template
from internal_api.templates.schemas import TemplateCreate
from internal_api.templates.service import stored
from shared.models.template import Template

LIBRARY = Path(__file__).parent / "library"


def platform_templates() -> dict[str, dict]:
    """Each data file's template, as stored, by key."""
    return {
        path.stem: stored(TemplateCreate.model_validate(json.loads(path.read_text())))
        for path in sorted(LIBRARY.glob("*.json"))
    }


async def seed_platform_templates() -> None:
    for key, values in platform_templates().items():
        current = Template(key=key, **values)
        existing = await platform_template(key)
        if existing is None:
            await current.insert()
            continue
        for name in values:
            setattr(existing, name, getattr(current, name))
        await existing.save_changes()


@asynccontextmanager
async def platform_library(app: FastAPI) -> AsyncIterator[None]:
    await seed_platform_templates()
    yield
