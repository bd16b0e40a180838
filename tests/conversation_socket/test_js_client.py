"""The dashboard's own client, socket.io-client 4.x from npm, talks to the conversation socket
unchanged (Socket.IO protocol 5): it connects with a token, is refused with a readable reason
without one, joins, sends, gets its acknowledgements and the room's `message:new`.

npm installs the pinned client into .cache/npm-sockets once; the test is skipped, saying why,
only when node or npm is missing or the npm registry cannot be reached."""

import asyncio
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conversation_socket.factories import create_conversation
from tests.factories import create_signed_in, user_token

HERE = Path(__file__).parent / "js"
REPOSITORY = Path(__file__).parents[2]
INSTALL_DIR = REPOSITORY / ".cache" / "npm-sockets"

pytestmark = pytest.mark.skipif(
    not (shutil.which("node") and shutil.which("npm")),
    reason="node and npm are needed to run the JavaScript socket.io-client",
)


async def run(*command: str, cwd: Path, env: dict | None = None) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    return process.returncode, output.decode()


@pytest.fixture(scope="module")
async def node_modules() -> Path:
    """The pinned socket.io-client, installed again only when package.json changes."""
    manifest = (HERE / "package.json").read_bytes()
    stamp = INSTALL_DIR / "package.json.sha256"
    digest = hashlib.sha256(manifest).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        INSTALL_DIR.mkdir(parents=True, exist_ok=True)
        (INSTALL_DIR / "package.json").write_bytes(manifest)
        code, output = await run(
            "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", cwd=INSTALL_DIR
        )
        if code != 0:
            pytest.skip(f"npm could not install socket.io-client (registry unreachable?): {output}")
        stamp.write_text(digest)
    return INSTALL_DIR / "node_modules"


async def run_client(node_modules: Path, url: str, token: str, conversation_id: str) -> dict:
    env = {"PATH": os.environ["PATH"], "NODE_PATH": str(node_modules)}
    code, output = await run(
        "node", str(HERE / "client.cjs"), url, token, conversation_id, cwd=HERE, env=env
    )
    assert code == 0, output
    return json.loads(output)


async def test_the_javascript_client_joins_sends_and_receives(node_modules, socket_url):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)

    result = await run_client(node_modules, socket_url, user_token(ada.state), str(channel.id))

    assert result["join"] == {"ok": True, "conversation_id": str(channel.id)}
    assert result["send"]["ok"] is True
    assert result["send"]["message"]["client_id"] == "js-1"
    assert result["message_new"] == result["send"]["message"]
    assert result["bad_payload"]["error"]["code"] == "validation_error"


async def test_the_javascript_client_reads_the_refusal(node_modules, socket_url):
    result = await run_client(node_modules, socket_url, "forged", "0" * 24)

    assert result["connect_error"] == {
        "message": "The token is not valid.",
        "data": {"code": "unauthorized"},
    }
