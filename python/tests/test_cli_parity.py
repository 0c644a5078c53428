"""The binding writes what the CLI writes: the same documents, the same date errors.

Needs the `chiso` binary: CHISO_BIN=path (.ci/run sets it to the one `cargo
test` built); skipped otherwise.
"""

import json
import os
import subprocess

import chiso
import pytest
from conftest import SENTENCES

CHISO_BIN = os.environ.get("CHISO_BIN")
pytestmark = pytest.mark.skipif(
    not (CHISO_BIN and os.path.exists(CHISO_BIN)), reason="set CHISO_BIN to the chiso binary to compare with the CLI"
)


def cli(*args, stdin=""):
    return subprocess.run([CHISO_BIN, *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_documents_equal_the_cli_lines():
    dates = ["2024-01-05" if i % 2 else None for i in range(len(SENTENCES))]
    stdin = "".join(json.dumps({"text": t, "date": d}, ensure_ascii=False) + "\n" for t, d in zip(SENTENCES, dates))
    for tokens in (True, False):
        flags = [] if tokens else ["--no-tokens"]
        run = cli("annotate", "--input", "jsonl", "--reference-date", "2023-06-20", *flags, stdin=stdin)
        assert run.returncode == 0, run.stderr
        lines = run.stdout.splitlines()
        assert len(lines) == len(SENTENCES)
        nlp = chiso.Annotator(reference_date="2023-06-20")
        ours = nlp.annotate_batch_json(SENTENCES, dates, tokens=tokens)
        for line, mine in zip(lines, ours):
            theirs = json.loads(line)
            theirs.pop("id")
            assert json.dumps(theirs, ensure_ascii=False, separators=(",", ":")) == mine


def test_bad_reference_date_message_is_the_cli_message():
    run = cli("annotate", "--reference-date", "2023-02-30", stdin="")
    assert run.returncode == 2
    with pytest.raises(ValueError) as e:
        chiso.Annotator(reference_date="2023-02-30")
    message = str(e.value).removeprefix("reference_date: ")
    assert message in run.stderr
