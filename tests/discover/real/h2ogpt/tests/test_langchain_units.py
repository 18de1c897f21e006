import pytest

from src.gpt_langchain import get_embedding


@pytest.mark.parametrize("num", [1000, 100000])
def test_many_text(num):
    hf_embedding_model = "fake"
    # hf_embedding_model = "sentence-transformers/all-MiniLM-L6-v2"
    # hf_embedding_model = 'BAAI/bge-large-en-v1.5'
    return get_embedding(False, hf_embedding_model=hf_embedding_model)


def test_make_db():
    hf_embedding_model = 'BAAI/bge-large-en-v1.5'
    return get_embedding(False, hf_embedding_model=hf_embedding_model)
