"""A completed document's final PDF, printed by headless Chromium for real: the content, the
signatures and the certificate page with the hashes and the audit trail, stored once with its
own SHA-256, however often its task runs."""

import io

import pytest
from pypdf import PdfReader

from shared.domain.edocs import signing
from shared.domain.edocs.errors import DocumentTampered, PdfNotReady
from shared.domain.edocs.final_pdf import store_final_pdf, stored_pdf
from shared.domain.edocs.hashing import sha256
from shared.domain.edocs.settings import EdocsSettings
from shared.domain.edocs.signatures import drawn_signature, typed_signature
from shared.models.edocs_document import EdocsDocument
from shared.utilities.storage import LocalStorage
from tests.edocs_factories import CLIENT, KEY, PNG, create_draft, send_draft, tokens_of
from tests.factories import create_account, create_contact

CHROMIUM = EdocsSettings().chromium_path


@pytest.fixture
def storage(tmp_path):
    return LocalStorage(tmp_path)


@pytest.fixture
async def completed(mongo, outbox):
    account = await create_account()
    contact = await create_contact(account, first_name="Grace", last_name="Hopper")
    document = await send_draft(await create_draft(account, contact))
    first, second = await tokens_of(document)
    await signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT)
    await signing.sign(KEY, second, drawn_signature(PNG), CLIENT)
    return await EdocsDocument.get(document.id)


async def print_pdf(document: EdocsDocument, storage: LocalStorage) -> bool:
    return await store_final_pdf(str(document.id), str(document.account_id), storage, CHROMIUM)


async def test_the_pdf_holds_the_content_signatures_and_a_certificate_page(completed, storage):
    assert await print_pdf(completed, storage)

    stored = await EdocsDocument.get(completed.id)
    pdf = await stored_pdf(stored, storage)
    assert sha256(pdf) == stored.pdf_sha256
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 2
    assert "Grace Hopper" in pages[0] and "Ada Lovelace" in pages[0]
    certificate = "".join(pages[1:]).replace("\n", "")  # as printed, lines wrapped anywhere
    assert "Certificate of completion" in certificate
    assert completed.content_sha256 in certificate
    assert "203.0.113.7" in certificate and "signed" in certificate


async def test_a_retried_task_prints_and_stores_once(completed, storage, tmp_path):
    assert await print_pdf(completed, storage)
    first = (await EdocsDocument.get(completed.id)).pdf_key

    assert not await print_pdf(completed, storage)

    assert (await EdocsDocument.get(completed.id)).pdf_key == first
    assert [path.name for path in tmp_path.iterdir()] == [first]


async def test_a_tampered_document_is_not_printed(completed, storage, tmp_path):
    completed.content += "<p>and a pony</p>"
    await completed.save()

    with pytest.raises(DocumentTampered):
        await print_pdf(completed, storage)

    assert (await EdocsDocument.get(completed.id)).pdf_key is None
    assert list(tmp_path.iterdir()) == []


async def test_a_stored_pdf_that_no_longer_matches_its_hash_is_refused(
    completed, storage, tmp_path
):
    await print_pdf(completed, storage)
    stored = await EdocsDocument.get(completed.id)
    (tmp_path / stored.pdf_key).write_bytes(b"%PDF-1.7 forged")

    with pytest.raises(DocumentTampered):
        await stored_pdf(stored, storage)


async def test_no_pdf_is_served_before_it_is_printed(completed, storage):
    with pytest.raises(PdfNotReady):
        await stored_pdf(completed, storage)
