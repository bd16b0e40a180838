"""Every model a request body or socket payload is built of is a WriteModel all the way down,
so what it takes can be stored as sent: unknown fields refused at every level, no control
characters, integers within int64 (a plain model nested in a body let a 2**66 attachment size
reach MongoDB as a 500)."""

import inspect
import typing
from collections.abc import Iterator

from pydantic import BaseModel

import conversation_socket.schemas
import general_socket.schemas
from scripts.services import SERVICES
from shared.utilities.schemas import WriteModel

SOCKET_PAYLOADS = (conversation_socket.schemas, general_socket.schemas)


def subclasses(model: type) -> Iterator[type]:
    for subclass in model.__subclasses__():
        yield subclass
        yield from subclasses(subclass)


def write_models() -> set[type[WriteModel]]:
    """Every WriteModel of every service: building the apps imports their routes' schemas."""
    for service in SERVICES:
        service.create_app(service.settings_class()())
    return set(subclasses(WriteModel))


def models_in(annotation: object) -> Iterator[type[BaseModel]]:
    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from models_in(argument)


def test_the_services_write_models_are_found():
    names = {model.__name__ for model in write_models()}

    assert {"ContactCreate", "MessageCreate", "MessageSend"} <= names


def test_every_socket_payload_is_a_write_model():
    plain = [
        f"{module.__name__}.{name}"
        for module in SOCKET_PAYLOADS
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, BaseModel)
        and value.__module__ == module.__name__
        and not issubclass(value, WriteModel)
    ]

    assert plain == []


def test_every_model_nested_in_a_write_model_is_one():
    plain = {
        f"{model.__module__}.{model.__name__}.{name}: {nested.__module__}.{nested.__name__}"
        for model in write_models()
        for name, field in model.model_fields.items()
        for nested in models_in(field.annotation)
        if not issubclass(nested, WriteModel)
    }

    assert sorted(plain) == []
