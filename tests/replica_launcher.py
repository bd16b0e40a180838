"""`python -m tests.replica_launcher internal_api general_socket ...`: imports those services
once, then forks one replica process per line it reads on stdin, `<service> <port> <log file>`,
and answers each with the replica's pid. Each replica is `python -m <service>` as operators run
it (the same `serve`, settings from the environment, its port from `<SERVICE>_PORT`), its
stdout in its log file; forked from one parent so that a test starting six replicas (and one
again after killing it) pays for importing each service once, not six or seven times."""

import importlib
import os
import signal
import sys

from shared.utilities.server import serve

APPS = {
    "internal_api": ("internal_api.app", "internal_api.settings", "InternalApiSettings"),
    "general_socket": ("general_socket.app", "general_socket.settings", "GeneralSocketSettings"),
    "conversation_socket": (
        "conversation_socket.app",
        "conversation_socket.settings",
        "ConversationSocketSettings",
    ),
}


def loaded(service: str) -> tuple:
    app_module, settings_module, settings_class = APPS[service]
    create_app = importlib.import_module(app_module).create_app
    return create_app, getattr(importlib.import_module(settings_module), settings_class)


def fork_replica(service: str, port: str, log_file: str, apps: dict[str, tuple]) -> int:
    pid = os.fork()
    if pid:
        return pid
    # The replica: its own process group (killed alone), its own log, its own port.
    os.setpgid(0, 0)
    log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(log, 1)
    os.environ[f"{service.upper()}_PORT"] = port
    try:
        serve(*apps[service])
    finally:
        os._exit(0)


def main(services: list[str]) -> None:
    apps = {service: loaded(service) for service in services}
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # a killed replica leaves no zombie
    print("ready", flush=True)
    for line in sys.stdin:
        service, port, log_file = line.split()
        print(fork_replica(service, port, log_file, apps), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
