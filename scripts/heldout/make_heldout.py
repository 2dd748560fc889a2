#!/usr/bin/env python3
"""Generate held-out footnoted papers (.md/.docx/.tex) with gold, in the manner of shared/corpus/gen.

usage: make_heldout.py ITEMS.jsonl BODY.txt... --out DIR [--seed N] [--docs N] [--formats md,docx,tex]

ITEMS.jsonl holds CSL-JSON items that are NOT in gen/items-dev.jsonl (keep that data out of git).
Notes are rendered by pandoc citeproc (Chicago full note, GB/T 7714-2015 note, 法學引注手冊) or by
Taiwan-style templates (CONVENTIONS.md); repeat references, lead-ins and several sources per note are
planned here, so the gold (shared/gold/GUIDE.md) follows from the plan. Chinese items are converted to
Traditional script with OpenCC (s2tw), as gen's are.
"""
import argparse, json, random, re, subprocess, sys, tempfile, unicodedata
from pathlib import Path

import opencc

CC = opencc.OpenCC("s2tw")
STYLES = Path("/usr/share/citation-style-language/styles")
CSL = {"chicago": "chicago-fullnote-bibliography.csl", "gbt": "china-national-standard-gb-t-7714-2015-note.csl",
       "law": "law-citation-manual.csl"}
GOLD_TYPE = {"article-journal": "article", "article-magazine": "article", "article-newspaper": "newspaper",
             "book": "book", "chapter": "chapter", "thesis": "thesis", "report": "report", "webpage": "webpage",
             "legislation": "document", "bill": "document", "treaty": "document"}
ZH_SIGNALS = ["參見", "另參見", "請參閱", "詳見", "參閱", "另見"]
EN_SIGNALS = ["See ", "See also ", "Cf. "]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# ---------------------------------------------------------------- items
def load_items(path):
    items = []
    for line in open(path, encoding="utf-8"):
        it = json.loads(line)
        it["title"] = re.sub(r"</?i>", "", it["title"])
        if it["_lang"] == "zh":
            it = {k: (conv(v) if k not in ("URL", "id", "language") else v) for k, v in it.items()}
        items.append(it)
    return items


def conv(x):
    if isinstance(x, str): return CC.convert(x)
    if isinstance(x, list): return [conv(i) for i in x]
    if isinstance(x, dict): return {k: conv(v) for k, v in x.items()}
    return x


def year(it):
    dp = (it.get("issued") or {}).get("date-parts")
    return int(dp[0][0]) if dp and dp[0] else None


def date_parts(it):
    dp = (it.get("issued") or {}).get("date-parts")
    return [int(x) for x in dp[0]] if dp and dp[0] else []


def pname(n, order="given-family"):
    if "literal" in n: return n["literal"]
    fam, giv = n.get("family", ""), n.get("given", "")
    if order == "family": return fam
    s = f"{giv} {fam}".strip()
    return s + (" " + n["suffix"] if n.get("suffix") else "")


# ---------------------------------------------------------------- Taiwan templates (zh)
def roc_or_greg(rng, y, suffix="年"):
    if y is None: return ""
    if y > 1911 and rng.random() < 0.45: return f"民國{y - 1911}{suffix}"
    return f"{y}{suffix}"


def zh_pages(rng, p):
    return rng.choice([f"頁{p}", f"頁{p}", f"頁 {p}", f"第{p}頁"])


