"""The command line in a real subprocess: JSON shapes, --library, exit codes, messages."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from broadsheet.cli import COMMANDS
from conftest import REFERENCE, ROOT, SEEDS, cli_environment, run_cli

IMPORT_KEYS = {"imported", "duplicates", "skipped", "seconds"}
LIST_KEYS = {"id", "title", "author", "published", "source_path", "sha256"}
SHOW_KEYS = {"id", "title", "summary", "author", "image_credit", "updated", "published",
             "source_path", "sha256", "sections", "read_links"}
SEARCH_KEYS = {"id", "title", "published", "snippet", "score"}
RELATED_KEYS = {"read_links", "backlinks", "same_story", "similar"}
LINK_KEYS = {"from_id", "position", "text", "target_id"}
STATS_KEYS = {"articles", "authors", "earliest", "latest", "bytes"}


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """The one JSON document on stdout (json.loads refuses anything after it)."""
        return json.loads(self.stdout)


def broadsheet(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> Run:
    done = run_cli(*args, cwd=cwd, env=env)
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library file with the seeds imported, shared by the read-only tests."""
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "seeded.db"
    run = broadsheet("import", SEEDS, "--library", path, "--json", cwd=folder)
    assert run.code == 0, run.stderr
    return path


@pytest.fixture
def ids(seeded: Path, tmp_path: Path) -> dict[str, int]:
    """Seed prefix ("000") -> id, from list --json."""
    rows = broadsheet("list", "--json", "--library", seeded, cwd=tmp_path).json()
    return {Path(row["source_path"]).name[:3]: row["id"] for row in rows}


# -- import --------------------------------------------------------------------------


def test_import_json_shape(tmp_path: Path) -> None:
    library = tmp_path / "lib.db"
    run = broadsheet("import", SEEDS, "--library", library, "--json", cwd=tmp_path)
    assert run.code == 0, run.stderr
    document = run.json()
    assert set(document) == IMPORT_KEYS
    assert document["imported"] == 16
    assert document["duplicates"] == 0
    assert document["skipped"] == []
    assert isinstance(document["seconds"], int | float)
    assert document["seconds"] >= 0
    assert library.is_file()
    assert not (tmp_path / "not-this-one.db").exists()


def test_import_again_reports_duplicates(tmp_path: Path) -> None:
    library = tmp_path / "lib.db"
    broadsheet("import", SEEDS, "--library", library, "--json", cwd=tmp_path)
    document = broadsheet("import", SEEDS, "--library", library, "--json", cwd=tmp_path).json()
    assert (document["imported"], document["duplicates"]) == (0, 16)


def test_import_skipped_shape_and_exit_zero(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "story.txt").write_bytes(REFERENCE.read_bytes())
    run = broadsheet("import", folder, tmp_path / "missing.txt", "--json",
                     "--library", tmp_path / "lib.db", cwd=tmp_path)
    assert run.code == 0, run.stderr
    document = run.json()
    assert document["imported"] == 1
    skipped = {Path(item["path"]).name: item for item in document["skipped"]}
    assert set(skipped) == {"empty.txt", "photo.png", "missing.txt"}
    for item in skipped.values():
        assert set(item) == {"path", "reason"}
        assert item["reason"]
    # The refusals are also said on stderr, one line each.
    for name in skipped:
        assert name in run.stderr


def test_import_without_json_prints_a_summary(tmp_path: Path) -> None:
    run = broadsheet("import", SEEDS, "--library", tmp_path / "lib.db", cwd=tmp_path)
    assert run.code == 0
    assert "16" in run.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(run.stdout)


def test_import_max_size(tmp_path: Path) -> None:
    run = broadsheet("import", SEEDS, "--max-size", "0.003", "--json",
                     "--library", tmp_path / "lib.db", cwd=tmp_path)
    assert run.code == 0
    document = run.json()
    assert document["imported"] == 16 - len(document["skipped"])
    assert len(document["skipped"]) == 1  # only the reference is over 3,000 bytes
    assert Path(document["skipped"][0]["path"]).name == REFERENCE.name


# -- list, show, search, related, links, stats ----------------------------------------


def test_list_json(seeded: Path, tmp_path: Path) -> None:
    run = broadsheet("list", "--json", "--library", seeded, cwd=tmp_path)
    assert run.code == 0, run.stderr
    rows = run.json()
    assert isinstance(rows, list)
    assert len(rows) == 16
    for row in rows:
        assert set(row) == LIST_KEYS
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    reference = next(r for r in rows if r["source_path"].endswith(REFERENCE.name))
    assert reference["title"].startswith("Russia says it is impossible")
    assert reference["author"] == "Bhavya Sukheja"
    assert reference["published"] == "2020-08-23T19:53:00+05:30"
    assert re.fullmatch(r"[0-9a-f]{64}", reference["sha256"])


