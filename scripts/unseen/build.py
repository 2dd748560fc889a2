"""Build the held-out corpus fixtures/unseen/ (documents + gold) from hand-written note specs.

Each document module (doc_*.py here) lists its notes as parts: plain strings and C(...) citations
whose `raw` is the cited text and whose fields are the gold annotation (GUIDE.md). The text of a
note is the concatenation of its parts, so every `raw` is an exact substring of the note text.
Short forms name their target by the `key` of a full citation; Ibid. with no target given follows
the standard rule (the single citation of the preceding note, chains followed).

    python3 scripts/unseen/build.py        # writes fixtures/unseen/*.txt|*.md and gold/*.jsonl
"""
import importlib
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "fixtures" / "unseen"
MODULES = ["doc_tw_thesis", "doc_mainland", "doc_zh_law", "doc_us_law", "doc_endnotes",
           "doc_ir_chicago", "doc_authordate", "doc_tw_quotes", "doc_tw_history", "doc_mainland_law",
           # second batch (see README): written after the first had been fixed against
           "doc2_tw_prospect", "doc2_tw_dissertation", "doc2_mainland_wep", "doc2_ja_en",
           "doc2_cbm_chicago", "doc2_tw_repeat", "doc2_tw_policy_endnotes", "doc2_commentary"]
NO_LINE_START = "。，、；：）」』》〉！？．,.;:)"
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef〔〕《》〈〉「」『』]")
SIGNALS = re.compile(r"(?i)^(see also|see, e\.g\.,|see generally|see|cf\.|compare|but see|e\.g\.,|參見|另參見|請參閱|詳見|另見|見|亦見|參閱|参见|详见|另参见|又见|转引自|轉引自|and|以及)$")


class C:
    def __init__(self, raw, form="full", key=None, to=None, **fields):
        self.raw, self.form, self.key, self.to, self.fields = raw, form, key, to, fields


def note(*parts):
    return list(parts)


def _lang(c):
    probe = c.fields.get("title") or c.raw
    return "zh" if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", probe) else "en"


def gold_lines(doc_name, notes):
    """The gold JSONL lines of one document."""
    keyed, lines = {}, []
    for number, parts in enumerate(notes, 1):
        text = "".join(p if isinstance(p, str) else p.raw for p in parts)
        cits = [p for p in parts if isinstance(p, C)]
        rest = "".join(p for p in parts if isinstance(p, str))
        words = re.sub(r"[\s\W_]+", " ", rest).strip()
        kind = "commentary" if not cits else (
            "citation" if all(SIGNALS.match(w) for w in re.split(r"[,，;；.。\s]+", rest.strip()) if w) or not words
            else "mixed")
        out = []
        for i, c in enumerate(cits):
            d = {"raw": c.raw, "form": c.form}
            if c.form != "full":
                d["resolves_to"] = resolve(c, number, i, lines, out, keyed)
                if isinstance(d["resolves_to"], dict):
                    tgt = lines[d["resolves_to"]["note"] - 1] if d["resolves_to"]["note"] != number else {"citations": out}
                    t = tgt["citations"][d["resolves_to"]["index"]]
                    if t.get("type"):
                        d["type"] = t["type"]
            d.update({k: v for k, v in c.fields.items() if k != "lang"})
            d["lang"] = c.fields.get("lang") or _lang(c)
            assert c.raw.strip() == c.raw, (doc_name, number, c.raw)
            out.append(d)
            if c.key:
                assert c.key not in keyed, c.key
                keyed[c.key] = (number, i)
        lines.append({"doc": doc_name, "note": number, "text": text.strip(), "status": "ok",
                      "kind": kind, "citations": out})
    return lines


def resolve(c, number, index, lines, current, keyed):
    if c.to in ("ambiguous", "unresolved"):
        return c.to
    if c.to:
        n, i = keyed[c.to]
        return {"note": n, "index": i}
    assert c.form == "ibid", (number, c.raw)
    if index > 0:  # Ibid. later in a note: the citation just before it
        prev = current[index - 1]
        return prev["resolves_to"] if prev["form"] != "full" else {"note": number, "index": index - 1}
    prev = lines[-1]["citations"] if lines else []
    if not prev:
        return "unresolved"
    if len(prev) > 1:
        return "ambiguous"
    p = prev[0]
    return {"note": number - 1, "index": 0} if p["form"] == "full" else p["resolves_to"]


# --- rendering ---------------------------------------------------------------------------------

