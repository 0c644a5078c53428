#!/usr/bin/env python3
"""Compile hand-written gold sources (corpus/src/*.gold) into corpus/*.jsonl.

Usage:
    python3 corpus/tools/build_gold.py            # build every corpus/src/*.gold
    python3 corpus/tools/build_gold.py FILE.gold  # build only these
    python3 corpus/tools/build_gold.py --check    # validate, write nothing; fail if a
                                                  # corpus/*.jsonl is missing or stale
    python3 corpus/tools/build_gold.py --counts   # also print entity counts per type

Source format (see corpus/GUIDELINES.md):

    id: 003-xuat-khau-10-thang
    date: 2024-11-05
    === text
    <document text; everything up to the line before "=== entities">
    === entities
    type<TAB>span text<TAB>field=value<TAB>...
    === statistics
    indicator=...<TAB>value=...<TAB>...<TAB>clause=<exact clause text>

Each entity span is searched in the text forward from the START of the previous
entity line's match, skipping matches that would be an impossible overlap (the same
span twice, or an overlap that is not person/org/place nested inside an official),
so nested entities and repeated mentions resolve in order.  Offsets are Unicode
code points.  `from`/`to` of date/time/period entities are computed from `value`
when omitted and checked when written.  Any error names the file and line and the
build fails (exit status 1); nothing is written for a file with errors.

Python 3 standard library only.
"""

import calendar
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # corpus/
SRC = ROOT / "src"

NUMERIC = {"number", "percent", "money", "quantity", "ordinal"}
TEMPORAL = {"date", "time", "period"}
NAMED = {"person", "org", "place"}
TYPES = NUMERIC | TEMPORAL | NAMED | {"duration", "official"}

# Allowed fields per type, in output order.
FIELDS = {
    "number": ["value", "min", "max", "approx"],
    "percent": ["value", "min", "max", "approx", "points"],
    "money": ["value", "min", "max", "approx", "unit", "per"],
    "quantity": ["value", "min", "max", "approx", "unit", "per"],
    "ordinal": ["value"],
    "date": ["value", "from", "to"],
    "time": ["value", "from", "to"],
    "period": ["value", "from", "to"],
    "duration": ["value", "min", "max", "approx"],
    "person": ["name"],
    "official": ["name", "title", "org", "place"],
    "place": ["name"],
    "org": ["name"],
}
NUMERIC_FIELDS = {"value", "min", "max"}
APPROX = {"about", "over", "under", "at_least", "at_most", "nearly"}

STAT_FIELDS = ["indicator", "value", "min", "max", "unit", "change", "base",
               "qualifier", "period", "place", "clause"]
CHANGE = {"increase", "decrease", "level", "share"}
BASE = {"same_period", "previous_period", "plan", "start_of_year"}
QUALIFIER = {"estimate", "target", "forecast"}

NUM_RE = re.compile(r"^-?\d+(\.\d+)?$")
DURATION_RE = re.compile(
    r"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?"
    r"(T(?!$)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")
TRAILING_PUNCT = set(",;:!?")


class GoldError(Exception):
    """An error in a gold source, with its file and line."""

    def __init__(self, path, line, msg):
        super().__init__(f"{path}:{line}: {msg}")


# ---------------------------------------------------------------- temporal values

