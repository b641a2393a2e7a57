"""The declarations as JSON (`verifier.declarations.dump`/`load`), which the
check kit carries: what comes back is what the tests check, field for field."""

from __future__ import annotations

import json

import pytest

from verifier.catalog import site_catalog
from verifier.declarations import FORMAT, dump, load


def test_every_declaration_of_the_site_comes_back_unchanged() -> None:
    examples = site_catalog().examples
    contents = {example.file: example.code.encode() for example in examples}
    contents.update(item for example in examples for item in example.files)
    data = json.loads(json.dumps(dump(examples)))  # through JSON text, as in the kit
    assert load(data, contents.__getitem__) == examples


def test_extra_fields_ride_along_and_are_ignored_on_load() -> None:
    examples = site_catalog().examples[:2]
    data = dump(examples, {examples[0].file: {"imports": ["numpy"]}})
    assert data["examples"][0]["imports"] == ["numpy"]
    assert "imports" not in data["examples"][1]
    contents = {example.file: example.code.encode() for example in examples}
    contents.update(item for example in examples for item in example.files)
    assert load(data, contents.__getitem__) == examples


def test_another_format_is_refused() -> None:
    with pytest.raises(ValueError, match=f"this reads {FORMAT}"):
        load({"format": FORMAT + 1, "examples": []}, lambda path: b"")
