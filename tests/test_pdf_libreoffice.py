"""A chapter written in Markdown, turned into .docx by pandoc and into PDF by LibreOffice, gives the
notes, resolutions and check findings of the Markdown itself."""
import json
import re
import shutil
import subprocess

import pytest

from cbmcite import extract_document
from cbmcite.cli import main

pytestmark = pytest.mark.skipif(not (shutil.which("pandoc") and shutil.which("soffice")),
                                reason="pandoc and LibreOffice (soffice) are needed")

CHAPTER = """# 第一章 緒論

冷戰結束後，國際社會試圖超越單純以威懾為核心的安全架構。[^1] 這種對相互脆弱的認知與接受，本身就是一種再保證。[^2]

The official record of the conflict is incomplete, and the office that kept it was closed.[^3]
另有學者認為再保證的機制將立即失去效力。[^4] 這一點仍有爭議。[^5]

[^1]: 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期（1999年），頁297-301。
[^2]: 同上，頁300。
[^3]: Kenneth N. Waltz, *Theory of International Politics: Conflict and Office* (Reading: Addison-Wesley, 1979), 102.
[^4]: Waltz, op. cit., p. 110.
[^5]: 張三，前引書，頁5。
"""


@pytest.fixture(scope="module")
def chapter(tmp_path_factory):
    folder = tmp_path_factory.mktemp("libreoffice")
    md = folder / "chapter.md"
    md.write_text(CHAPTER, "utf-8")
    subprocess.run(["pandoc", str(md), "-o", str(folder / "chapter.docx")], check=True, timeout=60)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf",
                    "--outdir", str(folder), str(folder / "chapter.docx")], check=True, timeout=180,
                   capture_output=True)
    return md, folder / "chapter.pdf"


def _squash(text):
    return re.sub(r"\s+", "", text or "")


def test_pdf_gives_the_notes_of_the_markdown(chapter):
    md, pdf = chapter
    want = {n.number: n for n in extract_document(str(md)).notes}
    got = {n.number: n for n in extract_document(str(pdf)).notes}
    assert sorted(got) == sorted(want)
    for number, note in want.items():
        assert _squash(got[number].text) == _squash(note.text), number  # ligatures spelt out once
        assert [_target(c) for c in got[number].citations] == [_target(c) for c in note.citations]


def _target(citation):
    return (citation.form, citation.resolution, (citation.resolves_to or {}).get("note"))


def test_check_finds_the_same_problems_in_both(chapter, runner):
    reports = []
    for path in chapter:
        result = runner.invoke(main, ["check", str(path), "--format", "json"])
        reports.append(sorted((f["note"], f["what"]) for f in json.loads(result.stdout)["findings"]))
    assert reports[0] == reports[1]
    assert (5, "op. cit.") in reports[0]  # 前引書 with no earlier work by 張三
