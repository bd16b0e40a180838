"""docs/scaling.md gives every collection its shard key: a new collection needs its line."""

import re
from pathlib import Path

from shared.models import ALL_MODELS

SCALING = Path(__file__).resolve().parents[2] / "docs" / "scaling.md"


def test_every_collection_has_a_shard_key_in_the_scaling_page():
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", SCALING.read_text(), flags=re.MULTILINE))
    collections = {model.Settings.name for model in ALL_MODELS}

    assert sorted(collections - listed) == []
