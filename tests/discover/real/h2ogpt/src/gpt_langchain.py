import os


def get_embedding(use_openai_embedding, hf_embedding_model=None, preload=False, gpu_id=0):
    assert hf_embedding_model is not None
    # Get embedding model
    if use_openai_embedding:
        assert os.getenv("OPENAI_API_KEY") is not None, "Set ENV OPENAI_API_KEY"
        from langchain_community.embeddings import OpenAIEmbeddings
        embedding = OpenAIEmbeddings(disallowed_special=())
    elif hf_embedding_model == 'fake':
        embedding = H2OFakeEmbeddings(size=1)
    else:
        # to ensure can fork without deadlock
        from langchain_community.embeddings import HuggingFaceEmbeddings, HuggingFaceBgeEmbeddings

        model_kwargs = dict(device=gpu_id)
        if hf_embedding_model.startswith("BAAI/bge"):
            encode_kwargs = {'normalize_embeddings': True}
            embedding = HuggingFaceBgeEmbeddings(model_name=hf_embedding_model,
                                                 model_kwargs=model_kwargs,
                                                 encode_kwargs=encode_kwargs)
        else:
            embedding = HuggingFaceEmbeddings(model_name=hf_embedding_model, model_kwargs=model_kwargs)
    return embedding
