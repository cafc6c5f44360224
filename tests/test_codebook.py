"""The codebook in data/README.md is the one generated from datapackage.json."""

from __future__ import annotations

from pakafghan.codebook import codebook_section, describe_dataset
from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.schema import read_package


def test_codebook_in_readme_is_up_to_date():
    readme = (BUNDLED_DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert codebook_section() in readme, "run `make codebook` and commit data/README.md"


def test_codebook_mentions_every_field_and_enum_value():
    text = codebook_section()
    for table in read_package().tables:
        for field in table.fields:
            assert f"| `{field.name}` |" in text
            for value in field.enum or []:
                assert f"`{value}`" in text


def test_every_field_has_a_description():
    for table in read_package().tables:
        assert table.description
        for field in table.fields:
            assert len(field.description) > 10, f"{table.name}.{field.name}"


def test_short_description_names_every_table_and_fits_a_screen():
    text = describe_dataset()
    package = read_package()
    assert text.startswith(package.title)
    for table in package.tables:
        assert f"- {table.name} ({table.path}): {table.description.split('. ')[0]}" in text.replace(
            "\n  ", " "
        )
    assert max(len(line) for line in text.splitlines()) <= 88
