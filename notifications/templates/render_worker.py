"""The process templates are rendered in: `python -m notifications.templates.render_worker`.

A template is written by an account, so rendering one must not hang or exhaust the service. It
runs here, in a child process of the service (`render_pool`) whose address space is capped
(`--memory-mb`), which the service kills when a render outlasts its time limit. Each field's
output is capped (`--output-limit`), and the sandbox bounds single expressions (`sandbox`).

One JSON job a line on stdin, one JSON answer a line on stdout:

    {"fields": {"subject": "...", "text": "...", "html": "..."}, "context": {...}}
    {"rendered": {"subject": "...", "text": "...", "html": "..."}}
    {"error": {"kind": "template" | "limit" | "link" | "memory", "field": "html",
               "message": "...", "variable": "..."}}
"""

import argparse
import json
import resource
import sys
from functools import lru_cache
from typing import Any

from jinja2 import Template

from notifications.templates.links import UnsafeLink
from notifications.templates.sandbox import LimitExceeded, bounded_environment

FIELDS = ("subject", "text", "html")
# Compiled templates kept between jobs: the same few are rendered again and again.
COMPILED_TEMPLATES = 256


class Renderer:
    def __init__(self, output_limit: int) -> None:
        self.output_limit = output_limit
        self.environments = {
            html: bounded_environment(html, output_limit) for html in (False, True)
        }
        self.compiled = lru_cache(maxsize=COMPILED_TEMPLATES)(self.compile)

    def compile(self, source: str, html: bool) -> Template:
        return self.environments[html].from_string(source)

    def render(self, job: dict[str, Any]) -> dict[str, Any]:
        rendered = {}
        for field in FIELDS:
            source = job["fields"].get(field, "")
            try:
                rendered[field] = self.render_field(source, field == "html", job["context"])
            except UnsafeLink as error:
                return failure("link", field, str(error), variable=error.variable)
            except LimitExceeded as error:
                return failure("limit", field, str(error))
            except MemoryError:
                return failure("memory", field, "it needs more memory than a template may use")
            except RecursionError:
                return failure("limit", field, "it calls itself too deeply")
            except Exception as error:  # the template's own mistake: a bad filter, 1/0, ...
                return failure("template", field, getattr(error, "message", None) or str(error))
        return {"rendered": rendered}

    def render_field(self, source: str, html: bool, context: dict[str, Any]) -> str:
        if not source:
            return ""
        parts, length = [], 0
        for part in self.compiled(source, html).generate(context):
            length += len(part)
            if length > self.output_limit:
                raise LimitExceeded(f"it prints more than {self.output_limit:,} characters")
            parts.append(part)
        return "".join(parts)


def failure(kind: str, field: str, message: str, **more: str) -> dict[str, Any]:
    return {"error": {"kind": kind, "field": field, "message": message, **more}}


def cap_memory(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def answer(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-limit", type=int, required=True)
    parser.add_argument("--memory-mb", type=int, required=True)
    options = parser.parse_args()
    renderer = Renderer(options.output_limit)
    cap_memory(options.memory_mb)
    answer({"ready": True})
    while line := sys.stdin.buffer.readline():
        answer(renderer.render(json.loads(line)))


if __name__ == "__main__":
    main()
