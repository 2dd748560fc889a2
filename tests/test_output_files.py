"""The user's files are never lost, changed behind their back or left invalid."""
import json
import os
import stat
import threading

import pytest

from cbmcite.cli import main
from cbmcite.output import OutputError, write_file

ARTICLE = "正文。1\n\n1 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期，1999年，頁1-23。\n"
SECOND = ("正文。1 又2\n\n1 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期，1999年，頁1-23。\n"
          "2 Joseph Sheffield, Military Thought (Alabama: AU Press, 2009), 7.\n")


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def test_new_files_follow_the_umask(tmp_path, runner, doc):
    old = os.umask(0o022)
    try:
        result = runner.invoke(main, ["extract", str(doc), "-q", "-o", str(tmp_path / "out.json")])
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert stat.S_IMODE(os.stat(tmp_path / "out.json").st_mode) == 0o644


def test_output_onto_an_input_is_refused(tmp_path, runner, doc):
    result = runner.invoke(main, ["extract", str(doc), "-q", "-o", str(doc)])
    assert result.exit_code == 2 and "is one of the input documents" in result.stderr
    assert doc.read_text("utf-8") == ARTICLE


def test_output_onto_a_document_inside_an_input_folder_is_refused(tmp_path, runner, doc):
    result = runner.invoke(main, ["extract", str(tmp_path), "-q", "--format", "text", "-o", str(doc)])
    assert result.exit_code == 2 and "is one of the input documents" in result.stderr
    assert doc.read_text("utf-8") == ARTICLE


def test_update_and_output_naming_one_file_is_refused(tmp_path, runner, doc):
    bib = tmp_path / "refs.bib"
    bib.write_text("% mine\n", "utf-8")
    link = tmp_path / "link.bib"
    link.symlink_to(bib)
    for other in (bib, link):
        result = runner.invoke(main, ["extract", str(doc), "-q", "--update", str(bib), "-o", str(other)])
        assert result.exit_code == 2 and "give different files" in result.stderr
    assert bib.read_text("utf-8") == "% mine\n"


