"""Strict, safe reading of YAML files: bad bytes and risky YAML get clear, located errors."""

from __future__ import annotations

import pytest

from generator.check.collection import check_collection
from generator.load.strict_yaml import YamlProblem, load_yaml
from tests.conftest import TODAY


def only_error(project):
    collection = check_collection(project, today=TODAY)
    assert collection.case_studies == []
    assert len(collection.errors) == 1, collection.errors
    return collection.errors[0]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: 1\na: 2\n", "duplicate key 'a' (first given on line 1)", 2),
        ("a: &x [1]\nb: *x\n", "anchors and aliases", 1),
        ("a: [1]\nb: {<<: {c: 2}}\n", "merge keys (<<) are not allowed", 2),
        ('a: "unclosed\n', "YAML syntax error", 2),
        ("a:\n\t- 1\n", "YAML syntax error", 2),
    ],
)
def test_risky_or_broken_yaml_is_rejected(text, message, line):
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text)
    assert message in caught.value.message
    assert caught.value.line == line  # 1-based, as editors count


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\n", "- &y 2\n", "a: [&z 3]\n", "a: {b: 1,&c 2}\n", "a:\n  &q 1\n", "a: !!str &t x\n"],
)
def test_anchors_are_found_wherever_they_stand(text):
    with pytest.raises(YamlProblem, match="anchors and aliases are not allowed"):
        load_yaml(text)


ANCHORED_AND_ALIASED = [
    '{"a":&x [1], "b":*x}\n',  # flow style: a value may follow a colon directly
    "a: 1\r\nb: &x 2\rc: *x\n",  # libyaml breaks lines at CR too
    "a: 1\n\ufeffb: \ufeff&x 2\nc: *x\n",  # and skips a byte-order mark at the start of a line
    "\ufeffa: &x 1\x85b: *x\n",  # NEL and U+2028 are refused before any of this
    "a: &x 1\u2028b: *x\n",
    "a: [1,*x]\n",  # an alias with no anchor is a syntax error, still rejected
    "a:\t*x\n",
    "- *x\n",
    "? *x\n: 1\n",
]


@pytest.mark.parametrize("text", ANCHORED_AND_ALIASED)
def test_anchors_and_aliases_in_any_position_are_rejected(text):
    with pytest.raises(YamlProblem, match=r"anchors and aliases|undefined alias|U\+(FEFF|0085|2028)"):
        load_yaml(text)


@pytest.mark.parametrize(
    "text",
    ["a: the **Child Friendly City** aim\n", "a: |\n  Some *emphasis* here.\n", "a: 2 * 3 = 6\n"],
)
def test_asterisks_in_text_are_fine(text):
    assert isinstance(load_yaml(text)["a"], str)


@pytest.mark.parametrize("text", ["a: A&E visits\n", "a: fish & chips\n", "a: '&quoted'\n"])
def test_ampersands_in_text_are_fine(text):
    assert isinstance(load_yaml(text)["a"], str)


def test_tab_indentation_gets_a_hint():
    with pytest.raises(YamlProblem) as caught:
        load_yaml("a:\n\t- 1\n")
    assert "tabs" in caught.value.hint


def test_billion_laughs_is_rejected():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    with pytest.raises(YamlProblem):
        load_yaml("\n".join(lines))


def test_dates_stay_text_so_the_schema_checks_them_one_way():
    assert load_yaml("published: 2010-03-18\nquoted: '2010-03-18'\n") == {
        "published": "2010-03-18",
        "quoted": "2010-03-18",
    }


