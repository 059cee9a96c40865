from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from radiculog.exports.csv_export import log_to_csv
from radiculog.summary.measures import DailyMeasures


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_one_row_per_entry_with_measures_and_function_columns(
    make_entry: Any, make_log: Any
) -> None:
    log = make_log(
        make_entry(0, toe=(10, 8), notes="Pain 6/10. Sleep: woke with pain.\nstiff"),
        make_entry(
            1, toe=(10, 4), sensory=[{"region": "dorsum_foot", "side": "right", "kind": "numb"}]
        ),
    )
    table = rows(log_to_csv(log))
    assert [r["toe_lift_right"] for r in table] == ["8", "4"]
    assert table[0]["pain_0_10"] == "6"
    assert table[0]["sleep"] == "woke with pain"
    assert table[0]["notes"] == "stiff"
    assert table[1]["changed_feeling"] == "top of the foot (right) numb"
    assert table[1]["pain_0_10"] == ""


def test_formula_like_text_is_defused(make_entry: Any, make_log: Any) -> None:
    log = make_log(make_entry(0, triggers='=HYPERLINK("http://x")', easers="-lying down"))
    (row,) = rows(log_to_csv(log))
    assert row["triggers"].startswith("'=")
    assert row["easers"] == "'-lying down"


def test_an_empty_log_is_just_the_header(make_log: Any) -> None:
    assert log_to_csv(make_log()).splitlines() == [
        "at,pain_0_10,leg_pain_0_10,back_pain_0_10,painkillers,sleep,walk_minutes,"
        "pain_areas,changed_feeling,triggers,easers,notes"
    ]


def test_leg_and_back_pain_and_painkillers_have_their_own_columns(
    make_entry: Any, make_log: Any
) -> None:
    line = DailyMeasures(leg_pain=7, back_pain=3, painkillers=2).to_line()
    log = make_log(make_entry(0, notes=line), make_entry(1))
    first, second = rows(log_to_csv(log))
    assert (first["leg_pain_0_10"], first["back_pain_0_10"], first["painkillers"]) == (
        "7",
        "3",
        "2",
    )
    assert (second["leg_pain_0_10"], second["painkillers"]) == ("", "")  # not given, not 0


@pytest.mark.parametrize(
    "text",
    [
        " =1+1",
        '\n=HYPERLINK("http://x")',
        "\u3000=1+1",
        '\uff1dHYPERLINK("http://x")',
        "\uff0b1",
        "\r=1",
        "\t@SUM(A1)",
    ],
)
def test_formulas_behind_spaces_line_breaks_or_full_width_signs_are_defused(
    make_entry: Any, make_log: Any, text: str
) -> None:
    (row,) = rows(log_to_csv(make_log(make_entry(0, triggers=text))))
    assert row["triggers"].startswith("'")
    assert row["triggers"].replace("'", "") == text  # nothing else changed


def test_a_semicolon_locale_cannot_split_a_cell_into_a_formula(
    make_entry: Any, make_log: Any
) -> None:
    text = log_to_csv(make_log(make_entry(0, triggers="sitting;=HYPERLINK(1)")))
    data = text.splitlines()[1]
    (cells,) = list(csv.reader(io.StringIO(data), delimiter=";"))
    assert not any(cell.lstrip().startswith("=") for cell in cells)
