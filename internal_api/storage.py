"""The app's file storage, made once at start, and the dependency of the routes that store or
serve files. The queue manager's tasks open the same directory (`FILES_DIR`)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from shared.utilities.storage import FileStorage, LocalStorage


@asynccontextmanager
async def file_storage(app: FastAPI) -> AsyncIterator[None]:
    app.state.storage = LocalStorage(app.state.settings.files_dir)
    yield


def get_storage(request: Request) -> FileStorage:
    return request.app.state.storage


Storage = Annotated[FileStorage, Depends(get_storage)]
