"""The templates library's named errors."""

from shared.utilities.errors import Conflict, InvalidInput, NotFound


class TemplateNotFound(NotFound):
    code, message = "template_not_found", "The template does not exist."


class TemplateNotUsable(Conflict):
    code, message = "template_not_usable", "This kind of template makes no funnel."


class TemplateIncomplete(InvalidInput):
    code, message = "template_incomplete", "The template lacks what its kind needs."


class FunnelRequired(InvalidInput):
    code, message = "funnel_required", "A page template is added to a funnel: name it."
