"""The reader bench counts exact days against a whole-week label as the same length only when
they fall in the same week (evals/reader/README.md, "Labels adjudicated across sets")."""

import pytest

from evals.bench_reader import _same_week


@pytest.mark.parametrize(("read", "label", "same"), [
    ("183 days", "26 weeks", True),    # onset 01/10 counted to 07/11: 26 whole weeks
    ("182 days", "26 weeks", True),
    ("189 days", "26 weeks", False),   # the 27th week: a different length
    ("41 days", "6 weeks", False),     # 5 weeks and 6 days is under a 6-week threshold
    ("42 days", "6 weeks", True),
    ("26 weeks", "183 days", False),   # only days read against weeks labelled
    ("6 months", "26 weeks", False),
])
def test_days_count_as_the_labelled_week_only_inside_it(read: str, label: str, same: bool) -> None:
    assert _same_week(read, label) is same
