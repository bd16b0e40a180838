"""What changing pipelines and their stages may refuse, each case with its own code. Stages are
named by their names, as users know them."""

from shared.utilities.errors import Conflict


class StageNameTaken(Conflict):
    """Another stage of the pipeline has this name."""

    code = "stage_name_taken"


class LastStage(Conflict):
    """A pipeline keeps at least one stage."""

    code, message = "last_stage", "A pipeline keeps at least one stage."


class StageNotEmpty(Conflict):
    """Deals are still on the stage, and no target stage was given for them."""

    code = "stage_not_empty"


class PipelineNotEmpty(Conflict):
    """Deals are still on the pipeline, and no target stage was given for them."""

    code = "pipeline_not_empty"