def tw_zh(rng, it, page):
    """Return (text, gold fields) for a Taiwan-style Chinese full citation."""
    t = it["type"]; g = {"type": GOLD_TYPE[t], "title": it["title"], "lang": "zh"}
    y = year(it); ystr = roc_or_greg(rng, y)
    if y: g["year"] = y
    au = [pname(a) for a in it.get("author", [])]
    ed = [pname(a) for a in it.get("editor", [])]
    tr = [pname(a) for a in it.get("translator", [])]
    who = ""
    if au:
        who = "、".join(au); g["authors"] = au
        if tr:
            who += "著，" + "、".join(tr) + "譯"; g["translators"] = tr
    elif ed and t != "chapter":
        who = "、".join(ed) + rng.choice(["主編", "編"]); g["editors"] = ed
    pub, place = it.get("publisher"), it.get("publisher-place")
    pubblock = ""
    if pub:
        g["publisher"] = pub
        if place and rng.random() < 0.8:
            g["place"] = place; pubblock = f"{place}：{pub}"
        else:
            pubblock = pub
    pg = f"，{zh_pages(rng, page)}" if page else ""
    if page and t not in ("article-newspaper", "webpage", "legislation", "bill", "treaty"): g["pages"] = page
    end = rng.choice(["。", "。", "。", ""])
    head = f"{who}，" if who else ""
    if t in ("book", "report"):
        paren = f"（{pubblock}，{ystr}）" if pubblock else (f"（{ystr}）" if ystr else "")
        if rng.random() < 0.2 and pubblock:
            text = f"{head}《{it['title']}》，{pubblock}，{ystr}{pg}{end}"
        else:
            text = f"{head}《{it['title']}》{paren}{pg}{end}"
    elif t == "thesis":
        genre = it.get("genre") or "碩士論文"
        uni = pub or ""
        text = f"{head}《{it['title']}》（{(place + '：') if place and 'place' in g else ''}{uni}{genre}，{ystr}）{pg}{end}"
    elif t in ("article-journal", "article-magazine"):
        c = it.get("container-title", ""); g["container"] = c
        vi = ""
        if it.get("volume"): vi += f"第{it['volume']}卷"; g["volume"] = it["volume"]
        if it.get("issue"): vi += f"第{it['issue']}期"; g["issue"] = it["issue"]
        if rng.random() < 0.25:
            text = f"{head}「{it['title']}」，{c}，{vi + '，' if vi else ''}{ystr}{pg}{end}"
        else:
            text = f"{head}〈{it['title']}〉，《{c}》，{vi}（{ystr}）{pg}{end}" if ystr else f"{head}〈{it['title']}〉，《{c}》，{vi}{pg}{end}"
    elif t == "chapter":
        c = it.get("container-title", ""); g["container"] = c
        lead = rng.choice(["收錄於", "收於", "載於", "載"])
        eds = ""
        if ed:
            eds = "、".join(ed) + rng.choice(["主編", "編"]); g["editors"] = ed
        sep = rng.choice(["，", "；", "，"])
        vol = ""
        paren = f"（{pubblock}，{ystr}）" if pubblock else (f"（{ystr}）" if ystr else "")
        text = f"{head}〈{it['title']}〉{sep}{lead}{eds}{'，' if eds and lead != '載' else ''}《{c}》{vol}{paren}{pg}{end}"
    elif t == "article-newspaper":
        c = it.get("container-title", ""); g["container"] = c
        dp = date_parts(it)
        d = roc_or_greg(rng, dp[0]) + (f"{dp[1]}月" if len(dp) > 1 else "") + (f"{dp[2]}日" if len(dp) > 2 else "") if dp else ""
        ver = ""
        if it.get("page") and re.fullmatch(r"\d+", it["page"]) and rng.random() < 0.7:
            ver = rng.choice([f"，第{it['page']}版", f"，版{it['page']}"]); g["edition_or_section"] = it["page"]
        text = f"{head}〈{it['title']}〉，《{c}》{ver}，{d}{end}" if rng.random() < 0.5 else f"{head}〈{it['title']}〉，《{c}》，{d}{ver}{end}"
    elif t == "webpage":
        dp = date_parts(it); c = it.get("container-title")
        d = (f"{dp[0]}年" + (f"{dp[1]}月" if len(dp) > 1 else "") + (f"{dp[2]}日" if len(dp) > 2 else "")) if dp else ""
        parts = [f"{head}〈{it['title']}〉"]
        if c: parts.append(f"《{c}》"); g["container"] = c
        if d: parts.append(d)
        url = it.get("URL")
        if url:
            g["url"] = url
            parts.append(rng.choice([url, f"<{url}>"]))
        text = "，".join(parts) + end
    else:  # legislation and other official acts
        dp = date_parts(it)
        d = (roc_or_greg(rng, dp[0]) + (f"{dp[1]}月" if len(dp) > 1 else "") + (f"{dp[2]}日" if len(dp) > 2 else "")) if dp else ""
        num = f"，{it['number']}" if it.get("number") and rng.random() < 0.5 else ""
        text = f"{head}《{it['title']}》{num}{'，' + d if d else ''}{end}"
    return text, g


