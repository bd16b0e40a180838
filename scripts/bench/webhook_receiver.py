"""A customer's webhook endpoint for the benchmark: 204 to every POST, /health for the harness."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


async def receive(request: Request) -> Response:
    await request.body()
    return Response(status_code=204)


async def health(request: Request) -> Response:
    return Response("ok")


app = Starlette(
    routes=[Route("/hooks", receive, methods=["POST"]), Route("/health", health)],
)
