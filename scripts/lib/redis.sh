# ensure_redis: make sure a real Redis answers for the tests and export TEST_REDIS_URL.
# Uses REDIS_URL (default redis://127.0.0.1:6379) when it answers; otherwise starts
# redis-server on a free port for the length of this shell, and fails clearly when neither.

redis_answers() {
  .venv/bin/python - "$1" <<'PY'
import sys, redis
try:
    redis.Redis.from_url(sys.argv[1], socket_connect_timeout=1).ping()
except Exception:
    sys.exit(1)
PY
}

ensure_redis() {
  local url="${REDIS_URL:-redis://127.0.0.1:6379}"
  if redis_answers "$url/0"; then
    export TEST_REDIS_URL="${url%/}"
    return 0
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "error: no Redis answers at $url and redis-server is not installed;" \
         "install it (apt-get install redis-server) or set REDIS_URL" >&2
    exit 1
  fi
  local port
  port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
    --logfile "" >/dev/null &
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