def test_list_sort_newest(seeded: Path, tmp_path: Path) -> None:
    rows = broadsheet("list", "--sort", "newest", "--json", "--library", seeded,
                      cwd=tmp_path).json()
    assert rows[0]["title"].startswith("Brennock University team")


def test_show_json_reference(seeded: Path, ids: dict[str, int], tmp_path: Path) -> None:
    run = broadsheet("show", str(ids["000"]), "--json", "--library", seeded, cwd=tmp_path)
    assert run.code == 0, run.stderr
    article = run.json()
    assert set(article) == SHOW_KEYS
    assert article["id"] == ids["000"]
    assert article["title"] == (
        "Russia says it is impossible to prove Belarus leader Lukashenko did not win vote")
    assert article["summary"] == (
        "The Russia's Foreign Minister said that it would be impossible to prove that Belarus "
        "leader did not win the election in the absence of international observers.")
    assert article["author"] == "Bhavya Sukheja"
    assert article["image_credit"] == "self"
    assert article["updated"] == "2020-08-23T19:53:00+05:30"
    assert article["published"] == "2020-08-23T19:53:00+05:30"
    assert Path(article["source_path"]).name == REFERENCE.name
    assert re.fullmatch(r"[0-9a-f]{64}", article["sha256"])
    assert [set(s) for s in article["sections"]] == [{"heading", "paragraphs"}] * 2
    assert [s["heading"] for s in article["sections"]] == [
        None, "Lukashenko orders army to defend borders"]
    assert [len(s["paragraphs"]) for s in article["sections"]] == [4, 1]
    assert article["sections"][0]["paragraphs"][0].startswith(
        "The Russian Foreign Minister Sergei Lavrov on August 21")
    assert [set(link) for link in article["read_links"]] == [{"text", "target_id"}] * 4
    assert [link["text"] for link in article["read_links"]] == [
        "Belarus' Lukashenko Orders Army To Defend Borders Ahead Of Mass Protests",
        "Belarus Protesters Demand Fair Elections, Freedom",
        "Belarus President Says NATO, West Are Threat To The Country",
        "Belarus Military Instructed To Protect Country's Territorial Integrity Amid Mass "
        "Protests",
    ]
    assert [link["target_id"] for link in article["read_links"]] == [None] * 4


def test_show_resolved_link(seeded: Path, ids: dict[str, int], tmp_path: Path) -> None:
    article = broadsheet("show", str(ids["002"]), "--json", "--library", seeded,
                         cwd=tmp_path).json()
    assert article["read_links"] == [{
        "text": "River Vell Bursts Its Banks As Carrowmere Evacuates Low-Lying Streets",
        "target_id": ids["001"]}]


def test_show_raw(seeded: Path, ids: dict[str, int], tmp_path: Path) -> None:
    run = broadsheet("show", str(ids["000"]), "--raw", "--library", seeded, cwd=tmp_path)
    assert run.code == 0
    assert run.stdout == REFERENCE.read_text(encoding="utf-8")


def test_show_text(seeded: Path, ids: dict[str, int], tmp_path: Path) -> None:
    run = broadsheet("show", str(ids["000"]), "--library", seeded, cwd=tmp_path)
    assert run.code == 0
    assert "Lukashenko orders army to defend borders" in run.stdout
    assert "Bhavya Sukheja" in run.stdout


def test_search_json(seeded: Path, ids: dict[str, int], tmp_path: Path) -> None:
    run = broadsheet("search", "Lukashenko", "--json", "--library", seeded, cwd=tmp_path)
    assert run.code == 0, run.stderr
    hits = run.json()
    assert len(hits) == 1
    assert set(hits[0]) == SEARCH_KEYS
    assert hits[0]["id"] == ids["000"]
    assert hits[0]["published"] == "2020-08-23T19:53:00+05:30"
    assert "Lukashenko" in hits[0]["snippet"]
    assert not re.search("[\ue000\ue001]", hits[0]["snippet"])
    assert isinstance(hits[0]["score"], int | float)


def test_search_best_first_and_limit(seeded: Path, tmp_path: Path) -> None:
    hits = broadsheet("search", "Carrowmere", "--json", "--library", seeded,
                      cwd=tmp_path).json()
    assert len(hits) > 3
    for hit in hits:
        assert set(hit) == SEARCH_KEYS
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)
    limited = broadsheet("search", "Carrowmere", "--limit", "2", "--json",
                         "--library", seeded, cwd=tmp_path).json()
    assert limited == hits[:2]


