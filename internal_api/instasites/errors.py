from shared.utilities.errors import Conflict, InvalidInput


class BusinessNameRequired(InvalidInput):
    """Without a connected location to read it from, the business's name must be given."""

    code, message = "business_name_required", "Give the business's name, or a location."


class InstasiteNotReady(Conflict):
    """Only a built InstaSite (ready) can be claimed."""

    code, message = "instasite_not_ready", "The InstaSite is not ready to be claimed."
