# Shared by scripts/up and scripts/test: a .venv with everything from uv.lock.
# Needs only Python 3.11+; uv is bootstrapped into .cache/uv when it is not on PATH.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export UV_PYTHON_DOWNLOADS=never
export UV_PROJECT_ENVIRONMENT="$ROOT/.venv"

find_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  echo "error: Python 3.11 or newer is required and was not found on PATH" >&2
  return 1
}

find_uv() {
  if command -v uv >/dev/null 2>&1; then command -v uv; return 0; fi
  if [ ! -x "$ROOT/.cache/uv/bin/uv" ]; then
    echo "bootstrapping uv into .cache/uv" >&2
    "$PYTHON" -m venv "$ROOT/.cache/uv" >&2
    "$ROOT/.cache/uv/bin/python" -m pip install --quiet "uv>=0.5,<1" >&2
  fi
  echo "$ROOT/.cache/uv/bin/uv"
}

# ensure_venv [--dev]: create or update .venv from the lock; quick when nothing changed.
ensure_venv() {
  PYTHON="$(find_python)"
  UV="$(find_uv)"
  local stamp="$ROOT/.venv/.synced" lock="$ROOT/uv.lock"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$lock" ] && [ "$(cat "$stamp")" = "$*" ]; then
    return 0
  fi
  "$UV" sync --frozen --all-packages --python "$PYTHON" "$@" >&2
  echo "$*" > "$stamp"
}
