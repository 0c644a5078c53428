#!/usr/bin/env python3
"""Tests for build_gold.py: `python3 corpus/tools/test_build_gold.py` (stdlib only)."""

import json
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_gold as bg  # noqa: E402

HEAD = "id: {id}\ndate: 2024-11-05\n=== text\n"


def write(tmp, name, text, entities, stats=""):
    p = Path(tmp) / f"{name}.gold"
    body = HEAD.format(id=name) + text + "\n=== entities\n" + entities
    if stats:
        body += "=== statistics\n" + stats
    p.write_text(body, encoding="utf-8")
    return p


class Temporal(unittest.TestCase):
    def test_points(self):
        cases = {
            "2023": ("2023-01-01", "2023-12-31"),
            "2024-02": ("2024-02-01", "2024-02-29"),
            "2023-06-16": ("2023-06-16", "2023-06-16"),
            "2023-Q3": ("2023-07-01", "2023-09-30"),
            "2023-H1": ("2023-01-01", "2023-06-30"),
            "2023-H2": ("2023-07-01", "2023-12-31"),
            "2024-W34": ("2024-08-19", "2024-08-25"),
            "2023-10-12T14:30": ("2023-10-12", "2023-10-12"),
        }
        for v, want in cases.items():
            self.assertEqual(bg.temporal_bounds(v), want, v)

    def test_intervals(self):
        self.assertEqual(bg.temporal_bounds("2024-01/2024-10"), ("2024-01-01", "2024-10-31"))
        self.assertEqual(bg.temporal_bounds("2021/2025"), ("2021-01-01", "2025-12-31"))
        self.assertEqual(bg.expand_period("2023-Q3"),
                         {"value": "2023-Q3", "from": "2023-07-01", "to": "2023-09-30"})

    def test_unknown_and_bad(self):
        self.assertIsNone(bg.temporal_bounds("XXXX-06-16"))
        for bad in ("2023-13", "2023-02-30", "2023-Q5", "2024/2023", "16/6/2023", ""):
            with self.assertRaises(ValueError, msg=bad):
                bg.temporal_bounds(bad)


class Build(unittest.TestCase):
    def test_offsets_nesting_and_repeats(self):
        text = ("Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ đến Bến Tre. Bến Tre tăng 3,4%.\n\n"
                "Đoạn hai.")
        ents = ("official\tBí thư Tỉnh ủy Bến Tre Lê Đức Thọ\tname=Lê Đức Thọ\t"
                "title=Bí thư Tỉnh ủy\torg=Tỉnh ủy Bến Tre\tplace=Bến Tre\n"
                "org\tTỉnh ủy Bến Tre\tname=Tỉnh ủy Bến Tre\n"
                "place\tBến Tre\tname=Bến Tre\n"
                "person\tLê Đức Thọ\tname=Lê Đức Thọ\n"
                "place\tBến Tre\tname=Bến Tre\n"
                "place\tBến Tre\tname=Bến Tre\n"
                "percent\t3,4%\tvalue=3.4\n")
        stats = ("indicator=bến tre\tvalue=3.4\tunit=%\tchange=increase\tbase=\t"
                 "qualifier=\tperiod=2023-H1\tplace=Bến Tre\tclause=Bến Tre tăng 3,4%.\n")
        with tempfile.TemporaryDirectory() as tmp:
            doc = bg.build_doc(write(tmp, "001-x", text, ents, stats))
        self.assertEqual(doc["text"], text)
        starts = [(e["type"], e["start"]) for e in doc["entities"]]
        self.assertEqual([t for t, _ in starts],
                         ["official", "org", "place", "person", "place", "place", "percent"])
        for e in doc["entities"]:
            self.assertEqual(text[e["start"]:e["end"]], e["text"])
        places = [e["start"] for e in doc["entities"] if e["type"] == "place"]
        self.assertEqual(len(set(places)), 3)
        s = doc["statistics"][0]
        self.assertEqual(text[s["start"]:s["end"]], "Bến Tre tăng 3,4%.")
        self.assertEqual(s["period"], {"value": "2023-H1", "from": "2023-01-01",
                                       "to": "2023-06-30"})
        self.assertIsNone(s["base"])
        json.dumps(doc, ensure_ascii=False)

    def test_errors_name_file_and_line(self):
        bad = {
            "not found": "percent\t9,9%\tvalue=9.9\n",
            "trailing punctuation": "percent\t3,4%,\tvalue=3.4\n",
            "wrong from": "period\t6 tháng đầu năm\tvalue=2023-H1\tfrom=2023-01-02\n",
            "overlap": "percent\t3,4%\tvalue=3.4\nnumber\t3,4\tvalue=3.4\n",
            "money without unit": "money\t3,4%\tvalue=3.4\n",
        }
        text = "Trong 6 tháng đầu năm tăng 3,4%, rồi giảm."
        for why, ents in bad.items():
            with tempfile.TemporaryDirectory() as tmp:
                p = write(tmp, "002-y", text, ents)
                with self.assertRaises(bg.GoldError, msg=why) as cm:
                    bg.build_doc(p)
                self.assertIn("002-y.gold:", str(cm.exception))

    def test_statistic_value_must_be_in_clause(self):
        text = "GRDP tăng 3,4%."
        with tempfile.TemporaryDirectory() as tmp:
            p = write(tmp, "003-z", text, "percent\t3,4%\tvalue=3.4\n",
                      "indicator=GRDP\tvalue=3.5\tunit=%\tclause=GRDP tăng 3,4%.\n")
            with self.assertRaises(bg.GoldError):
                bg.build_doc(p)


class Corpus(unittest.TestCase):
    def test_every_source_builds(self):
        for p in sorted(bg.SRC.glob("*.gold")):
            doc = bg.build_doc(p)
            self.assertTrue(doc["entities"], p)


if __name__ == "__main__":
    unittest.main()
