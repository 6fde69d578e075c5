"""The model manifest (models/manifest.yaml): where each model lives and what its files hash to."""

from __future__ import annotations

import hashlib
import site
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import yaml

from .config import REPO_ROOT

MODELS_DIR = REPO_ROOT / "models"
MANIFEST = MODELS_DIR / "manifest.yaml"


class ModelError(Exception):
    """A model that is missing or whose files do not match the manifest."""


@dataclass(frozen=True)
class ResolvedModel:
    name: str
    path: Path  # directory holding the model files
    sha256: str | None  # of the main weights file; None for a model outside the manifest
    verified: bool


def load_manifest(path: Path = MANIFEST) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


_HASHES: dict[tuple[str, int, int], str] = {}


def sha256_file(path: Path) -> str:
    """sha256 of a file, once per process for the same path, size and modification time."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _HASHES:
        _HASHES[key] = _hash(path)
    return _HASHES[key]


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def site_packages() -> list[Path]:
    paths = [Path(sysconfig.get_paths()["purelib"])] + [Path(p) for p in site.getsitepackages()]
    return list(dict.fromkeys(p for p in paths if p.is_dir()))


def verify_files(directory: Path, files: dict[str, dict], name: str) -> None:
    for relative, spec in files.items():
        path = directory / relative
        if not path.is_file():
            raise ModelError(f"model {name}: {path} is missing (run `make setup`)")
        if sha256_file(path) != spec["sha256"]:
            raise ModelError(f"model {name}: {path} does not match its sha256 in {MANIFEST.name}; refusing it")


def resolve_asr_model(name_or_path: str, manifest: dict | None = None) -> ResolvedModel:
    """A manifest name is verified in models/; a directory is used as given; any other name is
    left for faster-whisper to resolve (a hub name, for users with internet)."""
    manifest = manifest or load_manifest()
    entry = manifest.get("asr", {}).get(name_or_path)
    if entry:
        directory = MODELS_DIR / entry["directory"]
        verify_files(directory, entry["files"], name_or_path)
        return ResolvedModel(name_or_path, directory, entry["files"]["model.bin"]["sha256"], True)
    candidate = Path(name_or_path).expanduser()
    if candidate.is_dir():
        weights = candidate / "model.bin"
        if not weights.is_file():
            raise ModelError(f"model directory {candidate} has no model.bin (not a CTranslate2 model)")
        return ResolvedModel(candidate.name, candidate.resolve(), sha256_file(weights), False)
    return ResolvedModel(name_or_path, Path(name_or_path), None, False)


def resolve_nlp_model(name: str, manifest: dict | None = None) -> ResolvedModel:
    manifest = manifest or load_manifest()
    entry = manifest.get("nlp", {}).get(name)
    if not entry:
        raise ModelError(f"spaCy model {name!r} is not in {MANIFEST}; add it there with its hashes")
    for root in site_packages():
        directory = root / entry["package_dir"]
        if directory.is_dir():
            verify_files(directory, entry["files"], name)
            return ResolvedModel(name, directory, entry["files"]["ner/model"]["sha256"], True)
    raise ModelError(f"spaCy model {name} is not installed (run `make setup`)")
