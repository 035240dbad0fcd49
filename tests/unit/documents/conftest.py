from __future__ import annotations

import pytest

from tests.unit.documents import sample
from tests.unit.documents.pdfprobe import Page, read_pages


@pytest.fixture(scope="session")
def sample_pdf() -> bytes:
    return sample.build()


@pytest.fixture(scope="session")
def sample_pages(sample_pdf: bytes) -> list[Page]:
    return read_pages(sample_pdf)
