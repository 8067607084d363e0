#!/usr/bin/env python3
"""Makes the test fixture of Bikram Sambat (BS) and AD day pairs from two independent converters.

Run it once, by hand, when the calendar table (Resources/bs-calendar.txt) gains years; CI
never runs it and never reaches the network, it reads the committed fixture:

    python3 -m venv /tmp/bs-venv
    /tmp/bs-venv/bin/pip install nepali-datetime==1.0.8.5 bsad-converter==1.1.0
    /tmp/bs-venv/bin/python scripts/make-bs-fixture.py [FIRST_BS_YEAR LAST_BS_YEAR]

(years default to 2000 and 2083, the range of the shipped table).

What it does: for every AD day from 1 Baishakh FIRST_BS_YEAR to the last day of
LAST_BS_YEAR it asks both libraries for the BS date (AD to BS) and checks that each
library converts that BS date back to the same AD day (BS to AD). A day goes into the
fixture only when both libraries agree in both directions; every day where they
disagree is listed on standard error, grouped into runs, and counted in the fixture's
header. The two libraries keep their own month-length tables (nepali-datetime: its
calendar_bs.csv; bsad-converter: a table decoded from medic/bikram-sambat), so a day
where they agree is not just one table copied twice.

Output: Tests/ArrownetDomainTests/Fixtures/bs-ad-days.txt, one day a line,
"BS-DATE AD-DATE" (e.g. "2083-08-15 2026-12-01"), `#` lines first. The Swift test
(BikramSambatFixtureTests) converts every line both ways with the shipped table.

Known disagreement (2000 to 2083), as of nepali-datetime 1.0.8.5 and bsad-converter 1.1.0:
BS 2062 Baishakh and Jestha. nepali-datetime has 31 + 31 days, bsad-converter 30 + 32,
so the 32 AD days 2005-05-14 to 2005-06-14 differ by one day and are left out. The
shipped table follows nepali-datetime there (see the comments in Resources/bs-calendar.txt).
"""

import datetime
import importlib.metadata
import os
import sys

try:
    import bsad_converter
    import nepali_datetime
except ImportError:
    sys.exit("make-bs-fixture: install the converters first: pip install nepali-datetime bsad-converter")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(REPO, "Tests", "ArrownetDomainTests", "Fixtures", "bs-ad-days.txt")


def nepali_datetime_bs(ad):
    bs = nepali_datetime.date.from_datetime_date(ad)
    return (bs.year, bs.month, bs.day)


def nepali_datetime_ad(bs):
    return nepali_datetime.date(*bs).to_datetime_date()


def bsad_bs(ad):
    bs = bsad_converter.ad_to_bs(ad)
    return (bs["year"], bs["month"], bs["day"])


def bsad_ad(bs):
    return bsad_converter.bs_to_ad(*bs)


def iso(bs):
    return "%04d-%02d-%02d" % bs


def first_day_of(year):
    """1 Baishakh `year` in AD; both libraries must agree on it, or the range is unusable."""
    ours, theirs = nepali_datetime_ad((year, 1, 1)), bsad_ad((year, 1, 1))
    if ours != theirs:
        sys.exit("make-bs-fixture: the libraries disagree on 1 Baishakh %d (%s and %s); choose other years"
                 % (year, ours, theirs))
    return ours


def main():
    first_year, last_year = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (2000, 2083)
    start, end = first_day_of(first_year), first_day_of(last_year + 1) - datetime.timedelta(days=1)

    pairs, disagreements = [], []
    day = start
    while day <= end:
        ours, theirs = nepali_datetime_bs(day), bsad_bs(day)
        # Each library must also take its own answer back to the same day.
        round_trips = nepali_datetime_ad(ours) == day and bsad_ad(theirs) == day
        if ours == theirs and round_trips:
            pairs.append("%s %s" % (iso(ours), day.isoformat()))
        else:
            disagreements.append((day, ours, theirs))
        day += datetime.timedelta(days=1)

    runs = []  # (first AD day, last AD day, first pair, last pair)
    for ad, ours, theirs in disagreements:
        if runs and runs[-1][1] + datetime.timedelta(days=1) == ad:
            runs[-1] = (runs[-1][0], ad, runs[-1][2], (ours, theirs))
        else:
            runs.append((ad, ad, (ours, theirs), (ours, theirs)))

    versions = "nepali-datetime %s and bsad-converter %s" % (
        importlib.metadata.version("nepali-datetime"), importlib.metadata.version("bsad-converter"))
    header = [
        "# Bikram Sambat (BS) and AD days, one a line: BS-DATE AD-DATE.",
        "# Made by scripts/make-bs-fixture.py from %s: every AD day from" % versions,
        "# %s (1 Baishakh %d) to %s (the last day of %d) where both libraries agree in both" % (
            start.isoformat(), first_year, end.isoformat(), last_year),
        "# directions. %d days kept, %d left out where they disagree:" % (len(pairs), len(disagreements)),
    ]
    for first, last, (ours_first, theirs_first), (ours_last, theirs_last) in runs:
        header.append("#   AD %s to %s: nepali-datetime %s to %s, bsad-converter %s to %s" % (
            first.isoformat(), last.isoformat(), iso(ours_first), iso(ours_last), iso(theirs_first), iso(theirs_last)))
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="ascii", newline="\n") as fixture:
        fixture.write("\n".join(header + pairs) + "\n")

    print("make-bs-fixture: %d days agree, written to %s" % (len(pairs), os.path.relpath(OUTPUT, REPO)))
    if runs:
        print("make-bs-fixture: %d days disagree, left out:" % len(disagreements), file=sys.stderr)
        for line in header[4:]:
            print(line[1:], file=sys.stderr)


if __name__ == "__main__":
    main()
