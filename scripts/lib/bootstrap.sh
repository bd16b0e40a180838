# Shared by scripts/up and scripts/test: a .venv with everything from uv.lock.
# Needs only Python 3.11+; uv is bootstrapped into .cache/uv when it is not on PATH.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export UV_PYTHON_DOWNLOADS=never
export UV_PROJECT_ENVIRONMENT="$ROOT/.venv"

# The interpreter itself, never a launcher in front of it (a pyenv shim): uv compares this path
# with the .venv's, and recreates the .venv from scratch when they differ.
find_python() {
  local found
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       found="$("$candidate" -c 'import sys; sys.version_info >= (3, 11) and print(sys.executable)' 2>/dev/null)" &&
       [ -n "$found" ]; then
      echo "$found"; return 0
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

# ensure_venv [--group NAME]...: create or update .venv from the lock, with these dependency
# groups besides uv's defaults (dev); quick when a sync since the lock last changed covered them.
# A sync only adds (--inexact): scripts share one .venv, and a test runs ./scripts/up while the
# suite runs on it, so no script may remove what another's sync installed.
ensure_venv() {
  PYTHON="$(find_python)"
  local stamp="$ROOT/.venv/.synced" lock="$ROOT/uv.lock" synced="" group
  if [ -f "$stamp" ] && [ "$stamp" -nt "$lock" ]; then
    synced="$(cat "$stamp")"
  fi
  for group in $(groups_named "$@"); do
    if ! grep -qx "$group" <<<"$synced"; then
      UV="$(find_uv)"
      "$UV" sync --frozen --inexact --all-packages --python "$PYTHON" "$@" >&2
      { echo "$synced"; groups_named "$@"; } | grep -v '^$' | sort -u > "$stamp"
      return 0
    fi
  done
}

# The group names in `--group NAME` arguments, one a line ("default" for none).
groups_named() {
  echo default
  while [ $# -gt 0 ]; do
    if [ "$1" = "--group" ] && [ $# -gt 1 ]; then echo "$2"; shift; fi
    shift
  done
}
