"""Embeddings from an OpenAI-compatible ``/v1/embeddings`` endpoint (vLLM, Ollama, TEI, ...)."""

from __future__ import annotations

import numpy as np
import openai
from pydantic import SecretStr

from rag.embeddings.base import (
    E5_PASSAGE_PREFIX,
    E5_QUERY_PREFIX,
    EmbeddingsBackend,
    EmbeddingsUnavailableError,
    is_e5_model,
)

#: Sent when no key is configured: local servers ignore it, the client insists on one.
DUMMY_API_KEY = "not-needed"


class OpenAICompatEmbeddings(EmbeddingsBackend):
    """Remote embeddings through the ``openai`` client; e5-like model names get prefixes."""

    def __init__(
        self,
        model: str,
        base_url: str,
        api_key: SecretStr | str | None = None,
        *,
        timeout: float = 60.0,
        max_retries: int = 2,
        batch_size: int = 64,
        dimension: int | None = None,
    ) -> None:
        self.model = model
        self.base_url = base_url
        self.batch_size = batch_size
        self._dimension = dimension
        self._prefixes = is_e5_model(model)
        key = api_key.get_secret_value() if isinstance(api_key, SecretStr) else api_key
        self._client = openai.OpenAI(
            base_url=base_url,
            api_key=key or DUMMY_API_KEY,
            timeout=timeout,
            max_retries=max_retries,
        )

    @property
    def name(self) -> str:
        return f"openai:{self.model}"

    @property
    def dimension(self) -> int:
        """Known only from the server, so asked once with a probe text unless configured."""
        if self._dimension is None:
            self._dimension = int(self._encode(["dimension probe"], is_query=False).shape[1])
        return self._dimension

    def _encode(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        if self._prefixes:
            prefix = E5_QUERY_PREFIX if is_query else E5_PASSAGE_PREFIX
            texts = [prefix + text for text in texts]
        # The OpenAI API rejects empty strings; a space embeds as "nothing" just as well.
        texts = [text if text else " " for text in texts]
        try:
            # "float" explicitly: the client defaults to base64, which some servers lack.
            response = self._client.embeddings.create(
                model=self.model, input=texts, encoding_format="float"
            )
        except openai.APIConnectionError as error:  # includes timeouts
            raise EmbeddingsUnavailableError(
                f"embeddings endpoint {self.base_url} is unreachable ({error}); "
                "check TIEKARTTA_EMBEDDINGS_BASE_URL and that the server is running"
            ) from error
        except openai.APIStatusError as error:
            raise EmbeddingsUnavailableError(
                f"embeddings endpoint {self.base_url} refused model '{self.model}': "
                f"HTTP {error.status_code} {error.message}"
            ) from error
        rows = sorted(response.data, key=lambda item: item.index)
        if len(rows) != len(texts):
            raise EmbeddingsUnavailableError(
                f"embeddings endpoint returned {len(rows)} vectors for {len(texts)} texts"
            )
        return np.asarray([row.embedding for row in rows], dtype=np.float32)
