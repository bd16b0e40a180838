"""Writing one kind of text: render its prompt, ask for its schema, check what comes back."""

from dataclasses import dataclass

from pydantic import ValidationError

from ai_service.generate.kinds import KINDS, Kind
from ai_service.generate.schemas import GeneratedOutput, GenerateInput
from ai_service.provider import ChatProvider, Completion
from ai_service.usage import service as usage
from ai_service.usage.limits import Meter
from shared.utilities.errors import NotFound, UpstreamError


@dataclass(frozen=True)
class Generated:
    result: GeneratedOutput
    completion: Completion


def find_kind(name: str) -> Kind:
    if name not in KINDS:
        raise NotFound(
            f"There is no kind of text called {name!r}; the kinds are {', '.join(KINDS)}."
        )
    return KINDS[name]


async def generate(
    provider: ChatProvider, meter: Meter, kind: Kind, inputs: GenerateInput
) -> Generated:
    completion = await usage.complete(
        provider, meter, kind.name, kind.messages(inputs), kind.response_format()
    )
    try:
        result = kind.output.model_validate_json(completion.content)
    except ValidationError as error:
        raise UpstreamError(
            f"The AI provider's answer is not a valid {kind.name}.",
            details=[
                {"field": ".".join(map(str, item["loc"])), "message": item["msg"]}
                for item in error.errors()
            ],
            # The fields are the provider's answer's, not the caller's input.
            location="",
        ) from None
    return Generated(result, completion)