# ---------------------------------------------------------------- Taiwan templates (English, "tw-en")
def en_pages(rng, p):
    if "-" in p: return rng.choice([f"pp. {p}", f"pp.{p}"])
    return rng.choice([f"p. {p}", f"p.{p}"])


def tw_en(rng, it, page):
    t = it["type"]; g = {"type": GOLD_TYPE[t], "title": it["title"], "lang": "en"}
    y = year(it)
    if y: g["year"] = y
    au = [pname(a) for a in it.get("author", [])]
    ed = [pname(a) for a in it.get("editor", [])]
    tr = [pname(a) for a in it.get("translator", [])]
    head = ""
    if au:
        head = ", ".join(au) + ", "; g["authors"] = au
    elif ed and t != "chapter":
        head = ", ".join(ed) + (" eds., " if len(ed) > 1 else " ed., "); g["editors"] = ed
    quoted = t not in ("book", "report", "thesis", "legislation", "bill", "treaty")
    title = f"\"{it['title']},\" " if quoted and rng.random() < 0.6 else f"{it['title']}, "
    pub, place = it.get("publisher"), it.get("publisher-place")
    pubblock = ""
    if pub:
        g["publisher"] = pub
        if place and rng.random() < 0.8: g["place"] = place; pubblock = f"{place}: {pub}"
        else: pubblock = pub
    pg = f", {en_pages(rng, page)}" if page else ""
    if page and t not in ("article-newspaper", "webpage", "legislation", "bill", "treaty"): g["pages"] = page
    ys = str(y) if y else ""
    if t in ("book", "report", "thesis"):
        mid = ""
        if tr: mid = "trans. " + " and ".join(tr) + ", "; g["translators"] = tr
        genre = f"{it['genre']}, " if t == "thesis" and it.get("genre") else ""
        if rng.random() < 0.4 and pubblock:
            text = f"{head}{title}{mid}{genre}".rstrip(", ") + f" ({pubblock}, {ys}){pg}."
        else:
            text = f"{head}{title}{mid}{genre}{pubblock + ', ' if pubblock else ''}{ys}{pg}."
    elif t in ("article-journal", "article-magazine"):
        c = it.get("container-title", ""); g["container"] = c
        vi = ""
        if it.get("volume"): vi += f", Vol. {it['volume']}" if rng.random() < 0.5 else f", Vol.{it['volume']}"; g["volume"] = it["volume"]
        if it.get("issue"): vi += f", No. {it['issue']}"; g["issue"] = it["issue"]
        text = f"{head}{title}{c}{vi}" + (f" ({ys})" if rng.random() < 0.5 else f", {ys}") + f"{pg}."
    elif t == "chapter":
        c = it.get("container-title", ""); g["container"] = c
        eds = ""
        if ed:
            eds = ", ".join(ed) + (" eds., " if len(ed) > 1 else " ed., "); g["editors"] = ed
        text = f"{head}{title}in {eds}{c}, {pubblock + ', ' if pubblock else ''}{ys}{pg}."
    elif t in ("article-newspaper", "webpage"):
        c = it.get("container-title")
        dp = date_parts(it)
        d = (MONTHS[dp[1] - 1] + " " if len(dp) > 1 else "") + (f"{dp[2]}, " if len(dp) > 2 else "") + str(dp[0]) if dp else ""
        parts = [f"{head}{title}".rstrip(", ")]
        if c: parts.append(c); g["container"] = c
        if d: parts.append(d)
        if it.get("URL"): parts.append(it["URL"]); g["url"] = it["URL"]
        text = ", ".join(parts) + "."
        text = text.replace(",\",", ",\"")
    else:
        c = it.get("container-title")
        parts = [it["title"]]
        if c: parts.append(c); g["container"] = c
        if it.get("volume"): parts.append(f"Vol.{it['volume']}"); g["volume"] = it["volume"]
        if ys: parts.append(ys)
        text = head + ", ".join(parts) + "."
    return text, g


