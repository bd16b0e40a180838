from shared.utilities.errors import Conflict, InvalidInput, ServiceUnavailable


class BusinessNameRequired(InvalidInput):
    """Without a connected location to read it from, the business's name must be given."""

    code, message = "business_name_required", "Give the business's name, or a location."


class InstasiteNotReady(Conflict):
    """Only a built InstaSite (ready) can be claimed."""

    code, message = "instasite_not_ready", "The InstaSite is not ready to be claimed."


class PlaceNotFound(InvalidInput):
    """Google Maps has no place with this id."""

    code, message = "place_not_found", "Google Maps has no such place."


class PlacesUnavailable(ServiceUnavailable):
    """The maps service (or Google behind it) could not be asked: nothing is built on a guess."""

    code, message = "places_unavailable", "Google Maps could not be asked; try again shortly."