def _ymd(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"


def _last(y, m):
    return calendar.monthrange(y, m)[1]


def point_bounds(v):
    """First and last day of one temporal point value, or None when unknown (X).

    Forms: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn, YYYY-Www, YYYY-MM-DDTHH:MM[:SS].
    Raises ValueError for anything else.
    """
    if "X" in v:
        if re.fullmatch(r"[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?(T\d{2}:\d{2}(:\d{2})?)?"
                        r"|[0-9X]{4}-[QH][0-9X]|T\d{2}:\d{2}(:\d{2})?", v):
            return None
        raise ValueError(f"bad temporal value {v!r}")
    if re.fullmatch(r"T\d{2}:\d{2}(:\d{2})?", v):
        return None  # a bare clock time: no day known
    m = re.fullmatch(r"(\d{4})", v)
    if m:
        y = int(m[1])
        return _ymd(y, 1, 1), _ymd(y, 12, 31)
    m = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if m:
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            raise ValueError(f"bad month in {v!r}")
        return _ymd(y, mo, 1), _ymd(y, mo, _last(y, mo))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T(\d{2}):(\d{2})(:\d{2})?)?", v)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        if not (1 <= mo <= 12 and 1 <= d <= _last(y, mo)):
            raise ValueError(f"bad date in {v!r}")
        if m[4] and not (int(m[5]) < 24 and int(m[6]) < 60):
            raise ValueError(f"bad clock time in {v!r}")
        return _ymd(y, mo, d), _ymd(y, mo, d)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if m:
        y, q = int(m[1]), int(m[2])
        return _ymd(y, 3 * q - 2, 1), _ymd(y, 3 * q, _last(y, 3 * q))
    m = re.fullmatch(r"(\d{4})-H([12])", v)
    if m:
        y, h = int(m[1]), int(m[2])
        return (_ymd(y, 1, 1), _ymd(y, 6, 30)) if h == 1 else (_ymd(y, 7, 1), _ymd(y, 12, 31))
    m = re.fullmatch(r"(\d{4})-W(\d{2})", v)
    if m:
        import datetime
        y, w = int(m[1]), int(m[2])
        start = datetime.date.fromisocalendar(y, w, 1)
        end = datetime.date.fromisocalendar(y, w, 7)
        return start.isoformat(), end.isoformat()
    raise ValueError(f"bad temporal value {v!r}")


def temporal_bounds(v):
    """(from, to) of a temporal value, a point or an interval A/B; None if unknown."""
    if not v:
        raise ValueError("empty temporal value")
    parts = v.split("/")
    if len(parts) == 1:
        return point_bounds(v)
    if len(parts) != 2:
        raise ValueError(f"bad temporal interval {v!r}")
    a, b = point_bounds(parts[0]), point_bounds(parts[1])
    if a is None or b is None:
        return None
    if a[0] > b[1]:
        raise ValueError(f"interval {v!r} ends before it starts")
    return a[0], b[1]


def expand_period(v):
    """Statistics period string -> {value, from, to} (from/to null when unknown)."""
    b = temporal_bounds(v)
    return {"value": v, "from": b[0] if b else None, "to": b[1] if b else None}


# ---------------------------------------------------------------- parsing

def parse_number(s):
    if not NUM_RE.match(s):
        raise ValueError(f"not a number: {s!r}")
    if "." in s:
        return float(s)
    return int(s)


def parse_fields(parts, path, lineno):
    fields = {}
    for p in parts:
        if p == "":
            continue
        if "=" not in p:
            raise GoldError(path, lineno, f"field without '=': {p!r}")
        k, v = p.split("=", 1)
        k = k.strip()
        if k in fields:
            raise GoldError(path, lineno, f"field {k!r} given twice")
        fields[k] = v
    return fields


def read_source(path):
    raw = path.read_text(encoding="utf-8")
    if raw.startswith("\ufeff"):
        raise GoldError(path, 1, "file starts with a byte order mark")
    if "\r" in raw:
        raise GoldError(path, 1, "file contains carriage returns; use LF line ends")
    lines = raw.split("\n")
    header = {}
    i = 0
    while i < len(lines) and lines[i] != "=== text":
        ln = lines[i]
        if ln.strip() and not ln.startswith("#"):
            if ":" not in ln:
                raise GoldError(path, i + 1, f"bad header line {ln!r}")
            k, v = ln.split(":", 1)
            header[k.strip()] = v.strip()
        i += 1
    if i == len(lines):
        raise GoldError(path, 1, "no '=== text' line")
    text_start = i + 1
    j = text_start
    while j < len(lines) and lines[j] != "=== entities":
        j += 1
    if j == len(lines):
        raise GoldError(path, text_start, "no '=== entities' line")
    text_lines = lines[text_start:j]
    text = "\n".join(text_lines)
    # "without the final newline": the newline before "=== entities" is the separator.
    k = j + 1
    while k < len(lines) and lines[k] != "=== statistics":
        k += 1
    ent_lines = [(n + 1, lines[n]) for n in range(j + 1, k)]
    stat_lines = [(n + 1, lines[n]) for n in range(k + 1, len(lines))]
    return header, text, text_start + 1, ent_lines, stat_lines