# ---------------------------------------------------------------- citeproc renderers
def render_citeproc(style, reqs, items_by_id):
    """reqs: list of (item id, locator or None). Returns rendered plain text per request."""
    out = []
    # one item at most once per pandoc run, so every rendering is a first (full) citation
    batches = []
    for r in reqs:
        for b in batches:
            if all(x[0] != r[0] for x in b): b.append(r); break
        else: batches.append([r])
    results = {}
    with tempfile.TemporaryDirectory() as td:
        bib = Path(td, "b.json")
        csl = Path(td, "style.csl")
        csl.write_text(re.sub(r'page-range-format="[a-z-]+"', 'page-range-format="expanded"',
                              (STYLES / CSL[style]).read_text(encoding="utf-8")), encoding="utf-8")
        json.dump([{k: v for k, v in it.items() if not k.startswith("_")} for it in items_by_id.values()],
                  open(bib, "w"), ensure_ascii=False)
        for bi, b in enumerate(batches):
            md = "".join(f"x[^{k}]\n\n" for k in range(1, len(b) + 1))
            md += "".join(f"[^{k}]: [@{iid}{', ' + loc if loc else ''}]\n\n" for k, (iid, loc) in enumerate(b, 1))
            src = Path(td, "t.md"); src.write_text(md)
            res = subprocess.run(["pandoc", str(src), "--citeproc", "--bibliography", str(bib), "--csl", str(csl), "-t", "plain", "--wrap=none",
                                  "-M", "suppress-bibliography=true"], capture_output=True, text=True, check=True)
            notes = dict(re.findall(r"^\[(\d+)\] (.*)$", res.stdout, re.M))
            for k, r in enumerate(b, 1):
                results[(bi, r)] = notes[str(k)]
        for r in reqs:
            for bi, b in enumerate(batches):
                if (bi, r) in results: out.append(results.pop((bi, r))); break
    if style in ("gbt", "law"):
        out = [CC.convert(s) for s in out]
    return out


def nrm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[\W_]+", "", s)


def printed_name(n, raw):
    """The form in which a CSL name is printed in raw (None when absent)."""
    if "literal" in n:
        return n["literal"] if nrm(n["literal"]) in nrm(raw) else None
    fam, giv = n.get("family", ""), n.get("given", "")
    inits = [w[0] for w in re.split(r"[\s.\-]+", giv) if w]
    cands = [f"{giv} {fam}", " ".join(w[0] + "." for w in re.split(r"[\s.]+", giv) if w) + " " + fam,
             f"{fam.upper()} {' '.join(inits)}", f"{fam} {' '.join(inits)}", f"{fam}"]
    if giv == "": cands = [fam]
    if "-" in giv:  # Pierre-Simon -> P.-S.
        cands.insert(1, "-".join(w[0] + "." for w in giv.split("-")) + " " + fam)
    for c in cands:
        c2 = c + (" " + n["suffix"] if n.get("suffix") else "")
        if c2.strip() and re.search(r"(?<![A-Za-z])" + re.escape(c2.strip()) + r"(?![a-z])", raw):
            return c2.strip()
        if re.search(r"(?<![A-Za-z])" + re.escape(c.strip()) + r"(?![a-z])", raw):
            return c.strip()
    return None


