"""Contact lists at volume: list, search and filter requests per second through the chain.

    .venv/bin/python -m scripts.bench.crm [--contacts 100000] [--seconds 10] [--connections 32]

Seeds `--contacts` contacts for one account and as many again spread over 100 other accounts,
then loads `GET /v1/crm/contacts` three ways with wrk through gateway -> router -> internal_api
(a session, as the dashboard sends), against the plain list straight to internal_api with a JWT.

Seeding goes straight through the models, in batches, in the internal_api process: without
MONGO_URL its MongoDB is in memory and lives only there, so this script starts internal_api
itself (`--serve-seeded`), seeds, then serves. With MONGO_URL set the same happens on the real
database, and the query plan of each list query is printed. On the in-memory MongoDB
(mongomock, which scans every document) the figures only indicate the chain's overhead.
"""

import argparse
import asyncio
import itertools
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from beanie import PydanticObjectId

from internal_api.app import create_app
from internal_api.crm.contacts.filtering import contact_filter
from internal_api.crm.contacts.schemas import ContactSearch
from internal_api.crm.query import IN_THE_QUERY
from internal_api.settings import InternalApiSettings
from scripts.bench.chain import NO_LIMITS
from scripts.bench.harness import (
    ROOT,
    print_loads,
    require_wrk,
    run_wrk,
    service,
    wait_until_healthy,
)
from shared.domain.contacts.writing import derive
from shared.models.contact import Contact, CustomValue
from shared.models.custom_field import CustomField, CustomFieldType
from shared.utilities import db
from shared.utilities.repository import TenantRepository
from shared.utilities.server import server_for
from tests.factories import PASSWORD, create_account, create_membership, create_user
from tests.fixtures import free_port

BENCH_EMAIL = "bench-crm@example.com"
OTHER_ACCOUNTS = 100
BATCH = 1000
FIRST_NAMES = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Margaret", "Ken"]
LAST_NAMES = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Hamilton"]
TAGS = ["vip", "lead", "customer", "partner", "churned"]
PLANS = ["gold", "silver", "bronze"]
# The three list queries measured, as the dashboard sends them.
QUERIES = {
    "list": "limit=25",
    "search": "q=ada%20lov&limit=25",
    "filter": "filter=tags:in:vip&filter=custom.plan:equals:gold&limit=25",
}


def fake_contact(account_id: PydanticObjectId, number: int) -> Contact:
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    last = LAST_NAMES[number % len(LAST_NAMES)]
    contact = Contact(
        account_id=account_id,
        first_name=first,
        last_name=last,
        emails=[f"{first}.{last}.{number}@example.com".lower()],
        tags=[TAGS[number % len(TAGS)]],
        custom_values=[CustomValue(field="plan", value=PLANS[number % len(PLANS)])],
    )
    derive(contact)
    return contact


async def seed_account(account_id: PydanticObjectId, contacts: int) -> None:
    await CustomField(
        account_id=account_id,
        key="plan",
        label="Plan",
        type=CustomFieldType.SELECT,
        options=PLANS,
    ).insert()
    numbers = iter(range(contacts))
    while batch := list(itertools.islice(numbers, BATCH)):
        await Contact.insert_many([fake_contact(account_id, number) for number in batch])


