"""One document's failure is that document's failure: an exception, a hang, a crash or a memory
blow-up in one document becomes one line naming it, and every other document is processed."""
import json
import os
import signal
import subprocess
import sys
import time
import zipfile

import pytest

from cbmcite.cli import main
from cbmcite.ingest import InputError, read_document

ARTICLE = "正文。1\n\n1 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期，1999年，頁1-23。\n"
POISON = "POISONED"


def _folder(tmp_path, names=("a.txt", "bad.txt", "c.txt")):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in names:
        text = ARTICLE.replace("楊永明", "楊永明" + POISON) if name.startswith("bad") else ARTICLE
        (folder / name).write_text(text, "utf-8")
    return folder


def _poison_parser(monkeypatch, action):
    """The parser misbehaves on the notes of one document only."""
    import cbmcite.pipeline as pipeline

    real = pipeline.parse_note

    def parse(note):
        if note.text and POISON in note.text:
            action()
        return real(note)

    monkeypatch.setattr(pipeline, "parse_note", parse)


def _good_documents(stdout: str) -> list[str]:
    return [os.path.basename(d["path"]) for d in json.loads(stdout)["documents"]]


def _raise():
    raise RuntimeError("boom\nsecond line")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unexpected_exception_is_one_line_and_the_rest_is_written(tmp_path, runner, monkeypatch, jobs):
    _poison_parser(monkeypatch, _raise)
    result = runner.invoke(main, ["extract", str(_folder(tmp_path)), "-j", jobs, "-q"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [f"cbmcite: {tmp_path / 'docs' / 'bad.txt'}: internal error (RuntimeError: boom second line); "
                     "please report"]
    assert _good_documents(result.stdout) == ["a.txt", "c.txt"]


def test_the_library_raises_only_its_own_error_types(tmp_path, monkeypatch):
    _poison_parser(monkeypatch, _raise)
    from cbmcite import extract_document
    from cbmcite.ingest import InternalError

    folder = _folder(tmp_path)
    with pytest.raises(InternalError, match="please report") as caught:
        extract_document(str(folder / "bad.txt"))
    assert isinstance(caught.value.__cause__, RuntimeError)  # the bug stays visible to a debugger
    for hostile in (folder, folder / "missing.txt"):
        with pytest.raises(InputError):
            extract_document(str(hostile))


def _spin():
    while True:
        pass


@pytest.mark.parametrize("hang", [_spin, lambda: time.sleep(3600)], ids=["computing", "waiting"])
def test_a_hanging_document_is_given_up_after_the_timeout(tmp_path, runner, monkeypatch, hang):
    _poison_parser(monkeypatch, hang)
    start = time.monotonic()
    result = runner.invoke(main, ["extract", str(_folder(tmp_path)), "-j", "1", "-q", "--timeout", "1"])
    assert time.monotonic() - start < 20
    assert result.exit_code == 1
    assert "bad.txt: gave up after 1 s (time limit; --timeout to change)" in result.stderr
    assert _good_documents(result.stdout) == ["a.txt", "c.txt"]


@pytest.mark.parametrize("how", [lambda: os.kill(os.getpid(), signal.SIGKILL), os.abort])
def test_a_crashed_worker_costs_only_its_document(tmp_path, runner, monkeypatch, how):
    _poison_parser(monkeypatch, how)
    result = runner.invoke(main, ["extract", str(_folder(tmp_path, ["a.txt", "bad.txt", "c.txt", "d.txt"])),
                                  "-j", "2", "-q"])
    assert result.exit_code == 1
    assert "bad.txt: gave up: its worker process was killed by SIG" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert _good_documents(result.stdout) == ["a.txt", "c.txt", "d.txt"]


def test_a_document_that_eats_memory_gives_up(tmp_path, runner, monkeypatch):
    _poison_parser(monkeypatch, lambda: bytearray(2_000_000_000))
    result = runner.invoke(main, ["extract", str(_folder(tmp_path)), "-q", "--max-memory", "600"])
    assert result.exit_code == 1
    assert "bad.txt: gave up after" in result.stderr and "ran out of memory: the limit is 600 MB" in result.stderr
    assert _good_documents(result.stdout) == ["a.txt", "c.txt"]


def test_special_files_are_named_and_never_read(tmp_path, runner):
    folder = _folder(tmp_path, ["good.txt"])
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    with open(folder / "sparse.txt", "wb") as fh:  # 1 GB of nothing, no disk used
        fh.truncate(1 << 30)
    start = time.monotonic()
    result = runner.invoke(main, ["extract", str(folder), "-q", "--timeout", "20"])
    assert time.monotonic() - start < 20
    assert result.exit_code == 1
    errors = result.stderr
    assert "pipe.txt: not a regular file (a named pipe (FIFO))" in errors
    assert "zero.txt: not a regular file (a character device)" in errors
    assert "sparse.txt: too large" in errors
    assert _good_documents(result.stdout) == ["good.txt"]


def test_a_binary_file_is_refused_from_its_first_bytes(tmp_path):
    sparse = tmp_path / "sparse.txt"
    with open(sparse, "wb") as fh:
        fh.truncate(40 * 1024 * 1024)  # under the size limit: refused on its first bytes, not read whole
    with pytest.raises(InputError, match="binary"):
        read_document(str(sparse))


def _docx_with(tmp_path, name: str, flag_bits: int = 0, method: int = zipfile.ZIP_DEFLATED):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(path.read_bytes())
    for header, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # local and central headers
        at = data.find(header)
        data[at + offset] |= flag_bits
        data[at + offset + 2:at + offset + 4] = method.to_bytes(2, "little")
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("flag_bits, method, reason", [(1, zipfile.ZIP_DEFLATED, "encrypted member"),
                                                       (0, zipfile.ZIP_LZMA, "compression method 14")])
def test_a_docx_member_the_zip_module_cannot_read_is_one_line(tmp_path, runner, flag_bits, method, reason):
    bad = _docx_with(tmp_path, "bad.docx", flag_bits, method)
    with pytest.raises(InputError, match=reason):
        read_document(str(bad))


def test_a_gap_of_a_hundred_million_numbers_is_one_record(tmp_path):
    from cbmcite import extract_document

    tex = tmp_path / "huge.tex"
    tex.write_text("Text\\footnote{First.} and\\footnote[99999999]{Last.}\n", "utf-8")
    anomalies = extract_document(str(tex)).anomalies
    assert [(a.kind, a.number) for a in anomalies] == [("gap", 2)]
    assert "99999998" in anomalies[0].message.replace(",", "")


def test_a_non_utf8_file_name_is_written_with_escapes(tmp_path, runner):
    folder = _folder(tmp_path, ["a.txt"])
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(odd, "wb") as fh:
        fh.write(ARTICLE.encode("utf-8"))
    out = tmp_path / "out.json"
    result = runner.invoke(main, ["extract", str(folder), "-q", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    paths = [d["path"] for d in json.loads(out.read_text("utf-8"))["documents"]]
    assert any(p.endswith("caf\\xe9.txt") for p in paths) and len(paths) == 2
    for fmt in ("bibtex", "csl-json", "text"):
        assert runner.invoke(main, ["extract", str(folder), "-q", "--format", fmt]).exit_code == 0


def test_an_unreadable_subfolder_is_named(tmp_path, runner):
    folder = _folder(tmp_path, ["a.txt"])
    locked = folder / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE, "utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read anything")
        result = runner.invoke(main, ["extract", str(folder), "-q"])
        assert result.exit_code == 1 and "locked: cannot read folder (Permission denied)" in result.stderr
    finally:
        locked.chmod(0o700)


SLOW_RUN = ("import sys, time, cbmcite.pipeline as p; p.parse_note = lambda note: time.sleep(3600); "
            "from cbmcite.cli import main; sys.argv[0] = 'cbmcite'; main()")


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _start_slow_run(tmp_path, *extra):
    folder = _folder(tmp_path, [f"d{n}.txt" for n in range(4)])
    proc = subprocess.Popen([sys.executable, "-c", SLOW_RUN, "extract", str(folder), "-j", "2", "-q", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(proc.pid)
    assert len(workers) == 2
    return proc, workers


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_workers_die_with_a_killed_parent(tmp_path):
    proc, workers = _start_slow_run(tmp_path)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 5
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_alive, workers))


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_ctrl_c_stops_within_a_second_and_writes_nothing(tmp_path):
    out = tmp_path / "out.json"
    proc, workers = _start_slow_run(tmp_path, "-o", str(out))
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=10)
    assert time.monotonic() - start < 2  # "within a second", with room for a loaded machine
    assert proc.returncode != 0 and b"Traceback" not in proc.stderr.read()
    assert not any(map(_alive, workers))
    assert not out.exists() and not [p for p in os.listdir(tmp_path) if p.startswith(".cbmcite-")]


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_sigterm_stops_workers_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "out.json"
    proc, workers = _start_slow_run(tmp_path, "-o", str(out))
    proc.terminate()
    proc.wait(timeout=10)
    assert proc.returncode == 128 + signal.SIGTERM and b"Traceback" not in proc.stderr.read()
    assert not any(map(_alive, workers))
    assert not out.exists() and not [p for p in os.listdir(tmp_path) if p.startswith(".cbmcite-")]


def test_library_warnings_about_a_damaged_pdf_are_not_loose_lines(tmp_path):
    from hostile_corpus import pdf_bytes

    page = b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"  # no MediaBox: pdfminer warns
    (tmp_path / "nobox.pdf").write_bytes(pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                                                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
                                                    b"<< /Length 0 >>\nstream\n\nendstream"]))
    (tmp_path / "good.txt").write_text(ARTICLE, "utf-8")
    proc = subprocess.run([sys.executable, "-m", "cbmcite.cli", "extract", str(tmp_path), "-q"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"cbmcite: {tmp_path / 'nobox.pdf'}: "), lines


def test_what_a_library_prints_in_a_worker_never_reaches_the_output(tmp_path):
    script = ("import os, sys, cbmcite.pipeline as p; real = p.parse_note\n"
              "def noisy(note):\n"
              "    print('chatter'); os.write(1, b'c-level chatter'); os.write(2, b'stderr chatter')\n"
              "    return real(note)\n"
              "p.parse_note = noisy\n"
              "from cbmcite.cli import main; sys.argv[0] = 'cbmcite'; main()")
    folder = _folder(tmp_path, ["a.txt"])
    proc = subprocess.run([sys.executable, "-c", script, "extract", str(folder), "-q"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and proc.stderr == ""
    assert len(json.loads(proc.stdout)["documents"]) == 1


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5, 2.5])
def test_an_early_ctrl_c_never_hangs_or_prints_a_traceback(tmp_path, delay):
    folder = _folder(tmp_path, [f"d{n}.txt" for n in range(12)])
    proc = subprocess.Popen([sys.executable, "-m", "cbmcite.cli", "extract", str(folder), "-j", "2", "-q", "-o",
                             str(tmp_path / "out.json")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=10)  # never hangs
    errors = proc.stderr.read().decode()
    if "Traceback" in errors:  # Python's own, when Ctrl-C comes while the modules are still being imported
        assert errors.rstrip().endswith("KeyboardInterrupt") and "click" not in errors, errors
    assert not _children(proc.pid) and not [p for p in os.listdir(tmp_path) if p.startswith(".cbmcite-")]


def test_a_folder_past_path_max_is_named_not_skipped_silently(tmp_path, runner):
    folder = _folder(tmp_path, ["a.txt"])
    deep = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(45):  # 45 × 101 characters: past PATH_MAX (4096)
            os.mkdir("d" * 100, dir_fd=deep)
            inner = os.open("d" * 100, os.O_RDONLY, dir_fd=deep)
            os.close(deep)
            deep = inner
        with os.fdopen(os.open("b.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=deep), "w") as fh:
            fh.write(ARTICLE)
    finally:
        os.close(deep)
    result = runner.invoke(main, ["extract", str(folder), "-q"])
    assert result.exit_code == 1 and "cannot read folder (File name too long)" in result.stderr
    assert _good_documents(result.stdout) == ["a.txt"]


def test_an_unexpected_error_after_the_documents_is_one_line(tmp_path, runner, monkeypatch):
    """Merging, rendering or writing failing in a way nobody foresaw: one line, exit 1, no traceback."""
    import cbmcite.bibliography as bibliography

    doc = tmp_path / "a.txt"
    doc.write_text(ARTICLE, "utf-8")

    def broken(self):
        raise RuntimeError("keys\\nexhausted")

    monkeypatch.setattr(bibliography.BibliographyBuilder, "finish", broken)
    result = runner.invoke(main, ["extract", str(doc), "-q", "--format", "bibtex"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == "cbmcite: internal error (RuntimeError: keys\\nexhausted); please report"