def citeproc_gold(it, raw, page, style):
    """Gold fields of a citeproc-rendered full citation: the item's fields that the rendering prints."""
    g = {"type": GOLD_TYPE[it["type"]], "title": it["title"], "lang": it["_lang"]}
    r = nrm(raw)
    for key, ck in (("container", "container-title"), ("publisher", "publisher"), ("place", "publisher-place")):
        rest = r
        if key == "place":  # 上海 inside 上海古籍出版社 or a title is not a printed place
            for other in (it.get("publisher"), it["title"], it.get("container-title")):
                if other: rest = rest.replace(nrm(other), "")
        if it.get(ck) and nrm(it[ck]) in rest: g[key] = it[ck]
    for key in ("volume", "issue"):
        v = it.get(key)
        if v and re.search(r"(?<!\d)" + re.escape(v) + r"(?!\d)", raw): g[key] = v
    if g.get("volume") and g["type"] == "document":
        g.pop("volume")  # "123 Stat. 5": the reporter volume, as gen's gold leaves it
    if g.get("volume") and g["type"] in ("book", "chapter", "report") and not re.search(r"vol\. " + re.escape(it["volume"]), raw):
        g.pop("volume")
    y = year(it)
    if y and str(y) in raw: g["year"] = y
    if it.get("URL") and it["URL"] in raw: g["url"] = it["URL"]
    if page: g["pages"] = page
    elif it.get("page") and g["type"] in ("article", "chapter") and it["page"].replace("-", "–") in raw.replace("-", "–"):
        g["pages"] = it["page"].replace(" ", "")
    taken = set()
    for key, ck in (("authors", "author"), ("translators", "translator"), ("editors", "editor")):
        names = [printed_name(n, raw) for n in it.get(ck, [])]
        names = [n for n in names if n and (n not in taken or raw.count(n) > 1)]
        taken.update(names)
        if names: g[key] = names
    if g.get("authors") and re.match(re.escape(g["authors"][0]) + r"(,)? et al\.", raw):
        g["authors"] = g["authors"][:1]
    elif g.get("authors") and "等." in raw:
        g["authors"] = g["authors"][:3]
    if style == "gbt" and g.get("editors") and "authors" not in g and it["type"] == "book":
        pass
    if not g.get("title") or nrm(it["title"]) not in r:
        g["title"] = it["title"]
    return g


# ---------------------------------------------------------------- short forms
def family_list(it, style):
    names = it.get("author") or it.get("editor") or []
    fams = [pname(n, "family") for n in names]
    return fams


def short_form(rng, form, it, page, profile, lang, target_note, style_en):
    """Text of a repeat reference (ibid/op_cit/short/cross_ref) as the profile writes it."""
    names = it.get("author") or it.get("editor") or []
    full_names = [pname(n) for n in names]
    fams = [pname(n, "family") for n in names]
    g_auth = None
    if profile == "law":
        if form == "ibid":
            return rng.choice(["同上注", "同上註"]) + (f"，{page}。" if page else "。"), None
        if not full_names:
            return f"同前注，《{it['title']}》" + (f"，{page}。" if page else "。"), None
        who = "、".join(full_names[:2])
        if len(full_names) > 2: who = full_names[0] + " 等"
        return f"同前注，{who}書" + (f"，{page}。" if page else "。"), [full_names[0]]
    if profile == "gbt":
        if form == "ibid":
            return "同上" + (f": {page}." if page and rng.random() < 0.5 else (f"{page}." if page else ".")), None
        return f"同{target_note}" + (f": {page}." if page else "."), None
    if lang == "zh":
        if form == "ibid":
            w = rng.choice(["同上", "同上註", "同前註", "同上"])
            return w + (f"，{zh_pages(rng, page) if rng.random() < 0.5 else page}。" if page else "。"), None
        if form == "cross_ref":
            return rng.choice(["同註", "同前註", "同註"]) + f"{target_note}" + (f"，{zh_pages(rng, page)}。" if page else "。"), None
        who = "、".join(full_names) if full_names else ""
        book = it["type"] in ("book", "report", "thesis", "legislation")
        if form == "op_cit":
            term = rng.choice(["前引書", "前揭書"]) if book else rng.choice(["前引文", "前揭文"])
            return f"{who}，{term}" + (f"，{zh_pages(rng, page)}。" if page else "。"), full_names
        t = it.get("title-short") or it["title"]
        mark = f"《{t}》" if book else f"〈{t}〉"
        return (f"{who}，" if who else "") + mark + (f"，{zh_pages(rng, page)}。" if page else "。"), full_names
    # English
    if form == "ibid":
        if not page: return rng.choice(["Ibid.", "Ibid."]), None
        return rng.choice(["Ibid.", "Ibid.,", "Ibid"]) + (f" {en_pages(rng, page)}." if style_en == "tw-en" else f" {page}."), None
    if form == "cross_ref":
        return f"同註{target_note}" + (f"，{en_pages(rng, page)}." if page else "."), None
    if form == "op_cit":
        who = ", ".join(full_names) if full_names else it["title"]
        return f"{who}, op. cit." + (f", {en_pages(rng, page)}." if page else ""), full_names
    t = it.get("title-short") or it["title"]
    fam = " and ".join(fams) if len(fams) <= 2 else (fams[0] + " et al." if len(fams) > 3 else f"{fams[0]}, {fams[1]}, and {fams[2]}")
    if style_en == "tw-en":
        return (f"{fam}, " if fam else "") + f"{t}" + (f", {en_pages(rng, page)}." if page else "."), fams[:1] if len(fams) > 3 else fams
    quoted = it["type"] not in ("book", "report", "legislation", "treaty", "bill")
    tt = f"“{t},”" if quoted else f"{t},"
    s = (f"{fam}, " if fam else "") + tt + (f" {page}." if page else "")
    if not page: s = s.rstrip(",”") + ("”." if quoted else ".")
    return s, fams[:1] if len(fams) > 3 else fams