def test_a_symlink_is_followed_and_kept(tmp_path, runner, doc):
    real = tmp_path / "real.json"
    real.write_text("{}", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = runner.invoke(main, ["extract", str(doc), "-q", "--format", "json", "-o", str(link)])
    assert result.exit_code == 0
    assert link.is_symlink() and json.loads(real.read_text("utf-8"))["documents"]


def test_a_fifo_is_written_into(tmp_path, runner, doc):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(main, ["extract", str(doc), "-q", "-o", str(fifo)])
    reader.join(10)
    assert result.exit_code == 0 and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(received[0])["documents"]


def test_dev_null_stays_a_device(runner, doc):
    if not os.access("/dev/null", os.W_OK):
        pytest.skip("no /dev/null")
    result = runner.invoke(main, ["extract", str(doc), "-q", "-o", "/dev/null"])
    assert result.exit_code == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_mode_and_hard_links_of_an_existing_file_are_kept(tmp_path, runner, doc):
    out = tmp_path / "out.json"
    out.write_text("{}", "utf-8")
    out.chmod(0o640)
    other_name = tmp_path / "same.json"
    os.link(out, other_name)
    result = runner.invoke(main, ["extract", str(doc), "-q", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640
    assert os.path.samefile(out, other_name) and json.loads(other_name.read_text("utf-8"))["documents"]
    assert (tmp_path / "out.json.bak").read_text("utf-8") == "{}"


def test_the_users_original_survives_several_runs(tmp_path):
    target = tmp_path / "refs.txt"
    target.write_text("the user's original", "utf-8")
    for n in range(3):
        write_file(str(target), lambda fh, n=n: fh.write(f"run {n}"))
    kept = {p.name: p.read_text("utf-8") for p in tmp_path.iterdir()}
    assert kept["refs.txt"] == "run 2"
    assert "the user's original" in kept.values() and kept["refs.txt.bak"] == "run 1"


def test_concurrent_writers_lose_nothing(tmp_path):
    target = tmp_path / "refs.txt"
    target.write_text("the user's original", "utf-8")
    writers = [threading.Thread(target=write_file, args=(str(target), lambda fh, n=n: fh.write(f"writer {n}")))
               for n in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    contents = sorted(p.read_text("utf-8") for p in tmp_path.iterdir())
    assert contents == ["the user's original", "writer 0", "writer 1"]


def test_an_invalid_output_replaces_nothing(tmp_path):
    target = tmp_path / "refs.bib"
    target.write_text("@book{mine, title={Mine}}\n", "utf-8")
    with pytest.raises(OutputError, match="not be valid BibTeX"):
        write_file(str(target), lambda fh: fh.write("@book{broken, title={unclosed\n"), kind="bibtex")
    with pytest.raises(OutputError, match="not be valid JSON"):
        write_file(str(target), lambda fh: fh.write('{"a": NaN}'), kind="json")
    assert target.read_text("utf-8") == "@book{mine, title={Mine}}\n" and os.listdir(tmp_path) == ["refs.bib"]


def test_the_runs_own_output_in_the_folder_is_not_read(tmp_path, runner):
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "ch1.txt").write_text(ARTICLE, "utf-8")
    refs = folder / "refs.txt"
    for _ in range(2):
        result = runner.invoke(main, ["extract", str(folder), "-q", "--format", "text", "-o", str(refs)])
        assert result.exit_code == 0, result.stderr
    assert not (folder / "refs.txt.bak").exists()  # the second run wrote the same: refs.txt was no input


def test_a_bibliography_written_into_the_folder_is_not_read_by_the_next_run(tmp_path, runner):
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "ch1.txt").write_text(ARTICLE, "utf-8")
    for name, fmt in (("參考文獻.docx", "docx"), ("refs.txt", "text"), ("refs.md", "markdown")):
        assert runner.invoke(main, ["extract", str(folder), "-q", "--format", fmt, "-o", str(folder / name)]).exit_code == 0
    if not os.listxattr(folder / "refs.txt"):
        pytest.skip("no extended attributes on this file system")
    result = runner.invoke(main, ["extract", str(folder), "-q", "-v"])
    assert result.exit_code == 0
    assert [os.path.basename(d["path"]) for d in json.loads(result.stdout)["documents"]] == ["ch1.txt"]
    assert result.stderr.count("skipped (written by cbmcite)") == 3


def _bib_keys(text: str) -> list[str]:
    import bibtexparser

    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return [e.key for e in library.entries]


def test_update_keeps_crlf_line_endings(tmp_path, runner, doc):
    bib = tmp_path / "refs.bib"
    bib.write_bytes(b"@book{mine,\r\n  title = {Mine},\r\n  year = {2000}\r\n}\r\n")
    result = runner.invoke(main, ["extract", str(doc), "-q", "--update", str(bib)])
    assert result.exit_code == 0, result.stderr
    data = bib.read_bytes()
    assert data.startswith(b"@book{mine,\r\n  title = {Mine},\r\n  year = {2000}\r\n}\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"") and len(_bib_keys(data.decode("utf-8"))) == 2


def test_update_appends_to_csl_json_keeping_its_bytes(tmp_path, runner, doc):
    mine = '[\n    {"id": "mine", "type": "book", "title": "Mine",   "note": "as I wrote it"}\n]\n'
    refs = tmp_path / "refs.json"
    refs.write_text(mine, "utf-8")
    result = runner.invoke(main, ["extract", str(doc), "-q", "--update", str(refs)])
    assert result.exit_code == 0, result.stderr
    text = refs.read_text("utf-8")
    assert text.startswith(mine[:mine.rindex("}") + 1]) and [i["id"] for i in json.loads(text)][0] == "mine"
    assert len(json.loads(text)) == 2


@pytest.mark.parametrize("content, reason", [
    ('[{"id": "x", "title": NaN}]', "NaN is not JSON"),
    ('[{"id": "x", "author": "Smith"}]', "item 1 is not shaped like a CSL-JSON item"),
    ('["just a string"]', "item 1 is not shaped like a CSL-JSON item"),
    ('[{"id": "x", "issued": {"date-parts": 1999}}]', "item 1 is not shaped like a CSL-JSON item"),
])
def test_csl_json_of_the_wrong_shape_is_one_line(tmp_path, runner, doc, content, reason):
    refs = tmp_path / "refs.json"
    refs.write_text(content, "utf-8")
    result = runner.invoke(main, ["extract", str(doc), "-q", "--update", str(refs)])
    assert result.exit_code == 2 and reason in result.stderr and "Traceback" not in result.output
    assert refs.read_text("utf-8") == content


def test_prune_after_a_failed_input_removes_nothing(tmp_path, runner):
    (tmp_path / "a.txt").write_text(SECOND, "utf-8")
    bib = tmp_path / "refs.bib"
    assert runner.invoke(main, ["extract", str(tmp_path / "a.txt"), "-q", "--update", str(bib)]).exit_code == 0
    before = bib.read_text("utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "no-notes.txt").write_text("正文沒有註腳。\n", "utf-8")
    for inputs in (["good.txt", "binary.txt"], ["good.txt", "no-notes.txt"]):
        result = runner.invoke(main, ["extract", *[str(tmp_path / i) for i in inputs], "-q", "--update", str(bib),
                                      "--prune"])
        assert result.exit_code == 2 and "--prune: not removing anything" in result.stderr
        assert bib.read_text("utf-8") == before


def test_prune_removes_only_unedited_entries_it_added(tmp_path, runner):
    both, one = tmp_path / "both.txt", tmp_path / "one.txt"
    both.write_text(SECOND, "utf-8")
    one.write_text(ARTICLE, "utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{handmade,\n  title = {Never Cited},\n  year = {1990}\n}\n", "utf-8")
    assert runner.invoke(main, ["extract", str(both), "-q", "--update", str(bib)]).exit_code == 0
    keys = _bib_keys(bib.read_text("utf-8"))
    assert len(keys) == 3
    result = runner.invoke(main, ["extract", str(one), "-q", "--update", str(bib), "--prune"])
    assert result.exit_code == 0, result.stderr
    after = _bib_keys(bib.read_text("utf-8"))
    assert "handmade" in after and len(after) == 2
    removed = (set(keys) - set(after)).pop()
    assert f"1 pruned ({removed})" in result.stderr
    assert removed in (tmp_path / "refs.bib.bak").read_text("utf-8")  # a copy is kept


def test_prune_keeps_an_added_entry_the_user_edited(tmp_path, runner):
    both, one = tmp_path / "both.txt", tmp_path / "one.txt"
    both.write_text(SECOND, "utf-8")
    one.write_text(ARTICLE, "utf-8")
    bib = tmp_path / "refs.bib"
    assert runner.invoke(main, ["extract", str(both), "-q", "--update", str(bib)]).exit_code == 0
    bib.write_text(bib.read_text("utf-8").replace("AU Press", "Air University Press"), "utf-8")
    result = runner.invoke(main, ["extract", str(one), "-q", "--update", str(bib), "--prune"])
    assert result.exit_code == 0 and "pruned" not in result.stderr and len(_bib_keys(bib.read_text("utf-8"))) == 2


def test_a_missing_or_full_temporary_folder_is_one_line(tmp_path, runner, doc, monkeypatch):
    import errno
    import tempfile

    from cbmcite import run
    from cbmcite.export.notes_json import NotesJsonWriter

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "gone"))
    result = runner.invoke(main, ["extract", str(doc), "-q"])
    assert result.exit_code == 2 and "cannot write a temporary file" in result.stderr
    monkeypatch.undo()

    def full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    for owner, writes in ((NotesJsonWriter, "add_spooled"), (run, "spool_line")):  # the main process, a worker
        monkeypatch.setattr(owner, writes, full)
        result = runner.invoke(main, ["extract", str(doc), "-q"])
        assert result.exit_code == 2 and "No space left on device" in result.stderr
        assert len(result.stderr.splitlines()) == 1
        monkeypatch.undo()


def test_update_refuses_a_file_that_is_not_regular(tmp_path, runner, doc):
    fifo = tmp_path / "refs.bib"
    os.mkfifo(fifo)
    result = runner.invoke(main, ["extract", str(doc), "-q", "--update", str(fifo)])
    assert result.exit_code == 2 and "needs a regular .bib or CSL-JSON file" in result.stderr


def test_the_cli_checks_an_output_before_it_replaces_the_file(tmp_path, runner, doc, monkeypatch):
    import cbmcite.export as export

    target = tmp_path / "refs.bib"
    target.write_text("@book{mine, title = {Mine}}\n", "utf-8")
    monkeypatch.setattr(export, "to_bibtex", lambda bib, script="keep": "@book{broken, title = {unclosed\n")
    result = runner.invoke(main, ["extract", str(doc), "-q", "--format", "bibtex", "-o", str(target)])
    assert result.exit_code == 2 and "would not be valid BibTeX" in result.stderr
    assert target.read_text("utf-8") == "@book{mine, title = {Mine}}\n" and sorted(os.listdir(tmp_path)) == ["a.txt", "refs.bib"]


def test_the_notes_json_check_parses_what_the_main_process_assembles(tmp_path, runner):
    """Document lines come from json.dumps in the workers; the frame, bibliography and cited_by are
    joined by the main process: a slip there (or a document line that does not close) is refused."""
    from cbmcite.export.notes_json import check_written

    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(SECOND, "utf-8")
    out = tmp_path / "notes.json"
    assert runner.invoke(main, ["extract", str(folder), "-q", "--format", "json", "-o", str(out)]).exit_code == 0
    good = out.read_bytes()
    assert len(json.loads(good)["documents"]) == 3
    check_written(str(out))
    between = good.index(b'},\n{"path"')
    broken = {
        "a missing comma between documents": good[:between + 1] + good[between + 2:],
        "a document that does not close": good[:between] + good[between + 1:],
        "a bibliography cut short": good.replace(b'"bibliography": [', b'"bibliography": [,', 1),
        "trailing data": good + b"}",
    }
    for content in broken.values():
        out.write_bytes(content)
        with pytest.raises(OutputError, match="not be valid JSON"):
            check_written(str(out))
