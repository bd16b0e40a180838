"""What building a form may refuse, each case with its own code."""

from shared.utilities.errors import Conflict, InvalidInput


class InvalidDefinition(InvalidInput):
    """The form's fields do not hold together (a key used twice, a mapping to no contact
    field, no way to reach the lead): `details` names each field at fault."""

    code, message = "invalid_form_definition", "The form's definition is invalid."


class FormArchived(Conflict):
    """The form is archived: it takes no changes and no submissions."""

    code, message = "form_archived", "The form is archived."


class FormChanged(Conflict):
    """Someone else changed the form's definition meanwhile: read it again and redo the change."""

    code, message = "form_changed", "The form was changed meanwhile; read it again."