# ---------------------------------------------------------------- planning
def pick_page(rng):
    a = rng.randint(2, 400)
    return rng.choice([str(a), str(a), f"{a}-{a + rng.randint(1, 4)}"]) if rng.random() < 0.8 else None


def author_key(it):
    names = it.get("author") or it.get("editor") or []
    return tuple(pname(n) for n in names)


def plan_doc(rng, profile, pool, n_notes, body):
    zh_pref = {"tw": 0.6, "chicago": 0.35, "gbt": 0.55, "law": 0.55}[profile]
    zh = [i for i in pool if i["_lang"] == "zh"]; en = [i for i in pool if i["_lang"] == "en"]
    k = rng.randint(12, 28)
    chosen = rng.sample(zh, min(len(zh), round(k * zh_pref))) + rng.sample(en, min(len(en), k - round(k * zh_pref)))
    rng.shuffle(chosen)
    fresh = list(chosen)
    first_full = {}        # item id -> (note, index)
    authors_cited = {}     # author key -> set of item ids cited in full so far
    notes = []
    for n in range(1, n_notes + 1):
        if rng.random() < 0.12 or (not fresh and not first_full):
            notes.append({"n": n, "cites": [], "lead": rng.choice(body), "trail": None}); continue
        m = rng.choices([1, 2, 3], [0.76, 0.2, 0.04])[0]
        cites = []
        prev = notes[-1]["cites"] if notes else []
        for j in range(m):
            page = pick_page(rng)
            if j == 0 and len(prev) == 1 and prev[0]["item"] is not None and rng.random() < 0.3:
                it = prev[0]["item"]
                cites.append({"item": it, "form": "ibid", "page": page}); continue
            use_new = fresh and (not first_full or rng.random() < 0.65)
            if use_new:
                it = fresh.pop(0)
                cites.append({"item": it, "form": "full", "page": page}); continue
            if not first_full:
                break
            iid = rng.choice(list(first_full))
            it = next(i for i in chosen if i["id"] == iid)
            if any(c["item"]["id"] == iid for c in cites): continue
            if j == 0 and len(prev) == 1 and prev[0]["item"]["id"] == iid:
                form = "ibid"
            else:
                form = rng.choice({"tw": ["op_cit", "short", "cross_ref", "op_cit"],
                                   "chicago": ["short", "short", "op_cit"],
                                   "gbt": ["cross_ref"], "law": ["op_cit"]}[profile])
            if profile == "law" and form == "op_cit" and not author_key(it):
                continue  # 法學引注手冊 writes 同前注 with the author's name
            cites.append({"item": it, "form": form, "page": page})
        # deliberate slips: an ibid after a note that cites several sources, a 同註 to a several-source note
        if rng.random() < 0.05 and len(prev) > 1 and not cites:
            cites = [{"item": None, "form": "ibid", "page": pick_page(rng)}]
        if not cites:
            notes.append({"n": n, "cites": [], "lead": rng.choice(body), "trail": None}); continue
        for idx, c in enumerate(cites):
            if c["item"] is None:
                c["resolves_to"] = "ambiguous"; continue
            iid = c["item"]["id"]
            if c["form"] == "full":
                first_full.setdefault(iid, (n, idx))
                authors_cited.setdefault(author_key(c["item"]), set()).add(iid)
                continue
            tn, ti = first_full[iid]
            c["target_note"] = tn
            if c["form"] == "ibid":
                pc = prev[0]
                c["resolves_to"] = pc.get("resolves_to", {"note": notes[-1]["n"], "index": 0}) if pc["form"] != "full" else {"note": notes[-1]["n"], "index": 0}
            elif c["form"] == "cross_ref":
                ncites = len(notes[tn - 1]["cites"])
                c["resolves_to"] = {"note": tn, "index": ti} if ncites == 1 else "ambiguous"
            elif c["form"] == "op_cit":
                ak = author_key(c["item"])
                if not ak:
                    c["form"] = "short"
                    c["resolves_to"] = {"note": tn, "index": ti}
                elif len(authors_cited.get(ak, ())) > 1:
                    c["resolves_to"] = "ambiguous"
                else:
                    c["resolves_to"] = {"note": tn, "index": ti}
            else:
                c["resolves_to"] = {"note": tn, "index": ti}
        lead = rng.choice(body) if rng.random() < 0.25 else None
        trail = rng.choice(body) if rng.random() < 0.08 else None
        notes.append({"n": n, "cites": cites, "lead": lead, "trail": trail})
    return notes


