"""Platform operators, granted and revoked from the command line: the one way to make one, so
no API an account's user can reach ever sets the flag.

    .venv/bin/python -m scripts.operators grant ada@agency.example
    .venv/bin/python -m scripts.operators revoke ada@agency.example
    .venv/bin/python -m scripts.operators list

It works on the MongoDB and Redis of MONGO_URL and REDIS_URL (from the environment or .env);
an embedded run's in-memory database lives in its own process, where the demo login is an
operator already. A change holds from the user's next request.
"""

import argparse
import asyncio
import sys
from collections.abc import Sequence

from shared.domain.accounts.operators import UnknownUser, operators, set_operator
from shared.utilities import db
from shared.utilities.redis import create_redis
from shared.utilities.settings import ServiceSettings


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts.operators", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for command in ("grant", "revoke"):
        commands.add_parser(command, help=f"{command} a user the operator role").add_argument(
            "email"
        )
    commands.add_parser("list", help="the platform's operators")
    return parser.parse_args(argv)


async def run(args: argparse.Namespace, settings: ServiceSettings) -> str:
    await db.connect(settings.mongo_url, initiator="operators", database=settings.mongo_db)
    redis = create_redis(settings.redis_url)
    try:
        if args.command == "list":
            return "\n".join(user.email for user in await operators()) or "no operators"
        user = await set_operator(redis, args.email, operator=args.command == "grant")
        return f"{user.email} is {'now' if user.platform_operator else 'no longer'} an operator"
    finally:
        await redis.aclose()
        await db.disconnect("operators")


def main(argv: Sequence[str] | None = None, settings: ServiceSettings | None = None) -> int:
    args = parse_args(argv)
    try:
        print(asyncio.run(run(args, settings or ServiceSettings())))
    except UnknownUser as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