def nested_ok(outer, inner):
    """May `inner` overlap `outer` (both already typed, spans as (s, e))?"""
    (ot, os_, oe), (it, is_, ie) = outer, inner
    if ot == "official" and it in NAMED and os_ <= is_ and ie <= oe:
        return True
    if it == "official" and ot in NAMED and is_ <= os_ and oe <= ie:
        return True
    return False


def overlap_allowed(placed, cand):
    """cand = (type, s, e); placed = list of (type, s, e)."""
    ct, cs, ce = cand
    for p in placed:
        pt, ps, pe = p
        if ps == cs and pe == ce:
            return False
        if ps < ce and cs < pe:  # they overlap
            if nested_ok(p, cand):
                continue
            # two named entities nested in the same official may overlap each other
            if pt in NAMED and ct in NAMED and any(
                    q[0] == "official" and q[1] <= min(ps, cs) and max(pe, ce) <= q[2]
                    for q in placed):
                continue
            return False
    return True


def check_span_text(span, path, lineno):
    if span != span.strip():
        raise GoldError(path, lineno, f"span {span!r} has leading/trailing whitespace")
    if span[-1] in TRAILING_PUNCT:
        raise GoldError(path, lineno, f"span {span!r} ends with punctuation")
    if span.endswith(".") and not (len(span) >= 2 and span[-2].isupper()):
        raise GoldError(path, lineno, f"span {span!r} ends with a full stop")


def build_entity(etype, span, start, fields, path, lineno):
    if etype not in TYPES:
        raise GoldError(path, lineno, f"unknown entity type {etype!r}")
    allowed = FIELDS[etype]
    for k in fields:
        if k not in allowed:
            raise GoldError(path, lineno, f"field {k!r} not allowed on {etype}")
    ent = {"type": etype, "start": start, "end": start + len(span), "text": span}
    vals = {}
    for k, v in fields.items():
        if v == "":
            raise GoldError(path, lineno, f"empty field {k!r}")
        if k in NUMERIC_FIELDS and etype in NUMERIC:
            try:
                vals[k] = parse_number(v)
            except ValueError as e:
                raise GoldError(path, lineno, str(e))
        elif k == "points":
            if v != "true":
                raise GoldError(path, lineno, "points must be 'true'")
            vals[k] = True
        elif k == "approx":
            if v not in APPROX:
                raise GoldError(path, lineno, f"bad approx {v!r}")
            vals[k] = v
        else:
            vals[k] = v
    # requirements
    if etype in NUMERIC or etype == "duration":
        has_v = "value" in vals
        has_r = "min" in vals and "max" in vals
        if has_v == has_r or (("min" in vals) != ("max" in vals)):
            raise GoldError(path, lineno, "need value, or min and max (not both)")
        if has_r and etype != "duration" and vals["min"] >= vals["max"]:
            raise GoldError(path, lineno, "min must be below max")
    if etype == "ordinal" and not isinstance(vals.get("value"), int):
        raise GoldError(path, lineno, "ordinal value must be an integer")
    if etype in ("money", "quantity") and "unit" not in vals:
        raise GoldError(path, lineno, f"{etype} needs unit=")
    if etype == "money" and not re.fullmatch(r"[A-Z]{3}", vals["unit"]):
        raise GoldError(path, lineno, f"money unit must be ISO 4217: {vals['unit']!r}")
    if etype == "duration":
        for k in ("value", "min", "max"):
            if k in vals and not DURATION_RE.match(vals[k]):
                raise GoldError(path, lineno, f"bad ISO 8601 duration {vals[k]!r}")
    if etype in TEMPORAL:
        if "value" not in vals:
            raise GoldError(path, lineno, f"{etype} needs value=")
        try:
            b = temporal_bounds(vals["value"])
        except ValueError as e:
            raise GoldError(path, lineno, str(e))
        if b is None:
            if "from" in vals or "to" in vals:
                raise GoldError(path, lineno, "unknown (X) value cannot have from/to")
        else:
            for k, got in (("from", b[0]), ("to", b[1])):
                if k in vals and vals[k] != got:
                    raise GoldError(path, lineno,
                                    f"{k}={vals[k]} but value {vals['value']} gives {got}")
                vals[k] = got
        if etype == "time" and "T" not in vals["value"]:
            raise GoldError(path, lineno, "time value needs a clock part (THH:MM)")
        if etype == "date" and ("/" in vals["value"] or re.search(r"-[QHW]", vals["value"])):
            raise GoldError(path, lineno, "that value is a period, not a date")
        if etype == "period" and "T" in vals["value"]:
            raise GoldError(path, lineno, "period value with a clock time")
    if etype in NAMED and "name" not in vals:
        raise GoldError(path, lineno, f"{etype} needs name=")
    if etype == "official" and ("name" not in vals or "title" not in vals):
        raise GoldError(path, lineno, "official needs name= and title=")
    for k in allowed:
        if k in vals:
            ent[k] = vals[k]
    return ent


