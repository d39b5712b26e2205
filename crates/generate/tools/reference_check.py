"""Runs the reference validator (csc-validator-be-903, package `lac_validator`) on one generated
LA: this year's CSV folder plus last year's, and prints the findings per rule code.

    /work/venv903/bin/python crates/generate/tools/reference_check.py \
        OUT/316/2024-25 OUT/316/2023-24 --year 2025 --la E09000025 [--show CODE ...]

`--year` is the END year of the collection year (2025 for 2024/25), as the reference keys it.
Only counts, rule codes, table names and row numbers are printed (synthetic data, but the habit
stays: no row values in logs), unless `--show` asks for the flagged rows of some codes.
"""
import argparse
import importlib
import logging
import sys
from collections import Counter
from pathlib import Path

logging.disable(logging.CRITICAL)

from lac_validator import lac_validator  # noqa: E402
from lac_validator.types import UploadedFile  # noqa: E402


def files_in(folder, description):
    out = []
    for path in sorted(Path(folder).glob("*.csv")):
        out.append(UploadedFile(name=str(path), description=description, file_content=path.read_bytes()))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("current")
    p.add_argument("previous", nargs="?")
    p.add_argument("--year", required=True, help="end year, e.g. 2025 for 2024/25")
    p.add_argument("--la", required=True, help="GSS code of the LA, e.g. E09000025")
    p.add_argument("--show", nargs="*", default=[], help="rule codes whose flagged rows to print")
    p.add_argument("--select", nargs="*", default=None, help="run only these rule codes")
    args = p.parse_args()

    files = files_in(args.current, "This year")
    if args.previous:
        files += files_in(args.previous, "Prev year")
    end = int(args.year)
    ruleset = f"lac{end - 1}_{end % 100:02d}"
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    metadata = {"collectionYear": str(end), "localAuthority": args.la}
    v = lac_validator.LacValidator(metadata=metadata, files=files, registry=registry, selected_rules=args.select)

    counts = Counter()
    rows = {}
    for table, df in v.ds_results.items():
        if table == "metadata":
            continue
        for col in df.columns:
            if str(col).startswith("ERR_"):
                code = col[4:]
                flagged = df.index[df[col] == True].tolist()  # noqa: E712
                if flagged:
                    counts[code] += len(flagged)
                    rows.setdefault(code, []).append((table, flagged))
    print(f"ruleset {ruleset}: {len(registry)} rules, done {len(v.dones)}, skipped {len(v.skips)}, failed {len(v.fails)}")
    if v.fails:
        print("failed:", " ".join(sorted(v.fails)))
    if v.skips:
        print("skipped:", " ".join(sorted(v.skips)))
    total = sum(counts.values())
    print(f"findings: {total}")
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {code}\t{n}")
    for code in args.show:
        for table, flagged in rows.get(code, []):
            df = v.ds_results[table]
            print(f"--- {code} {table}")
            print(df.loc[flagged[:15]].drop(columns=[c for c in df.columns if str(c).startswith("ERR_")]).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
