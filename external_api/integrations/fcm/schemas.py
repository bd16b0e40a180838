from pydantic import BaseModel, Field


class PushMessageCreate(BaseModel):
    token: str = Field(min_length=1, max_length=4096, description="the device's FCM token")
    title: str = Field(max_length=1000)
    body: str = Field(max_length=4000, description="the notification's text")
    data: dict[str, str] = Field(
        default_factory=dict, description="string values the app receives with it"
    )


class PushMessageSent(BaseModel):
    name: str = Field(description="FCM's message name: projects/{project}/messages/{id}")
