from typing import Self

from pydantic import BaseModel, Field, SecretStr, model_validator

from external_api.integrations.framework.provider import ApiKeyConnect
from shared.utilities.schemas import WriteModel

Secret = Field(min_length=1, max_length=500)


class TipaltiConnect(ApiKeyConnect):
    """The payer's Tipalti API app and master key. `api_key` is not sent: it is made of the
    two secrets, sealed together."""

    api_key: SecretStr = Field(SecretStr("-"), exclude=True)
    client_id: str = Field(min_length=1, max_length=200)
    client_secret: SecretStr = Secret
    master_key: SecretStr = Secret
    payer_name: str = Field(min_length=1, max_length=100, description="the payer's name in Tipalti")

    @model_validator(mode="after")
    def sealed_together(self) -> Self:
        pair = f"{self.client_secret.get_secret_value()}\n{self.master_key.get_secret_value()}"
        self.api_key = SecretStr(pair)
        return self


class PayeeCreate(WriteModel):
    ref_code: str = Field(pattern=r"^[A-Za-z0-9-]{1,64}$", description="the platform's payee id")
    name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=320)


class PayeeRead(BaseModel):
    payee_id: str
    ref_code: str
    payable: bool
    status: str


class OnboardingRead(BaseModel):
    payee_id: str
    onboarding_url: str


class Instruction(WriteModel):
    payee_id: str = Field(min_length=1, max_length=100)
    ref_code: str = Field(pattern=r"^[A-Za-z0-9-]{1,64}$", description="the payout's reference")
    amount: int = Field(gt=0, description="minor units")
    currency: str = Field(pattern=r"^[A-Z]{3}$")


class BatchCreate(WriteModel):
    instructions: list[Instruction] = Field(min_length=1, max_length=500)


class BatchRead(BaseModel):
    batch_id: str


class InstructionStatus(BaseModel):
    ref_code: str
    status: str  # Tipalti's: SUBMITTED, PAID, FAILED, CANCELED, ...


class BatchStatusRead(BaseModel):
    batch_id: str
    instructions: list[InstructionStatus]
