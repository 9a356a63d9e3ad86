"""The files of finished jobs: personal data masked in them like in the database rows.

A classify job keeps residents' words in files: the proposal file uploaded through the API or
the web page (under ``<data>/uploads/``, where the job reads it again when it resumes after a
restart) and what it wrote into its own folder ``<data>/jobs/<id>/`` (the classified table and
``rejected.csv``). Once the job has ended (done or failed) none of them is read for the work
any more, so they are masked in place, every text cell below the header: the table a person
downloads keeps its rows, columns and labels. A running or queued job is never touched (it
needs the raw text to resume), nor an uploaded file that an unfinished job still reads. A file
given to the CLI (``tiekartta classify FILE --out OUT``) is the person's own and stays theirs.

An uploaded proposal file that no job ever took up (the web page keeps a file while its columns
are chosen; a person may never come back) is removed once it is older than both the cutoff and
a day, so a column choice in progress is not cut short even with retention 0.

A job whose files were all masked gets a marker file in its folder, so a later pass skips it
(``everything`` rereads them, e.g. after an update of the masker); a file that cannot be read
is reported by name and the other files and jobs go on; its job is tried again next time.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rag.classify.jobs import CLASSIFY_JOB, CLI_CLASSIFY_JOB
from rag.core.documents import IngestError
from rag.core.limits import InputLimits
from rag.core.privacy.at_rest import mask_text
from rag.core.table_rewrite import leftover_temporaries, replace_atomically, rewrite_text_cells
from rag.core.tables import table_format
from rag.store.db import now_iso
from rag.store.jobs import JobRecord
from rag.store.registry import Registry

ABANDONED_AFTER = timedelta(days=1)  # an upload waiting for its column choice is kept that long
MASKED_MARKER = ".personal-data-masked"  # in a job's folder: every file of the job is masked
log = logging.getLogger(__name__)
CLASSIFY_KINDS = (CLASSIFY_JOB, CLI_CLASSIFY_JOB)  # drafts and syncs keep no files of their own


@dataclass
class JobFilesReport:
    """What one pass over job files did: files whose text changed, files it could not mask."""

    files: int = 0
    errors: list[str] = field(default_factory=list)  # "<file>: <problem>", file in the data dir
    abandoned_uploads: int = 0  # uploads no job took up, removed

    def add(self, other: JobFilesReport) -> None:
        self.files += other.files
        self.errors += other.errors
        self.abandoned_uploads += other.abandoned_uploads


class JobFileMasker:
    """Masks the files of ended jobs (the uploaded input and the job folder's tables)."""

    def __init__(
        self,
        registry: Registry,
        data_dir: Path,
        jobs_dir: Path,
        limits: InputLimits,
        kinds: Sequence[str] = CLASSIFY_KINDS,
    ) -> None:
        self._registry = registry
        self._kinds = tuple(kinds)  # the job kinds that keep people's words in files
        self._data_dir = Path(data_dir)
        self._uploads = self._data_dir / "uploads"
        self._jobs_dir = Path(jobs_dir)
        self._limits = limits

    def mask_ended_before(self, before: str, everything: bool = False) -> JobFilesReport:
        """Mask the files of every job that ended before ``before`` (UTC ISO)."""
        report = JobFilesReport()
        in_use = self._inputs_in_use()
        for job in self._registry.jobs.jobs_finished_before(before, self._kinds):
            report.add(self._mask(job, everything, in_use))
        report.abandoned_uploads = self._remove_abandoned_uploads(before)
        return report

    def mask_job(self, job: JobRecord) -> JobFilesReport:
        """Mask one ended job's files now (raw text retention 0: at the end of the job)."""
        if not job.finished or job.kind not in self._kinds:
            return JobFilesReport()  # a running job reads its input again on resume
        return self._mask(job, False, self._inputs_in_use())

    def files_of(self, job: JobRecord) -> list[Path]:
        """The job's table files: its uploaded input (when the data directory holds it) and
        the tables in its folder."""
        files = [path for path in [self._kept_input(job)] if path is not None]
        folder = self._jobs_dir / job.job_id
        if folder.is_dir():
            files += sorted(
                path
                for path in folder.iterdir()
                if path.is_file() and not path.name.startswith(".") and table_format(path)
            )
        return files

    # -- inside -----------------------------------------------------------------------------
    def _mask(self, job: JobRecord, everything: bool, in_use: set[Path]) -> JobFilesReport:
        report = JobFilesReport()
        marker = self._jobs_dir / job.job_id / MASKED_MARKER
        if marker.exists() and not everything:
            return report
        files = self.files_of(job)
        complete = True
        for path in files:
            if path.resolve() in in_use:
                complete = False  # another job still reads this upload: masked after it ends
                continue
            try:
                for temporary in leftover_temporaries(path):
                    temporary.unlink()  # a rewrite killed half-way; the file itself is whole
                report.files += rewrite_text_cells(path, mask_text, self._limits) > 0
            except (IngestError, OSError) as exc:
                complete = False
                problem = exc.reason if isinstance(exc, IngestError) else str(exc.strerror or exc)
                report.errors.append(f"{self._shown(path)}: {problem}")
        if files and complete:
            marker.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(marker, lambda temporary: temporary.write_text(now_iso()))
        return report

    def _kept_input(self, job: JobRecord) -> Path | None:
        """The job's input file if it is a copy kept in the data directory's uploads."""
        given = job.params.get("input")
        if not isinstance(given, str) or not given:
            return None
        path = Path(given).resolve()
        uploads = self._uploads.resolve()
        return path if uploads in path.parents and path.is_file() else None

    def _remove_abandoned_uploads(self, before: str) -> int:
        """Remove kept proposal uploads (a file, or a web upload's folder) that no job refers
        to and that were last written before both ``before`` and a day ago."""
        folder = self._uploads / "proposals"
        if not folder.is_dir():
            return 0
        limit = min(datetime.fromisoformat(before), datetime.now(UTC) - ABANDONED_AFTER)
        taken = self._inputs_of_every_job()
        removed = 0
        for entry in sorted(folder.iterdir()):
            files = sorted(entry.rglob("*")) if entry.is_dir() else [entry]
            files = [path for path in files if path.is_file()]
            if any(path.resolve() in taken for path in files):
                continue
            written = max((path.stat().st_mtime for path in files), default=None)
            if written is None:
                written = entry.stat().st_mtime  # an empty folder: its own time
            if datetime.fromtimestamp(written, UTC) >= limit:
                continue
            try:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            except OSError as exc:  # tried again by the next pass
                log.warning("could not remove %s: %s", self._shown(entry), exc.strerror or exc)
                continue
            removed += 1
        return removed

    def _inputs_of_every_job(self) -> set[Path]:
        """Every input file a job of the file-keeping kinds was given, whatever its state."""
        jobs = self._registry.jobs
        return _inputs(job for kind in self._kinds for job in jobs.list_jobs(kind, limit=10**9))

    def _inputs_in_use(self) -> set[Path]:
        """Uploaded files that a queued or running job will read (again)."""
        return _inputs(self._registry.jobs.unfinished_jobs())

    def _shown(self, path: Path) -> str:
        """The file as a person finds it: relative to the data directory."""
        try:
            return str(path.resolve().relative_to(self._data_dir.resolve()))
        except ValueError:
            return path.name


def _inputs(jobs: Iterable[JobRecord]) -> set[Path]:
    """The input files the jobs were given (resolved)."""
    return {
        Path(job.params["input"]).resolve()
        for job in jobs
        if isinstance(job.params.get("input"), str) and job.params["input"]
    }
