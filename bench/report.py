"""`make bench`'s report: from one results file (bench/collect.mjs) writes benchmarks.md and the
chart benchmarks.png into OUT_DIR (docs/ for `make bench`, a temporary folder for
`make bench-smoke`). With --label TEXT, the report says so at its top (a smaller run, ...).

Usage: python bench/report.py RESULTS.json OUT_DIR [--label TEXT]"""

import argparse
import json
from pathlib import Path

import report_chart
import report_markdown

HERE = Path(__file__).parent


def main():
    """Reads the results and writes the report and its chart."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("out_dir")
    parser.add_argument("--label")
    args = parser.parse_args()
    results = json.loads(Path(args.results).read_text())
    Path(args.out_dir).mkdir(parents=True, exist_ok=True)
    report_chart.draw(results, Path(args.out_dir, "benchmarks.png"))
    report_markdown.write(results, args.out_dir, HERE / "targets.md", "benchmarks.png", args.label)


if __name__ == "__main__":
    main()
