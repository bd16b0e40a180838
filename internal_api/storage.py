"""The app's file storage, made once at start, and the dependency of the routes that store or
serve files. The queue manager's tasks open the same storage (FILES_DIR, or FILES_S3_BUCKET in
distributed mode: `shared.utilities.storage_settings`)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from shared.utilities.storage import FileStorage
from shared.utilities.storage_settings import storage_for


@asynccontextmanager
async def file_storage(app: FastAPI) -> AsyncIterator[None]:
    app.state.storage = storage_for(app.state.settings)
    yield


def get_storage(request: Request) -> FileStorage:
    return request.app.state.storage


Storage = Annotated[FileStorage, Depends(get_storage)]