def test_search_several_words_and_syntax(seeded: Path, ids: dict[str, int],
                                         tmp_path: Path) -> None:
    hits = broadsheet("search", "author:carrick", "recede", "--json", "--library", seeded,
                      cwd=tmp_path).json()
    assert [hit["id"] for hit in hits] == [ids["004"]]


def test_search_no_match_is_an_empty_list(seeded: Path, tmp_path: Path) -> None:
    run = broadsheet("search", "zzyzx", "--json", "--library", seeded, cwd=tmp_path)
    assert run.code == 0
    assert run.json() == []


def test_search_exclusion_on_the_command_line(seeded: Path, tmp_path: Path) -> None:
    # The help promises "-exclusions" as query syntax: `broadsheet search bridge -lorries`.
    quoted = broadsheet("search", "bridge -lorries", "--json", "--library", seeded,
                        cwd=tmp_path)
    assert quoted.code == 0
    run = broadsheet("search", "bridge", "-lorries", "--json", "--library", seeded,
                     cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert run.json() == quoted.json()


def test_related_json(seeded: Path, ids: dict[str, int], tmp_path: Path) -> None:
    run = broadsheet("related", str(ids["002"]), "--json", "--library", seeded, cwd=tmp_path)
    assert run.code == 0, run.stderr
    found = run.json()
    assert set(found) == RELATED_KEYS
    assert found["read_links"] == [{
        "text": "River Vell Bursts Its Banks As Carrowmere Evacuates Low-Lying Streets",
        "target_id": ids["001"]}]
    for item in found["backlinks"] + found["same_story"]:
        assert set(item) == {"id", "title"}
    for item in found["similar"]:
        assert set(item) == {"id", "title", "score"}
    assert {item["id"] for item in found["backlinks"]} == {ids["003"], ids["004"]}
    assert found["same_story"] == []
    assert ids["002"] not in {item["id"] for item in found["similar"]}
    assert ids["001"] in {item["id"] for item in found["similar"]}


def test_related_of_an_article_nothing_links_to(seeded: Path, ids: dict[str, int],
                                                tmp_path: Path) -> None:
    found = broadsheet("related", str(ids["000"]), "--json", "--library", seeded,
                       cwd=tmp_path).json()
    assert set(found) == RELATED_KEYS
    assert found["backlinks"] == []
    assert [link["target_id"] for link in found["read_links"]] == [None] * 4


def test_links_json(seeded: Path, ids: dict[str, int], tmp_path: Path) -> None:
    run = broadsheet("links", "--json", "--library", seeded, cwd=tmp_path)
    assert run.code == 0, run.stderr
    links = run.json()
    assert len(links) == 29
    for link in links:
        assert set(link) == LINK_KEYS
    assert {"from_id": ids["002"], "position": 0,
            "text": "River Vell Bursts Its Banks As Carrowmere Evacuates Low-Lying Streets",
            "target_id": ids["001"]} in links
    assert sum(link["target_id"] is None for link in links) == 9


def test_stats_json(seeded: Path, tmp_path: Path) -> None:
    run = broadsheet("stats", "--json", "--library", seeded, cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert run.json() == {
        "articles": 16, "authors": 12, "earliest": "2020-08-23T19:53:00+05:30",
        "latest": "2024-04-23T10:00:00+05:30",
        "bytes": sum(p.stat().st_size for p in SEEDS.glob("*.txt")),
    }


@pytest.mark.parametrize(
    "args",
    [("list",), ("show", "1"), ("search", "flood"), ("related", "1"), ("links",), ("stats",)],
    ids=lambda a: a[0],
)
def test_json_stdout_is_one_document_and_nothing_else(seeded: Path, tmp_path: Path,
                                                      args: tuple[str, ...]) -> None:
    run = broadsheet(*args, "--json", "--library", seeded, cwd=tmp_path)
    assert run.code == 0, run.stderr
    json.loads(run.stdout)
    assert run.stdout.lstrip()[0] in "[{"
    assert run.stdout.rstrip()[-1] in "]}"


# -- where the library is --------------------------------------------------------------


@pytest.mark.parametrize("command", ["list", "stats", "links"])
def test_library_option_before_or_after_the_command(seeded: Path, tmp_path: Path,
                                                    command: str) -> None:
    before = broadsheet("--library", seeded, command, "--json", cwd=tmp_path)
    after = broadsheet(command, "--json", "--library", seeded, cwd=tmp_path)
    equals = broadsheet(command, "--json", f"--library={seeded}", cwd=tmp_path)
    assert before.code == after.code == equals.code == 0
    assert before.json() == after.json() == equals.json()
    assert not (tmp_path / "not-this-one.db").exists()


def test_import_with_library_before_the_command(tmp_path: Path) -> None:
    library = tmp_path / "lib.db"
    run = broadsheet("--library", library, "import", SEEDS, "--json", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert run.json()["imported"] == 16
    assert library.is_file()


def test_environment_variable_names_the_library(seeded: Path, tmp_path: Path) -> None:
    env = cli_environment(tmp_path, library=seeded)
    run = broadsheet("stats", "--json", cwd=tmp_path, env=env)
    assert run.code == 0, run.stderr
    assert run.json()["articles"] == 16


def test_library_option_beats_the_environment(seeded: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    broadsheet("import", REFERENCE, "--library", other, "--json", cwd=tmp_path)
    env = cli_environment(tmp_path, library=seeded)
    run = broadsheet("stats", "--json", "--library", other, cwd=tmp_path, env=env)
    assert run.json()["articles"] == 1


def test_import_through_the_environment_variable(tmp_path: Path) -> None:
    library = tmp_path / "from-env.db"
    env = cli_environment(tmp_path, library=library)
    run = broadsheet("import", SEEDS, "--json", cwd=tmp_path, env=env)
    assert run.code == 0, run.stderr
    assert library.is_file()


# -- exit status ------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["show", "related"])
def test_unknown_id_exits_1(seeded: Path, tmp_path: Path, command: str) -> None:
    run = broadsheet(command, "9999", "--json", "--library", seeded, cwd=tmp_path)
    assert run.code == 1
    assert run.stdout == ""
    assert "9999" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [("list",), ("show", "1"), ("search", "flood"), ("related", "1"), ("links",), ("stats",),
     ("import", str(REFERENCE))],
    ids=lambda a: a[0],
)
def test_not_a_database_exits_1_naming_the_file(tmp_path: Path, args: tuple[str, ...]) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("shopping list: milk, eggs\n" * 20, encoding="utf-8")
    before = bad.read_bytes()
    run = broadsheet(*args, "--json", "--library", bad, cwd=tmp_path)
    assert run.code == 1
    assert run.stdout == ""
    assert str(bad) in run.stderr
    assert "Traceback" not in run.stderr
    assert bad.read_bytes() == before


def test_missing_library_exits_1_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "lib.db"
    run = broadsheet("list", "--json", "--library", missing, cwd=tmp_path)
    assert run.code == 1
    assert str(missing) in run.stderr
    assert not missing.exists()


def test_newer_library_exits_1(tmp_path: Path) -> None:
    library = tmp_path / "lib.db"
    broadsheet("import", REFERENCE, "--library", library, "--json", cwd=tmp_path)
    with closing(sqlite3.connect(library)) as conn:
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
    run = broadsheet("stats", "--json", "--library", library, cwd=tmp_path)
    assert run.code == 1
    assert "newer" in run.stderr
    assert str(library) in run.stderr


@pytest.mark.parametrize(
    "args",
    [("frobnicate",), ("--library", "x.db", "frobnicate"), ("no-such-file.txt",),
     ("list", "--bogus"), ("show",), ("show", "abc"), ("search",), ("search", "x", "--limit", "0"),
     ("list", "--sort", "sideways"), ("import",)],
    ids=lambda a: " ".join(a),
)
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    run = broadsheet(*args, cwd=tmp_path)
    assert run.code == 2
    assert run.stdout == ""
    assert run.stderr.strip()
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "x.db").exists()


def test_unknown_first_word_names_it(tmp_path: Path) -> None:
    run = broadsheet("frobnicate", cwd=tmp_path)
    assert "frobnicate" in run.stderr


def test_help_exits_0(tmp_path: Path) -> None:
    run = broadsheet("--help", cwd=tmp_path)
    assert run.code == 0
    for name in COMMANDS:
        assert name in run.stdout


def test_every_command_is_documented_in_the_readme() -> None:
    readme = ROOT / "README.md"
    if not readme.is_file():
        pytest.skip("README.md is not written yet")
    text = readme.read_text(encoding="utf-8")
    missing = [name for name in COMMANDS
               if not re.search(rf"broadsheet\s+{re.escape(name)}\b|`{re.escape(name)}`", text)]
    assert missing == []