# ---------------------------------------------------------------- rendering a document
def render_doc(rng, profile, en_style, notes, items_by_id):
    # full citations rendered by citeproc, in one go per style
    reqs = {}
    for nt in notes:
        for c in nt["cites"]:
            if c["form"] == "full":
                it = c["item"]
                st = profile if profile != "tw" else (None if it["_lang"] == "zh" or en_style == "tw-en" else "chicago")
                c["style"] = st
                if st: reqs.setdefault(st, []).append((it["id"], c["page"]))
    rendered = {st: dict(zip(range(len(r)), render_citeproc(st, r, items_by_id))) for st, r in reqs.items()}
    counters = {st: 0 for st in reqs}
    gold_notes = []
    for nt in notes:
        parts, gcites = [], []
        for idx, c in enumerate(nt["cites"]):
            it = c["item"]
            lang = it["_lang"] if it else ("en" if profile == "chicago" else "zh")
            if c["form"] == "full":
                st = c["style"]
                if st:
                    text = rendered[st][counters[st]]; counters[st] += 1
                    g = citeproc_gold(it, text, c["page"], st)
                elif lang == "zh":
                    text, g = tw_zh(rng, it, c["page"])
                else:
                    text, g = tw_en(rng, it, c["page"])
                g = {"raw": text, "form": "full", **g}
            else:
                style_en = en_style if profile == "tw" else "chicago"
                if it is None:
                    text = {"zh": "同上", "en": "Ibid."}[lang] + (f"，{c['page']}。" if lang == "zh" else f", {c['page']}.")
                    g = {"raw": text, "form": "ibid", "resolves_to": "ambiguous", "pages": c["page"], "lang": lang}
                else:
                    slang = "en" if profile == "chicago" else lang
                    text, auth = short_form(rng, c["form"], it, c["page"], profile, slang, c["target_note"], style_en)
                    g = {"raw": text, "form": c["form"], "resolves_to": c["resolves_to"], "type": GOLD_TYPE[it["type"]]}
                    if auth and c["form"] in ("op_cit", "short"): g["authors"] = auth
                    if c["page"]: g["pages"] = c["page"]
                    g["lang"] = lang
            parts.append(text); gcites.append(g)
        # join several sources
        text = ""
        for i, p in enumerate(parts):
            if i:
                zhsep = profile in ("tw", "law") and re.search(r"[\u3400-\u9fff]", parts[i - 1][-3:] + p[:3])
                abbrev_end = text.endswith(("op. cit.", "et al.", "Ibid.", "ed.", "eds."))
                if text.endswith(("。", ".")) and not abbrev_end and rng.random() < 0.5:
                    sep = "" if text.endswith("。") else " "
                else:
                    prev_raw = gcites[i - 1]["raw"]
                    stripped = prev_raw.rstrip("。.") if not prev_raw.endswith(("op. cit.", "et al.", "Ibid.")) else prev_raw
                    if stripped != prev_raw:
                        text = text[: len(text) - len(prev_raw)] + stripped
                        gcites[i - 1]["raw"] = stripped
                    sep = "；" if zhsep else "; "
                text += sep
            text += p
        if nt["lead"] and nt["cites"]:
            zh_lead = not text[:1].isascii()
            sig = rng.choice(ZH_SIGNALS) if (zh_lead or profile != "chicago") else rng.choice(EN_SIGNALS)
            text = nt["lead"] + sig + text
        elif nt["lead"]:
            text = nt["lead"]
        if nt["trail"] and nt["cites"]:
            if not text.endswith(("。", ".", "；", ";")):  # a note's prose follows a finished citation
                text += "。" if re.search(r"[\u3400-\u9fff]", text[-3:]) else "."
            text = text + " " + nt["trail"] if text.endswith(".") else text + nt["trail"]
        kind = "commentary" if not gcites else ("mixed" if (nt["lead"] or nt["trail"]) else "citation")
        gold_notes.append({"note": nt["n"], "text": text, "status": "ok", "kind": kind, "citations": gcites})
    return gold_notes


