#!/usr/bin/env python3
"""Run the reference SSDA903 validator (csc-validator-be-903 0.1.17, `lac_validator`) on a
folder of CSVs and print its findings as JSON, for carelens's differential tests.

This is a development tool: it needs the reference installed in a throwaway virtualenv
(see tools/reference/README.md). carelens never runs Python at run time.

Usage:
    run_reference.py --year 2025 --la E09000025 --current DIR [--last DIR] [--select CODE,...]
    run_reference.py --year 2025 --list-registry

`--list-registry` prints the codes in the reference's registry for the year (a JSON list).

Output (stdout): {"rules_run": [...], "skipped": [...], "failed": [...], "unmappable": [...],
                  "findings": [{"rule": "103", "table": "Header", "row": 12}, ...]}
`crashes` gives each failed rule's exception; `unmappable` lists the failed rules that returned rows missing from their table (as shipped, one
such rule stops the whole validation; here it counts as failed and the others still run).
Rows are 0-based positions in each table as read; `table` may end in `_last`.
"""
import argparse
import importlib
import json
import logging
import os
import sys

logging.disable(logging.CRITICAL)


def files_in(folder, description):
    out = []
    if not folder:
        return out
    for name in sorted(os.listdir(folder)):
        if name.lower().endswith(".csv"):
            with open(os.path.join(folder, name), "rb") as f:
                out.append({"name": name, "file_content": f.read(), "description": description})
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--year", required=True, help="end year of the collection year, e.g. 2025 for 2024/25")
    p.add_argument("--la", help="the LA's ONS GSS code, e.g. E09000025")
    p.add_argument("--current")
    p.add_argument("--last")
    p.add_argument("--select")
    p.add_argument(
        "--as-shipped",
        action="store_true",
        help="keep the reference's shallow per-rule copies (rule 365 then changes what later rules see)",
    )
    p.add_argument(
        "--list-registry",
        action="store_true",
        help="print the codes of the year's registry as a JSON list and exit",
    )
    a = p.parse_args()
    if not a.list_registry and (not a.la or not a.current):
        p.error("--la and --current are required (unless --list-registry)")

    # The reference prints as it goes; keep stdout for our JSON.
    real_stdout = sys.stdout
    sys.stdout = sys.stderr
    from lac_validator import lac_validator

    if not a.as_shipped:
        # The reference hands each rule a SHALLOW copy of the tables, so a rule that writes a
        # column (365 fills blank DEC with 31 March) changes what every later rule sees: its
        # findings depend on rule order. Compare against each rule run on its own data.
        import copy

        def deep_copy_datastore(ds):
            return {k: (v.copy(deep=True) if k != "metadata" else copy.deepcopy(v)) for k, v in ds.items()}

        lac_validator.copy_datastore = deep_copy_datastore

    end = int(a.year)
    ruleset = f"lac{end - 1}_{str(end)[2:]}"
    registry = getattr(importlib.import_module(f"lac_validator.rules.{ruleset}"), "registry")
    if a.list_registry:
        sys.stdout = real_stdout
        json.dump(sorted(str(code) for code in registry), sys.stdout)
        return
    files = files_in(a.current, "This year") + files_in(a.last, "Prev year")
    selected = a.select.split(",") if a.select else None

    # A rule that returns row labels missing from the table (706 returns last year's DoLo rows as
    # this year's; 1001 and others mix up labels after a concat) makes the engine's
    # `.loc[values, "ERR_<code>"] = True`, outside its try-block, raise, and the whole validation
    # stops. Check each result first and count such a rule as failed, so the others still run.
    unmappable = []
    crashes = {}

    def guarded(code, func):
        def run(ds):
            try:
                result = func(ds)
            except Exception as e:
                # Where in the rule it failed, for the harness's notes.
                import traceback

                frames = [f for f in traceback.extract_tb(e.__traceback__) if "/rules/" in f.filename]
                where = f" (line {frames[-1].lineno}: {frames[-1].line})" if frames else ""
                crashes[code] = f"{type(e).__name__}: {str(e)[:120]}{where}"
                raise
            for table, values in (result or {}).items():
                index = ds[table].index
                labels = [i for i, ok in zip(values, pd.notna(values)) if ok]
                if len(labels) and not pd.Index(labels).isin(index).all():
                    unmappable.append(code)
                    crashes[code] = f"returned rows not in {table}"
                    raise KeyError(f"rule {code} returned rows not in {table}")
            return result

        return run

    import dataclasses

    import pandas as pd

    registry = {
        code: dataclasses.replace(rule, func=guarded(str(code), rule.func))
        for code, rule in registry.items()
    }
    v = lac_validator.LacValidator(
        metadata={"collectionYear": str(end), "localAuthority": a.la},
        files=files,
        registry=registry,
        selected_rules=selected,
    )
    findings = []
    for table, df in v.ds_results.items():
        if table == "metadata" or not hasattr(df, "columns"):
            continue
        for col in df.columns:
            if not str(col).startswith("ERR_"):
                continue
            code = str(col)[4:]
            mask = df[col] == True  # noqa: E712 (pandas object column)
            for row in [int(i) for i in df.index[mask]]:
                findings.append({"rule": code, "table": table, "row": row})
    findings.sort(key=lambda f: (f["rule"], f["table"], f["row"]))
    sys.stdout = real_stdout
    json.dump(
        {
            "ruleset": ruleset,
            "rules_run": sorted(set(v.dones)),
            "skipped": sorted(set(v.skips)),
            "failed": sorted(set(v.fails)),
            "unmappable": sorted(set(unmappable)),
            "crashes": crashes,
            "findings": findings,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
