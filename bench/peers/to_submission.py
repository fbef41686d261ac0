#!/usr/bin/env python3
"""Turns the peer benchmark's NDJSON (one unit a line) into one chitieu submission.

    python3 to_submission.py national.ndjson national.json [--year 2026] [--root-id vn]
    python3 to_submission.py national.ndjson provinces.ndjson --per-province

With --per-province the output is NDJSON for `chitieu batch`: one submission a line, each a province
with its communes and schools, in the file's order of provinces.

The harness's lines are {"id", "kind", "parent", "name", "values"}, parents before children. The
submission is one tree (docs/data.md): a nation root, its provinces, their communes, their schools, each
unit's values under one year. Units keep their ids, names and field names; the two province shares are
fractions in the harness and percents in a chitieu submission, so they are multiplied by 100.

Standard library only. The input is read line by line and each unit is re-encoded at once, so what is
held is one JSON string per unit (about the size of the file), never the parsed lines; the tree is then
written out piece by piece.
"""
import argparse
import json
import sys

# Fields the rules declare `percent` (0-100) that the harness sends as fractions (0-1).
PERCENT_FIELDS = ("stem_students_share", "workers_trained_share")
KINDS = ("province", "commune", "school")


def encode(unit, year):
    values = dict(unit.get("values") or {})
    for f in PERCENT_FIELDS:
        if isinstance(values.get(f), (int, float)) and not isinstance(values[f], bool):
            # round: 0.55 * 100 is 55.00000000000001; the harness's shares have 4 decimals
            values[f] = round(values[f] * 100, 8)
    head = {"kind": unit["kind"], "id": unit["id"], "name": unit.get("name") or unit["id"],
            "values": {str(year): values}}
    # without the closing brace, so that "children" can follow
    return json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ndjson")
    ap.add_argument("out", help="the submission to write; - for standard output")
    ap.add_argument("--year", type=int, default=2026, help="the year the values are for (default 2026)")
    ap.add_argument("--root-id", default="vn")
    ap.add_argument("--root-name", default="Toàn quốc")
    ap.add_argument("--per-province", action="store_true",
                    help="write NDJSON, one province submission a line, for chitieu batch")
    a = ap.parse_args()

    encoded = {}    # id -> the unit's JSON without its closing brace
    children = {}   # parent id -> child ids, in file order
    roots = []      # units without a parent: the provinces
    counts = dict.fromkeys(KINDS, 0)
    in_file = []    # (kind, id) in file order
    with open(a.ndjson, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            unit = json.loads(line)
            kind, uid, parent = unit.get("kind"), unit.get("id"), unit.get("parent")
            if kind not in counts or not isinstance(uid, str):
                sys.exit("%s:%d: a unit needs an id and a kind among %s" % (a.ndjson, number, ", ".join(KINDS)))
            if uid in encoded:
                sys.exit("%s:%d: unit %s is listed twice" % (a.ndjson, number, uid))
            if parent is not None and parent not in encoded:
                sys.exit("%s:%d: unit %s comes before its parent %s" % (a.ndjson, number, uid, parent))
            encoded[uid] = encode(unit, a.year)
            in_file.append((kind, uid))
            (children.setdefault(parent, []) if parent is not None else roots).append(uid)
            counts[kind] += 1

    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8", newline="\n")
    if a.per_province:
        written = {kind: [] for kind in KINDS}
        for uid in roots:
            out.write(encoded.pop(uid))
            below = children.pop(uid, None)
            if below:
                write_children(out, below, encoded, children, kinds_of(in_file), written)
            out.write("}\n")
        if out is not sys.stdout:
            out.close()
        print("%s: %d province submissions, %d communes, %d schools" % (
            a.out, counts["province"], counts["commune"], counts["school"]), file=sys.stderr)
        return
    root = {"kind": "nation", "id": a.root_id, "name": a.root_name}
    out.write(json.dumps(root, ensure_ascii=False, separators=(",", ":"))[:-1])
    written = {kind: [] for kind in KINDS}
    write_children(out, roots, encoded, children, kinds_of(in_file), written)
    out.write("}\n")
    if out is not sys.stdout:
        out.close()
    # summary.py takes the scorecard's units level by level as the file's order (the harness's digest)
    if [u for kind in KINDS for u in ((kind, i) for i in written[kind])] != in_file:
        print("to_submission.py: the file's order is not the submission's, level by level: give "
              "summary.py --order %s" % a.ndjson, file=sys.stderr)
    print("%s: %d provinces, %d communes, %d schools under %s" % (
        a.out, counts["province"], counts["commune"], counts["school"], a.root_id), file=sys.stderr)


def kinds_of(units):
    return dict((uid, kind) for kind, uid in units)


def write_children(out, ids, encoded, children, kind, written):
    """Writes ',"children":[…]' for ids, depth first, without recursion (depth is 3 here, but the
    format allows more); records the ids written per kind in `written`."""
    out.write(',"children":[')
    stack = [iter(ids)]
    first = [True]
    while stack:
        uid = next(stack[-1], None)
        if uid is None:
            stack.pop()
            first.pop()
            out.write("]}" if stack else "]")
            continue
        if not first[-1]:
            out.write(",")
        first[-1] = False
        out.write(encoded.pop(uid))
        written[kind[uid]].append(uid)
        below = children.pop(uid, None)
        if below:
            out.write(',"children":[')
            stack.append(iter(below))
            first.append(True)
        else:
            out.write("}")


if __name__ == "__main__":
    main()
