# One image for any service, chosen by its folder and port (the table in scripts/services.py):
#   docker build --build-arg SERVICE=misc/currency --build-arg PORT=5005 -t currency .
# It holds shared and that service's dependencies only.

FROM python:3.11-slim AS build
ARG SERVICE
ARG PORT
ARG UV_VERSION=0.13.9
# An empty SERVICE would make `COPY ${SERVICE}` copy the whole build context.
RUN test -n "$SERVICE" -a -n "$PORT" \
    || { echo "build with --build-arg SERVICE=<folder> --build-arg PORT=<port>" >&2; exit 1; }
RUN pip install --no-cache-dir "uv==${UV_VERSION}"

# Bytecode is compiled now because the app user cannot write __pycache__ at run time; files are
# copied out of uv's cache mount (hard links cannot cross it); the venv uses the image's Python.
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /app

# uv resolves the whole workspace, so every member's manifest must be present. Copied alone they
# keep the dependency layer cached until a manifest or the lock changes, not on every code edit.
COPY pyproject.toml uv.lock ./
COPY shared/pyproject.toml shared/
COPY gateway/pyproject.toml gateway/
COPY router/pyproject.toml router/
COPY internal_api/pyproject.toml internal_api/
COPY external_api/pyproject.toml external_api/
COPY conversation_socket/pyproject.toml conversation_socket/
COPY general_socket/pyproject.toml general_socket/
COPY queue_manager/pyproject.toml queue_manager/
COPY notifications/pyproject.toml notifications/
COPY ai_service/pyproject.toml ai_service/
COPY misc/callrail_recordings/pyproject.toml misc/callrail_recordings/
COPY misc/currency/pyproject.toml misc/currency/
COPY misc/yext_publishers/pyproject.toml misc/yext_publishers/
COPY misc/yext_publishers_logo/pyproject.toml misc/yext_publishers_logo/
COPY misc/google_maps/pyproject.toml misc/google_maps/
COPY misc/proxy_server/pyproject.toml misc/proxy_server/

# The uv package is the folder with / and _ turned into - (misc/currency -> misc-currency).
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-workspace --package "$(echo "$SERVICE" | tr /_ --)"

COPY shared shared
# misc services are sub-packages of misc; the empty marker is harmless in the other images.
COPY misc/__init__.py misc/
COPY ${SERVICE} ${SERVICE}
# --no-editable installs shared into the venv, so the final image needs no copy of its source.
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable --package "$(echo "$SERVICE" | tr /_ --)"


FROM python:3.11-slim
ARG SERVICE
ARG PORT
# Debian packages a service needs at run time (the queue manager: chromium, to print PDFs).
ARG SYSTEM_PACKAGES=""
RUN if [ -n "$SYSTEM_PACKAGES" ]; then \
      apt-get update && apt-get install -y --no-install-recommends $SYSTEM_PACKAGES \
      && rm -rf /var/lib/apt/lists/*; \
    fi
# /files is where compose mounts the volume of uploads and exports; a new volume takes its owner.
RUN useradd --system --uid 10001 --no-create-home app && install -d -o app /files
WORKDIR /app
COPY --from=build /app/.venv .venv
COPY --from=build /app/misc/__init__.py misc/
COPY --from=build /app/${SERVICE} ${SERVICE}

ENV PATH=/app/.venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PLATFORM_MODE=distributed \
    BIND_HOST=0.0.0.0 \
    SERVICE=${SERVICE} \
    SERVICE_PORT=${PORT}
USER app
EXPOSE ${PORT}

# slim has no curl; the service's own Python asks /health.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$SERVICE_PORT/health', timeout=3)"

# exec makes python, not sh, process 1, so it receives SIGTERM and stops gracefully.
CMD exec python -m "$(echo "$SERVICE" | tr / .)"
