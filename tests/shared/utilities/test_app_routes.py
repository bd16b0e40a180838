"""The app factory puts a service's routes on the app itself: each router's prefix,
dependencies and sub-routers hold as FastAPI's include would have them."""

from typing import Annotated

from fastapi import APIRouter, Depends

from shared.utilities.app import create_app
from shared.utilities.errors import Forbidden
from shared.utilities.settings import ServiceSettings


def refuse() -> None:
    raise Forbidden()


def caller() -> str:
    return "real caller"


def app_with(*routers: APIRouter):
    return create_app(ServiceSettings(), title="routes", routers=routers)


async def test_a_routers_dependencies_guard_its_routes_on_the_app(client_for):
    answered: list[str] = []
    router = APIRouter(prefix="/things", dependencies=[Depends(refuse)])

    @router.get("/{thing_id}")
    async def read_thing(thing_id: str) -> dict:
        answered.append(thing_id)
        return {"id": thing_id}

    async with client_for(app_with(router)) as client:
        response = await client.get("/things/7")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert answered == []


async def test_a_router_holding_a_sub_router_serves_the_sub_routers_routes(client_for):
    inner = APIRouter()

    @inner.get("/leaf")
    async def leaf() -> dict:
        return {"at": "leaf"}

    outer = APIRouter(prefix="/outer")
    outer.include_router(inner, prefix="/inner")

    async with client_for(app_with(outer)) as client:
        response = await client.get("/outer/inner/leaf")

    assert response.status_code == 200
    assert response.json() == {"at": "leaf"}


async def test_the_apps_dependency_overrides_reach_a_routers_routes(client_for):
    router = APIRouter()

    @router.get("/who")
    async def who(name: Annotated[str, Depends(caller)]) -> dict:
        return {"caller": name}

    app = app_with(router)
    app.dependency_overrides[caller] = lambda: "stand-in"

    async with client_for(app) as client:
        response = await client.get("/who")

    assert response.json() == {"caller": "stand-in"}
