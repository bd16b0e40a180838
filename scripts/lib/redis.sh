# ensure_redis: a redis-server of the tests' own, on a free port, for the length of this shell;
# exports TEST_REDIS_URL. The tests never use (or flush) a Redis somebody else runs, unless told
# to with an explicit TEST_REDIS_URL. redis-server is installed from Debian's packages when it is
# missing and we are root; otherwise the error says how to get it.

redis_answers() {
  .venv/bin/python - "$1" <<'PY'
import sys, redis
try:
    redis.Redis.from_url(sys.argv[1], socket_connect_timeout=1).ping()
except Exception:
    sys.exit(1)
PY
}

install_redis_server() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: redis-server is not installed; install it (apt-get install redis-server)" \
         "or point the tests at a Redis of your own with TEST_REDIS_URL" >&2
    exit 1
  fi
  echo "installing redis-server for the tests" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null 2>&1; } ||
    { echo "error: could not install redis-server" >&2; exit 1; }
}

ensure_redis() {
  if [ -n "${TEST_REDIS_URL:-}" ]; then
    redis_answers "${TEST_REDIS_URL%/}/0" ||
      { echo "error: no Redis answers at TEST_REDIS_URL=$TEST_REDIS_URL" >&2; exit 1; }
    export TEST_REDIS_URL="${TEST_REDIS_URL%/}"
    echo "tests use the Redis at TEST_REDIS_URL (databases 1 to 32 are emptied)"
    return 0
  fi
  command -v redis-server >/dev/null 2>&1 || install_redis_server
  local port
  port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # One database per pytest-xdist worker, so workers never share queues or counters.
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
    --databases 64 --logfile "" >/dev/null &
  REDIS_PID=$!
  trap 'kill "$REDIS_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do
    redis_answers "redis://127.0.0.1:$port/0" && break
    sleep 0.1
  done
  redis_answers "redis://127.0.0.1:$port/0" || { echo "error: redis-server did not start" >&2; exit 1; }
  echo "started redis-server on port $port for the tests"
  export TEST_REDIS_URL="redis://127.0.0.1:$port"
}