MD_ESC = re.compile(r"([\\`*_\[\]<>#|$@^~])")


def md_escape(s):
    return MD_ESC.sub(r"\\\1", s)


def write_markdown(rng, path, gold_notes, body, title):
    paras = rng.sample(body, min(len(body), len(gold_notes) + 6))
    out = [f"# {title}", "", "研究員　" + rng.choice(["王", "林", "陳", "張"]) + rng.choice(["志明", "淑芬", "建宏", "怡君"]), ""]
    heads = ["## 壹、前言", "## 貳、理論架構", "## 參、分析", "## 肆、結論"]
    per = max(1, len(gold_notes) // 4)
    for i, g in enumerate(gold_notes):
        if i % per == 0 and i // per < 4: out += [heads[i // per], ""]
        out += [paras[i % len(paras)] + f"[^{g['note']}]", ""]
    for g in gold_notes:
        out.append(f"[^{g['note']}]: {md_escape(g['text'])}")
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")


def body_sentences(paths):
    sents = []
    for p in paths:
        txt = Path(p).read_text(encoding="utf-8")
        for s in re.split(r"(?<=[。])", txt):
            s = re.sub(r"\s+", "", s)
            if 15 <= len(s) <= 90 and not re.search(r"[\[\]<>()（）《》〈〉http]|^\d", s) and s.endswith("。"):
                sents.append(s)
    return sents


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("items"); ap.add_argument("body", nargs="+")
    ap.add_argument("--out", required=True); ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--docs", type=int, default=16); ap.add_argument("--formats", default="md,docx,tex")
    a = ap.parse_args(argv)
    items = load_items(a.items); by_id = {i["id"]: i for i in items}
    body = body_sentences(a.body)
    out = Path(a.out); (out / "gold").mkdir(parents=True, exist_ok=True)
    profiles = (["tw", "chicago", "tw", "gbt", "tw", "law", "tw", "chicago"] * 4)[: a.docs]
    manifest = {}
    for d, profile in enumerate(profiles, 1):
        rng = random.Random(a.seed * 1000 + d)
        en_style = rng.choice(["tw-en", "chicago", "tw-en"]) if profile == "tw" else profile
        notes = plan_doc(rng, profile, items, rng.randint(30, 60), body)
        gold = render_doc(rng, profile, en_style, notes, by_id)
        name = f"ho{a.seed:03d}_d{d:03d}"
        write_markdown(rng, out / f"{name}.md", gold, body, rng.choice(["美中軍事互信之研究", "區域安全與信心建立措施", "兩岸關係的再保證"]))
        forms = {}
        for g in gold:
            for c in g["citations"]: forms[c["form"]] = forms.get(c["form"], 0) + 1
        manifest[name] = {"profile": profile, "en": en_style, "notes": len(gold), "forms": forms}
        for fmt in a.formats.split(","):
            fn = f"{name}.{fmt}"
            if fmt != "md":
                subprocess.run(["pandoc", str(out / f"{name}.md"), "-o", str(out / fn)] + (["-s"] if fmt == "tex" else []), check=True)
            with open(out / "gold" / f"{fn}.jsonl", "w", encoding="utf-8") as f:
                for g in gold:
                    f.write(json.dumps({"doc": fn, **g}, ensure_ascii=False) + "\n")
    json.dump(manifest, open(out / "manifest.json", "w"), ensure_ascii=False, indent=1)
    print(json.dumps(manifest, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
