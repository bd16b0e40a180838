from shared.utilities.schemas import ReadModel


class RenderStampRead(ReadModel):
    stamp: str  # sent back as the submission's `render_stamp`