async def seed(contacts: int) -> None:
    """The measured account (its owner signs in as BENCH_EMAIL) and 100 others."""
    started = time.perf_counter()
    agency = await create_account(name="Bench CRM")
    await create_membership(agency, await create_user(email=BENCH_EMAIL))
    await seed_account(agency.id, contacts)
    for _ in range(OTHER_ACCOUNTS):
        other = await create_account(name="Neighbour")
        await seed_account(other.id, contacts // OTHER_ACCOUNTS)
    print(f"seeded {2 * contacts} contacts in {time.perf_counter() - started:.0f} s", flush=True)


async def serve_seeded(port: int, contacts: int) -> None:
    """internal_api in this process, started once the seed is in its database."""
    settings = InternalApiSettings(port=port)
    await db.connect(settings.mongo_url, initiator="bench-seed", database=settings.mongo_db)
    await seed(contacts)
    await server_for(create_app(settings), port=port).serve()


@contextmanager
def seeded_internal_api(port: int, contacts: int) -> Iterator[str]:
    command = [sys.executable, "-m", "scripts.bench.crm", "--serve-seeded", str(port)]
    environment = {**os.environ, "LOG_LEVEL": "WARNING"}
    process = subprocess.Popen([*command, "--contacts", str(contacts)], cwd=ROOT, env=environment)
    url = f"http://127.0.0.1:{port}"
    try:
        # Seeding comes first; mongomock takes about a minute per 100,000 contacts.
        wait_until_healthy(url, process, timeout=60 + contacts * 2 / 1000)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


async def print_query_plans(account_id: str) -> None:
    """What MongoDB does for each measured query: the plan's stages and what it read."""
    settings = InternalApiSettings()
    database = await db.connect(
        settings.mongo_url, initiator="bench-explain", database=settings.mongo_db
    )
    contacts = TenantRepository(Contact, account_id)
    searches = {
        "list": ContactSearch(),
        "search": ContactSearch(q="ada lov"),
        "filter": ContactSearch.model_validate(
            {
                "conditions": [
                    {"field": "tags", "operator": "in", "value": ["vip"]},
                    {"field": "custom.plan", "operator": "equals", "value": "gold"},
                ]
            }
        ),
    }
    for name, search in searches.items():
        # The list's own query: its filter, scoped to the account as the repository does.
        query = contacts.scoped(await contact_filter(contacts.account_id, search, IN_THE_QUERY))
        plan = await database.command(
            "explain",
            {
                "find": "contacts",
                "filter": query,
                "sort": {"created_at": -1, "_id": -1},
                "limit": 25,
            },
            verbosity="executionStats",
        )
        stats = plan["executionStats"]
        print(
            f"{name:<7} {' <- '.join(stages(winning_plan(plan)))}: "
            f"{stats['nReturned']} returned, {stats['totalKeysExamined']} keys and "
            f"{stats['totalDocsExamined']} documents examined, {stats['executionTimeMillis']} ms"
        )
    await db.disconnect("bench-explain")


def winning_plan(explained: dict[str, Any]) -> dict[str, Any]:
    winning = explained["queryPlanner"]["winningPlan"]
    return winning.get("queryPlan", winning)  # MongoDB 7's slot-based engine nests it


def stages(plan: dict[str, Any]) -> list[str]:
    """The plan's stages from the top, with the index each index scan uses."""
    stage = plan.get("stage", "?")
    if "indexName" in plan:
        stage += f"({plan['indexName']})"
    child = plan.get("inputStage") or (plan.get("inputStages") or [None])[0]
    return [stage, *(stages(child) if child else [])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--serve-seeded", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_seeded:
        asyncio.run(serve_seeded(args.serve_seeded, args.contacts))
        return
    require_wrk()
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    load = {"seconds": args.seconds, "connections": args.connections}

    with (
        seeded_internal_api(free_port(), args.contacts) as internal_api,
        service("router", free_port(), ROUTER_INTERNAL_API_URL=internal_api, **NO_LIMITS) as router,
        service("gateway", free_port(), GATEWAY_ROUTER_URL=router) as gateway,
    ):
        login = httpx.post(
            f"{gateway}/v1/auth/login", json={"email": BENCH_EMAIL, "password": PASSWORD}
        )
        login.raise_for_status()
        session = {"x-session-id": login.json()["session_id"]}
        jwt = {
            "authorization": httpx.get(f"{router}/v1/auth/exchange", headers=session).headers[
                "authorization"
            ]
        }
        account_id = httpx.get(f"{gateway}/v1/users/me", headers=session).json()["account"]["id"]
        contacts = "/v1/crm/contacts?"
        direct = run_wrk(
            "list, direct to internal_api with a JWT",
            internal_api + contacts + QUERIES["list"],
            jwt,
            **load,
        )
        loads = [
            run_wrk(
                f"{name}, gateway -> router -> internal_api",
                gateway + contacts + query,
                session,
                **load,
            )
            for name, query in QUERIES.items()
        ]

    in_memory = not os.environ.get("MONGO_URL")
    print(
        f"{args.contacts} contacts in the account, {args.contacts} over {OTHER_ACCOUNTS} others; "
        f"{args.connections} connections, {args.seconds} s each, one wrk thread"
    )
    print_loads([direct, *loads], baseline=direct)
    if in_memory:
        print(
            "MongoDB was in memory (mongomock scans every document and ignores indexes): "
            "the figures only indicate; requests slower than wrk's 2 s timeout are not "
            "counted, so use fewer --contacts or --connections on it. Set MONGO_URL for real "
            "figures and the query plans."
        )
    else:
        asyncio.run(print_query_plans(account_id))


if __name__ == "__main__":
    main()