def test_byte_order_mark_is_accepted(leeds_text, scratch_project):
    project = scratch_project({"leeds-family-valued.yaml": b"\xef\xbb\xbf" + leeds_text.encode()})
    collection = check_collection(project, today=TODAY)
    assert [c.id for c in collection.case_studies] == ["leeds-family-valued"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("   \n# only a comment\n", "is empty"),
        ("- a\n- b\n", "holds a list at the top level"),
        ("just words\n", "holds a single value at the top level"),
        (b"title: caf\xe9\n", "is not valid UTF-8"),
        ("id: x\nid: y\n", "duplicate key 'id'"),
    ],
)
def test_unreadable_files_get_a_clear_error(content, message, scratch_project):
    problem = only_error(scratch_project({"bad.yaml": content}))
    assert problem.file == "practice/bad.yaml"
    assert message in problem.message
    assert problem.hint


def test_oversized_file_is_rejected(scratch_project):
    problem = only_error(scratch_project({"huge.yaml": "title: " + "x" * 300_000 + "\n"}))
    assert "over the 256 KB limit" in problem.message


def test_wrong_extension_directory_and_symlink_are_reported(leeds_text, scratch_project):
    project = scratch_project({"notes.yml": leeds_text})
    (project.practice_dir / "folder.yaml").mkdir()
    (project.practice_dir / "link.yaml").symlink_to(project.practice_dir / "notes.yml")
    collection = check_collection(project, today=TODAY)
    messages = {p.file: p.message for p in collection.errors}
    assert "end in .yaml" in messages["practice/notes.yml"]
    assert "not a regular file" in messages["practice/folder.yaml"]
    assert "symbolic link" in messages["practice/link.yaml"]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("title: Évery fïeld\nsetting: Family \x01homes\n", 2, 17),  # libyaml counts bytes; editors, characters
        ("a: 😀😀😀\nb: x\x01", 2, 5),
        ("a: 1\rb: \x01", 2, 4),  # a lone carriage return ends a line too
    ],
)
def test_a_character_yaml_forbids_is_located_in_characters_and_lines(text, line, column):
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text)
    assert (caught.value.line, caught.value.column) == (line, column)


def test_editors_working_files_are_named_for_what_they_are(leeds_text, scratch_project):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text, "leeds-family-valued.yaml~": leeds_text})
    # Emacs's lock file is a dangling symbolic link named .#<file>
    (project.practice_dir / ".#leeds-family-valued.yaml").symlink_to("editor@host.1234:1700000000")
    (project.practice_dir / "#leeds-family-valued.yaml#").write_text(leeds_text, encoding="utf-8")
    (project.practice_dir / "link.yaml").symlink_to("/etc/passwd")
    collection = check_collection(project, today=TODAY)
    messages = {p.file: (p.message, p.hint) for p in collection.errors}
    assert messages["practice/.#leeds-family-valued.yaml"][0].startswith("is an editor's lock file")
    assert "rename" not in messages["practice/.#leeds-family-valued.yaml"][1]  # once "rename it to #leeds..."
    assert messages["practice/leeds-family-valued.yaml~"][0].startswith("is an editor's backup copy")
    assert messages["practice/#leeds-family-valued.yaml#"][0].startswith("is an editor's auto-save file")
    assert messages["practice/link.yaml"][0] == (
        "is a symbolic link (to '/etc/passwd'), not a file: the site would publish whatever it points at"
    )
    assert [c.id for c in collection.case_studies] == ["leeds-family-valued"]  # the working files claim no id


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("id: a\ntitle: x\n", "a"),
        ('# comment\n"id": b\n', "b"),
        ("a: 1\rid: c\r", "c"),  # carriage returns only
        ('title: "Minimal\nid: decoy"\nid: real\n', "real"),  # a quoted text's second line is not a key
        ("x: [1, {id: no}]\nid: yes-this\n", "yes-this"),  # nor is a nested id
        ("id: !!str tagged\n", "tagged"),
        ("- a\n", None),
        ("", None),
        ("id: [x]\n", None),
        ("a:\n\ufeff- - x\nid: z\n", None),  # a mark a text scan would not see: unreadable, no id
    ],
)
def test_the_id_another_file_claims_is_read_as_libyaml_reads_it(text, claimed):
    from generator.load.from_events import claimed_id

    assert claimed_id(text) == claimed
