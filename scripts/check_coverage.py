"""Fail when line or branch coverage is below its threshold (coverage.py checks only one total)."""

import argparse
import json
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("report", help="coverage JSON report")
    parser.add_argument("--lines", type=float, required=True)
    parser.add_argument("--branches", type=float, required=True)
    args = parser.parse_args()
    with open(args.report) as report:
        totals = json.load(report)["totals"]
    lines = 100 * totals["covered_lines"] / max(totals["num_statements"], 1)
    branches = 100 * totals["covered_branches"] / max(totals["num_branches"], 1)
    print(
        f"coverage: lines {lines:.1f}% (need {args.lines}%), "
        f"branches {branches:.1f}% (need {args.branches}%)"
    )
    if lines < args.lines or branches < args.branches:
        print("coverage is below the threshold")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
