#!/usr/bin/env python3
"""Reads a chitieu JSON scorecard of the peer benchmark and prints the harness's result line.

    chitieu score peers.ct --data national.json --as-of 2026-12-31 --format json | python3 summary.py -
    python3 summary.py scorecard.json [--order national.ndjson] [--rules rules.mjs]

The last line of standard output is the JSON object the harness (bench.py) reads: `units`,
`rule_evals`, `level_units`, `pass` (harness rule id -> units passing) and `digest`.

The verdict of obligation `peers.R` at a unit is the harness's byte for (unit, R): `met` and
`not_applicable` (out of the rule's scope) are a pass, 1; `not_met` and `no_data` (a missing value, a
division by 0) a fail, 0. Any other verdict means the rules or the run are not what this comparison
assumes, and stops it.

The digest is the harness's: FNV-1a-32 over one byte per unit, in the order of the NDJSON file, per rule
of the unit's level, in the order of rules.mjs. The scorecard lists units depth first; taken level by level
that is the file's order when the file lists the levels one after the other and the children of each
parent together, parents in order (the generator does; to_submission.py checks it and says when not).
`--order FILE` reads the order from the NDJSON itself.

The scorecard of the national dataset is about 900 MB of JSON, so it is never parsed whole: the top
level is read member by member and `units` one unit at a time. Standard library only.
"""
import argparse
import io
import json
import re
import sys

LEVELS = ("province", "commune", "school")
PASS = {"met": 1, "not_applicable": 1, "not_met": 0, "no_data": 0}
DOCUMENT = "peers"
CHUNK = 1 << 22


class Reader:
    """Incremental reading of one JSON text: raw_decode on a buffer that grows as needed."""

    def __init__(self, stream):
        self.stream, self.buf, self.pos, self.eof = stream, "", 0, False
        self.decoder = json.JSONDecoder()

    def _more(self):
        if self.eof:
            return False
        chunk = self.stream.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def peek(self):
        """The next character that is not white space ('' at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf) or not self._more():
                return self.buf[self.pos:self.pos + 1]

    def expect(self, char):
        if self.peek() != char:
            raise ValueError("expected %r at %r" % (char, self.buf[self.pos:self.pos + 40]))
        self.pos += 1

    def value(self):
        self.peek()
        while True:
            try:
                v, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if self._more():
                    continue
                raise
            # a number at the very end of the buffer may go on in the next chunk
            if end == len(self.buf) and not self.eof and self._more():
                continue
            self.pos = end
            return v

    def members(self):
        """(key, reader positioned at the value) for each member of the object that starts here."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            self.expect(":")
            yield key
            c = self.peek()
            self.pos += 1
            if c == "}":
                return
            if c != ",":
                raise ValueError("expected ',' or '}' after member %r" % key)

    def elements(self):
        """Each element of the array that starts here, decoded one at a time."""
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            c = self.peek()
            self.pos += 1
            if c == "]":
                return
            if c != ",":
                raise ValueError("expected ',' or ']' in an array")


def rule_order(rules_mjs):
    """Rule ids per level, in the order of rules.mjs (the harness's own file, when given)."""
    if rules_mjs:
        text = open(rules_mjs, encoding="utf-8").read()
        order = {}
        for level in LEVELS:
            block = re.search(r"\b%s: \[(.*?)\n  \]," % level, text, re.S)
            if not block:
                sys.exit("summary.py: no %s rules in %s" % (level, rules_mjs))
            order[level] = re.findall(r"\{ id: '([A-Za-z0-9_]+)'", block.group(1))
        return order
    return None


def file_order(ndjson):
    """(level, id) of every unit, in the order of the file."""
    units = []
    with open(ndjson, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                u = json.loads(line)
                if u.get("kind") in LEVELS:
                    units.append((u["kind"], u["id"]))
    return units


def fnv1a(digest, byte):
    return ((digest ^ byte) * 16777619) & 0xFFFFFFFF


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scorecard", help="the JSON scorecard; - for standard input")
    ap.add_argument("--order", help="the NDJSON the submission was made from: the digest's unit order")
    ap.add_argument("--rules", help="the harness's rules.mjs: the digest's rule order (default: the "
                                    "order of the obligations in the scorecard, which is peers.ct's)")
    a = ap.parse_args()

    # the scorecard is UTF-8 whatever the locale says
    stream = (io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8") if a.scorecard == "-"
              else open(a.scorecard, encoding="utf-8"))
    reader = Reader(stream)
    verdicts = {level: {} for level in LEVELS}   # level -> unit id -> bytes, in scorecard order
    rules = rule_order(a.rules) or {}
    seen_rules = {}
    errors = 0
    for key in reader.members():
        if key != "units":
            value = reader.value()
            if key == "issues":
                errors = sum(1 for i in value if i.get("severity") == "error")
            continue
        for unit in reader.elements():
            level = unit.get("kind")
            if level not in verdicts:
                continue   # the nation root: no rule of the harness
            got = {}
            # A scorecard lists the unit's obligations; `--detail results` its rows (docs/scorecard.md).
            rows = unit["obligations"] if "obligations" in unit else [
                {"id": r["item"], "verdict": r["verdict"]} for r in unit.get("results", [])
                if r["kind"] == "obligation"]
            for o in rows:
                doc, _, rid = o["id"].partition(".")
                if doc != DOCUMENT:
                    continue
                if o["verdict"] not in PASS:
                    sys.exit("summary.py: %s %s: verdict %s is neither a pass nor a fail" % (
                        level, unit["id"], o["verdict"]))
                got[rid] = PASS[o["verdict"]]
            order = rules.get(level) or seen_rules.setdefault(level, list(got))
            if set(got) != set(order):
                sys.exit("summary.py: %s %s has rules %s, expected %s" % (
                    level, unit["id"], sorted(got), sorted(order)))
            verdicts[level][unit["id"]] = bytes(got[r] for r in order)
    if errors:
        print("summary.py: the scorecard has %d data errors" % errors, file=sys.stderr)
    rules = {level: rules.get(level) or seen_rules.get(level, []) for level in LEVELS}

    if a.order:
        order = file_order(a.order)
    else:
        order = [(level, uid) for level in LEVELS for uid in verdicts[level]]
    if len(order) != sum(len(v) for v in verdicts.values()):
        sys.exit("summary.py: %d units in the order, %d in the scorecard" % (
            len(order), sum(len(v) for v in verdicts.values())))
    digest = 2166136261
    passes = {rid: 0 for level in LEVELS for rid in rules[level]}
    for level, uid in order:
        row = verdicts[level].get(uid)
        if row is None:
            sys.exit("summary.py: %s %s is not in the scorecard" % (level, uid))
        for rid, b in zip(rules[level], row):
            passes[rid] += b
            digest = fnv1a(digest, b)
    level_units = {level: len(verdicts[level]) for level in LEVELS}
    print(json.dumps({
        "engine": "chitieu",
        "units": sum(level_units.values()),
        "rule_evals": sum(level_units[level] * len(rules[level]) for level in LEVELS),
        "level_units": level_units,
        "pass": {rid: passes[rid] for level in LEVELS for rid in rules[level]},
        "digest": "%08x" % digest,
    }))


if __name__ == "__main__":
    main()