def build_doc(path):
    header, text, text_line, ent_lines, stat_lines = read_source(path)
    for k in ("id", "date"):
        if k not in header:
            raise GoldError(path, 1, f"missing header {k}:")
    doc_id, date = header["id"], header["date"]
    if doc_id != path.stem:
        raise GoldError(path, 1, f"id {doc_id!r} does not match file name {path.stem!r}")
    try:
        point_bounds(date)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError
    except ValueError:
        raise GoldError(path, 2, f"bad date {date!r}")
    if not text.strip():
        raise GoldError(path, text_line, "empty text")

    entities = []
    placed = []
    cursor = 0
    for lineno, ln in ent_lines:
        if not ln.strip() or ln.startswith("#"):
            continue
        parts = ln.split("\t")
        if len(parts) < 2:
            raise GoldError(path, lineno, "entity line needs type<TAB>span")
        etype, span = parts[0].strip(), parts[1]
        if not span:
            raise GoldError(path, lineno, "empty span")
        check_span_text(span, path, lineno)
        fields = parse_fields(parts[2:], path, lineno)
        pos = text.find(span, cursor)
        while pos >= 0 and not overlap_allowed(placed, (etype, pos, pos + len(span))):
            pos = text.find(span, pos + 1)
        if pos < 0:
            raise GoldError(path, lineno,
                            f"span {span!r} not found after offset {cursor} "
                            f"(…{text[max(0, cursor - 20):cursor + 40]!r}…)")
        ent = build_entity(etype, span, pos, fields, path, lineno)
        entities.append((pos, -(pos + len(span)), len(entities), ent, lineno))
        placed.append((etype, pos, pos + len(span)))
        cursor = pos
    # sorted by start; an official before what is nested in it
    entities.sort(key=lambda t: (t[0], t[1], t[2]))
    ents = [t[3] for t in entities]
    line_of = {id(t[3]): t[4] for t in entities}
    for e in ents:
        assert text[e["start"]:e["end"]] == e["text"]
    # nested entities of an official must agree with its fields
    for e in ents:
        if e["type"] != "official":
            continue
        inner = [x for x in ents if x is not e and x["type"] in NAMED
                 and e["start"] <= x["start"] and x["end"] <= e["end"]]
        names = {(x["type"], x["name"]) for x in inner}
        for k, t in (("name", "person"), ("org", "org"), ("place", "place")):
            if k in e and e[k] in e["text"] and (t, e[k]) not in names:
                raise GoldError(path, line_of[id(e)], f"official {e['text']!r}: its {k} {e[k]!r} is "
                                f"written in it but no nested {t} entity says so")

    stats = []
    scursor = 0
    for lineno, ln in stat_lines:
        if not ln.strip() or ln.startswith("#"):
            continue
        f = parse_fields(ln.split("\t"), path, lineno)
        for k in f:
            if k not in STAT_FIELDS:
                raise GoldError(path, lineno, f"unknown statistics field {k!r}")
        for k in ("indicator", "clause"):
            if not f.get(k):
                raise GoldError(path, lineno, f"statistics line needs {k}=")
        rec = {"indicator": f["indicator"]}
        for k in ("value", "min", "max"):
            v = f.get(k, "")
            if v == "":
                if k == "value" or k in f:
                    rec[k] = None
                continue
            try:
                rec[k] = parse_number(v)
            except ValueError as e:
                raise GoldError(path, lineno, str(e))
        if ("min" in rec) != ("max" in rec):
            raise GoldError(path, lineno, "statistics min and max go together")
        for k, allowed in (("unit", None), ("change", CHANGE), ("base", BASE),
                           ("qualifier", QUALIFIER)):
            v = f.get(k, "")
            if v and allowed is not None and v not in allowed:
                raise GoldError(path, lineno, f"bad {k} {v!r}")
            rec[k] = v or None
        if f.get("period"):
            try:
                rec["period"] = expand_period(f["period"])
            except ValueError as e:
                raise GoldError(path, lineno, str(e))
        else:
            rec["period"] = None
        rec["place"] = f.get("place") or None
        clause = f["clause"]
        pos = text.find(clause, scursor)
        if pos < 0:
            pos = text.find(clause)
            if pos >= 0:
                raise GoldError(path, lineno, "clause found only before the previous "
                                "statistics clause: keep statistics in text order")
            raise GoldError(path, lineno, f"clause not found in text: {clause!r}")
        scursor = pos
        rec["start"], rec["end"], rec["text"] = pos, pos + len(clause), clause
        # the figure must be one of the figures written in the clause
        fig = rec.get("value")
        if fig is None and "min" in rec:
            fig = ("range", rec["min"], rec["max"])
        if fig is not None:
            found = False
            for e in ents:
                if e["type"] not in ("number", "percent", "money", "quantity"):
                    continue
                if not (pos <= e["start"] and e["end"] <= pos + len(clause)):
                    continue
                if isinstance(fig, tuple):
                    found |= e.get("min") == fig[1] and e.get("max") == fig[2]
                else:
                    found |= e.get("value") == fig
            if not found:
                raise GoldError(path, lineno, f"value {fig} is not the value of any "
                                "number/percent/money/quantity entity in the clause")
        stats.append(rec)

    return {"id": doc_id, "date": date, "text": text, "entities": ents,
            "statistics": stats}


