"""Field types the internal API's schemas share."""

from typing import Annotated

from pydantic import AfterValidator, EmailStr, Field

# Emails are stored and compared lower-cased.
Email = Annotated[EmailStr, AfterValidator(str.lower)]
# Bounded above too: hashing a megabyte of password would be an easy way to burn our CPU.
Password = Annotated[str, Field(min_length=10, max_length=256)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
