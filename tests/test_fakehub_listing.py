"""The fake Hub's model listing answers `HfApi.list_models` as the Hub does (real client, loopback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# One real entry of the Hub's listing (GET /api/models?search=...&full=true), for its shape.
REAL_ENTRY = json.loads((Path(__file__).parent / "data" / "list_models_entry.json").read_text())


@pytest.fixture
def api(fake_hub):
    from huggingface_hub import HfApi

    fake_hub.add_model(
        "org/small",
        {"license": "mit"},
        downloads=10,
        likes=5,
        pipeline_tag="text-generation",
        library_name="transformers",
        parameters=1_000,
        tags=["transformers", "en"],
    )
    fake_hub.add_model(
        "org/big",
        {"license": "mit"},
        downloads=300,
        likes=1,
        pipeline_tag="text-generation",
        library_name="transformers",
        parameters=9_000,
        tags=["transformers", "de"],
    )
    fake_hub.add_model(
        "Other/middle-gguf",
        {"license": "mit"},
        downloads=200,
        likes=9,
        pipeline_tag="text-generation",
        library_name="gguf",
        tags=["gguf", "en"],
    )
    fake_hub.add_model(
        "org/speech",
        {"license": "mit"},
        downloads=1000,
        pipeline_tag="automatic-speech-recognition",
        library_name="transformers",
        tags=["transformers"],
    )
    fake_hub.add_dataset("org/a-dataset", {"license": "mit"})
    return HfApi(endpoint=fake_hub.url)


def ids(models) -> list[str]:
    return [model.id for model in models]


def test_filters_task_library_search_and_author(api):
    assert ids(api.list_models(pipeline_tag="text-generation")) == ["org/small", "org/big", "Other/middle-gguf"]
    assert ids(api.list_models(filter="transformers", pipeline_tag="text-generation")) == ["org/small", "org/big"]
    assert ids(api.list_models(filter=["transformers", "de"])) == ["org/big"]
    assert ids(api.list_models(search="MIDDLE")) == ["Other/middle-gguf"]
    assert ids(api.list_models(author="org")) == ["org/small", "org/big", "org/speech"]
    assert ids(api.list_models(filter="no-such-tag")) == []


def test_sorts_largest_first(api):
    assert ids(api.list_models(sort="downloads")) == ["org/speech", "org/big", "Other/middle-gguf", "org/small"]
    assert ids(api.list_models(sort="likes"))[:3] == ["Other/middle-gguf", "org/small", "org/big"]


def test_pages_with_a_next_link(api, fake_hub):
    assert ids(api.list_models(sort="downloads", limit=3)) == ["org/speech", "org/big", "Other/middle-gguf"]
    assert fake_hub.count("/api/models?") == 1  # list_models stops reading when it has `limit` models
    from huggingface_hub.utils import get_session

    response = get_session().get(f"{fake_hub.url}/api/models", params={"sort": "downloads", "limit": 2})
    assert [m["id"] for m in response.json()] == ["org/speech", "org/big"]
    following = get_session().get(response.links["next"]["url"])
    assert [m["id"] for m in following.json()] == ["Other/middle-gguf", "org/small"]
    assert "next" not in following.links


def test_expand_returns_the_listed_properties_only(api):
    (model,) = api.list_models(search="org/big", expand=["downloads", "safetensors", "pipeline_tag", "library_name"])
    assert (model.downloads, model.safetensors.total, model.pipeline_tag, model.library_name) == (
        300,
        9_000,
        "text-generation",
        "transformers",
    )
    assert model.tags is None and model.likes is None


def test_entries_have_the_real_listing_shape(api, fake_hub):
    from huggingface_hub.utils import get_session

    shared = [
        "id",
        "author",
        "gated",
        "lastModified",
        "likes",
        "trendingScore",
        "private",
        "sha",
        "downloads",
        "tags",
        "library_name",
        "createdAt",
        "modelId",
        "siblings",
    ]
    params = [("search", "org/big")] + [("expand", key) for key in shared]
    (entry,) = get_session().get(f"{fake_hub.url}/api/models", params=params).json()
    assert set(entry) == set(shared) | {"_id"}
    for key in shared:
        assert type(entry[key]) is type(REAL_ENTRY[key]), key
    (default,) = get_session().get(f"{fake_hub.url}/api/models", params={"search": "org/big"}).json()
    assert "siblings" not in default and "cardData" not in default and default["downloads"] == 300