def main(argv):
    check = "--check" in argv
    counts = "--counts" in argv
    files = [Path(a) for a in argv if not a.startswith("--")]
    if not files:
        files = sorted(SRC.glob("*.gold"))
    if not files:
        print("no .gold files", file=sys.stderr)
        return 1
    failed = 0
    total = {}
    nstats = 0
    for path in files:
        try:
            doc = build_doc(path)
        except GoldError as e:
            print(f"ERROR {e}", file=sys.stderr)
            failed += 1
            continue
        for e in doc["entities"]:
            total[e["type"]] = total.get(e["type"], 0) + 1
        nstats += len(doc["statistics"])
        out = ROOT / f"{doc['id']}.jsonl"
        line = json.dumps(doc, ensure_ascii=False) + "\n"
        stale = not out.exists() or out.read_text(encoding="utf-8") != line
        if check and stale:
            print(f"ERROR {out}: missing or out of date with {path}; run build_gold.py",
                  file=sys.stderr)
            failed += 1
        elif stale:
            out.write_text(line, encoding="utf-8")
    if counts:
        for t in sorted(total, key=lambda t: -total[t]):
            print(f"{t:10} {total[t]}")
        print(f"{'TOTAL':10} {sum(total.values())}   statistics {nstats}   "
              f"documents {len(files) - failed}")
    if failed:
        print(f"{failed} file(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
