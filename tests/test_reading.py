"""Reading documents: encodings, line endings, HTML, bad input, and windows for huge files."""

from __future__ import annotations

import pytest

from analysis.errors import InputError
from analysis.extract.reading import DocumentStream, html_to_text, read_document


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_bom_is_dropped_and_line_endings_normalised(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "\ufeffHà Tĩnh\r\nline two\rthree\n".encode()))
    assert doc.text == "Hà Tĩnh\nline two\nthree\n"
    assert doc.format == "text" and doc.warnings == [] and doc.name == "a.txt"


def test_decomposed_accents_are_composed(tmp_path):
    doc = read_document(write(tmp_path, "nfd.txt", "Ha\u0300 Ti\u0303nh".encode()))
    assert doc.text == "Hà Tĩnh"


def test_invalid_bytes_are_replaced_with_one_warning_per_run(tmp_path):
    doc = read_document(write(tmp_path, "bad.txt", b"ok \xff\xfe text \xc3 end"))
    assert doc.text == "ok \ufffd\ufffd text \ufffd end"
    assert doc.warnings == [
        "bad.txt: byte 3: invalid UTF-8 (0xff), replaced",
        "bad.txt: byte 11: invalid UTF-8 (0xc3), replaced",
    ]


def test_warnings_are_capped(tmp_path):
    doc = read_document(write(tmp_path, "many.txt", b"a\xff " * 50))
    assert len(doc.warnings) == 11 and "40 more" in doc.warnings[-1]


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n "])
def test_empty_files_are_rejected(tmp_path, data):
    with pytest.raises(InputError, match="empty.txt: empty"):
        read_document(write(tmp_path, "empty.txt", data))


@pytest.mark.parametrize("data", [b"PK\x03\x04\x00\x00binary", bytes(range(1, 32)) * 40])
def test_binary_files_are_rejected(tmp_path, data):
    with pytest.raises(InputError, match="blob.bin.*binary"):
        read_document(write(tmp_path, "blob.bin", data))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_html_keeps_only_visible_text(tmp_path):
    html = (
        "<html><head><title>T</title><style>p {color: red}</style></head><body>"
        "<script>var x = 'Nghị quyết số 12-NQ/TW';</script><p>Hà&nbsp;Tĩnh &amp; Nghệ An</p>"
        "<noscript>Hải Dương</noscript><div>second<br>line</div><template>Ha Giang</template></body></html>"
    )
    doc = read_document(write(tmp_path, "page.html", html.encode()))
    assert doc.format == "html"
    assert "12-NQ" not in doc.text and "color" not in doc.text and "Hải" not in doc.text
    assert "Giang" not in doc.text
    assert "Hà Tĩnh & Nghệ An" in doc.text and "second\nline" in doc.text


def test_html_is_sniffed_without_its_suffix(tmp_path):
    doc = read_document(write(tmp_path, "page.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>"))
    assert doc.format == "html" and doc.text.strip() == "x"


def test_markdown_stays_text(tmp_path):
    doc = read_document(write(tmp_path, "n.md", b"# Title\n\n*Ha Tinh*\n"))
    assert doc.format == "markdown" and doc.text == "# Title\n\n*Ha Tinh*\n"


def test_html_to_text_collapses_spaces():
    assert html_to_text("<p>a   b</p><p>c</p>") == "a b\n\nc\n"


def test_stream_windows_rebuild_the_text_with_right_offsets(tmp_path):
    text = "".join(f"Dòng {i}: Hà Tĩnh\r\n" for i in range(3000))
    path = write(tmp_path, "long.txt", b"\xef\xbb\xbf" + text.encode())
    whole = read_document(path).text
    stream = DocumentStream(path, window_chars=8192, overlap=512)
    windows = list(stream)
    assert len(windows) > 5
    for w in windows:
        assert whole[w.offset : w.offset + len(w.text)] == w.text
    # the kept regions tile the text exactly once
    assert windows[0].keep_from == 0 and windows[-1].keep_until == len(whole)
    for a, b in zip(windows, windows[1:]):
        assert a.keep_until == b.keep_from and b.offset < b.keep_from


def test_stream_reports_invalid_bytes_at_their_file_offset(tmp_path):
    data = b"a" * 5000 + b" \xff " + b"b" * 5000
    stream = DocumentStream(write(tmp_path, "bad.txt", data), window_chars=4096, overlap=256)
    list(stream)
    assert stream.warnings == ["bad.txt: byte 5001: invalid UTF-8 (0xff), replaced"]


def test_stream_rejects_empty_file_at_the_end(tmp_path):
    with pytest.raises(InputError, match="empty"):
        list(DocumentStream(write(tmp_path, "e.txt", b" \n" * 10)))


def test_a_title_is_a_short_first_line_not_a_lead_sentence():
    from analysis.extract.reading import title_line
    body = "\n\nMore text.\n\nEven more.\n\nThe end.\n"
    title = "Khánh thành trụ sở công an 36 xã"
    assert title_line(title + body) == (0, len(title))
    lead = ("Ngày 6/1, Công an tỉnh tổ chức lễ công bố quyết định của Bộ trưởng Bộ Công an về tổ chức "
            "công an xã chính quy cho 47 xã.")
    assert title_line(lead + body) is None
