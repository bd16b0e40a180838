"""`python -m scripts.operators`: the one way to make a platform operator, holding from the
user's next request."""

import argparse
from datetime import timedelta

from scripts.operators import main, parse_args, run
from shared.models.user import User
from shared.utilities import sessions
from shared.utilities.redis import create_redis
from shared.utilities.settings import ServiceSettings
from tests.factories import create_signed_in

IDLE = timedelta(days=1)
SEAL = sessions.seal_for(ServiceSettings())


async def test_granting_makes_the_user_an_operator_at_their_next_request(mongo):
    me = await create_signed_in(email="ops@platform.example")
    redis = create_redis(ServiceSettings().redis_url)
    token_hash = sessions.hash_session_id(me.session_id)
    await sessions.cache_state(redis, token_hash, me.state, IDLE, SEAL)

    said = await run(parse_args(["grant", "OPS@platform.example"]), ServiceSettings())

    assert said == "ops@platform.example is now an operator"
    assert (await User.get(me.user.id)).platform_operator is True
    state = await sessions.lookup(redis, me.session_id, IDLE, SEAL)
    assert state.operator is True
    await redis.aclose()


async def test_revoking_takes_the_role_back(mongo):
    me = await create_signed_in(email="former@platform.example", platform_operator=True)

    await run(parse_args(["revoke", "former@platform.example"]), ServiceSettings())

    assert (await User.get(me.user.id)).platform_operator is False


async def test_the_operators_are_listed(mongo):
    await create_signed_in(email="b-ops@platform.example", platform_operator=True)
    await create_signed_in(email="a-ops@platform.example", platform_operator=True)
    await create_signed_in(email="not-ops@platform.example")

    said = await run(argparse.Namespace(command="list"), ServiceSettings())

    assert said.splitlines() == ["a-ops@platform.example", "b-ops@platform.example"]


def test_an_unknown_email_exits_1_naming_it(capsys):
    assert main(["grant", "nobody@platform.example"]) == 1
    assert "nobody@platform.example" in capsys.readouterr().err