def _width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _units(text):
    """Breakable units: a CJK character, a run of spaces, or a run of other characters."""
    return re.findall(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]|\s+|[^\s\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+", text)


def wrap(text, width):
    lines, cur = [], ""
    for u in _units(text):
        if u.isspace():
            if _width(cur) + 1 > width:
                lines.append(cur.rstrip()); cur = ""
            else:
                cur += " "
            continue
        if _width(cur + u) > width and cur.strip() and u[0] not in NO_LINE_START:
            if u.startswith("http") and _width(u) > 20:  # a long URL breaks after a slash, as in PDFs
                room = width - _width(cur)
                cut = u.rfind("/", 0, max(room, 1))
                if cut > 8:
                    lines.append(cur + u[:cut + 1]); cur = u[cut + 1:]; continue
            lines.append(cur.rstrip()); cur = u.lstrip()
        else:
            cur += u
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


def _marker(doc, n):
    return chr(0x2460 + n - 1) if doc.get("marker") == "circled" else str(n)


def _body_marker(doc, n):
    return doc["body_marker"].format(n=n) if doc.get("body_marker") else _marker(doc, n)


def _head(doc, page):
    """The running head: one string, or a list alternating by page (journal name / article title)."""
    head = doc["head"]
    return head if isinstance(head, str) else head[page % len(head)]


def render_txt(doc, texts):
    """Text as a PDF extractor gives it: running head, body with glued markers, notes at the foot of
    each page (or as endnotes), page numbers."""
    width = doc.get("width", 84)
    per_page = doc.get("per_page", 4)
    body = doc["body"]
    out = [doc["title"], ""] + doc.get("front", [])
    page, pending, carried = 1, [], []
    split = doc.get("split", set())  # notes whose text runs on to the next page's foot

    def flush():
        nonlocal page, pending, carried
        if not doc.get("endnotes"):
            out.append("")
            block = list(carried)
            carried = []
            for n in pending:
                lines = wrap(f"{_marker(doc, n)}{doc.get('note_sep', ' ')}{texts[n - 1]}", width)
                if n in split and n == pending[-1] and len(lines) > 1:
                    block.append(lines[0]); carried = lines[1:]
                else:
                    block.extend(lines)
            out.extend(block)
            if page in doc.get("repeat", ()):  # the extractor prints this page's footnote block twice
                out.extend([""] + block)
        out.extend(["", str(page), "", _head(doc, page), ""])
        page += 1
        pending = []

    para = ""
    for n in range(1, len(texts) + 1):
        sentence = body[(n - 1) % len(body)]
        para += sentence + _body_marker(doc, n) + (" " if sentence.isascii() else "")
        pending.append(n)
        if n % 2 == 0 or n == len(texts):
            out.extend(wrap(para, width)); para = ""
        if n in doc.get("page_ends", ()) or (not doc.get("page_ends") and len(pending) == per_page):
            if para:
                out.extend(wrap(para, width)); para = ""
            flush()
    if pending:
        flush()
    if doc.get("endnotes"):
        out += [doc["endnotes"], ""]
        for n, t in enumerate(texts, 1):
            out.extend(wrap(doc.get("endnote_fmt", "{n}. {t}").format(n=n, t=t), width))
    out += doc.get("back", [])
    return "\n".join(out) + "\n"


def render_md(doc, texts):
    out = [f"# {doc['title']}", ""] + doc.get("front", [])
    body = doc["body"]
    para = ""
    for n in range(1, len(texts) + 1):
        sentence = body[(n - 1) % len(body)]
        para += sentence + f"[^{n}]" + (" " if sentence.isascii() else "")
        if n % 3 == 0 or n == len(texts):
            out += [para, ""]; para = ""
    out += doc.get("back", [])
    for n, t in enumerate(texts, 1):
        out.append(f"[^{n}]: {t}")
    return "\n".join(out) + "\n"


def main():
    (OUT / "gold").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(HERE))
    for name in MODULES:
        doc = importlib.import_module(name).DOC
        fname = f"{doc['name']}.{doc['fmt']}"
        lines = gold_lines(fname, doc["notes"])
        texts = [l["text"] for l in lines]
        render = render_md if doc["fmt"] == "md" else render_txt
        (OUT / fname).write_text(render(doc, texts), encoding="utf-8")
        with open(OUT / "gold" / f"{fname}.jsonl", "w", encoding="utf-8") as f:
            for l in lines:
                f.write(json.dumps(l, ensure_ascii=False) + "\n")
        n_cit = sum(len(l["citations"]) for l in lines)
        n_short = sum(c["form"] != "full" for l in lines for c in l["citations"])
        print(f"{fname}: {len(lines)} notes, {n_cit} citations, {n_short} short forms")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    import build  # the doc modules import C from `build`, so run through that module

    build.main()
