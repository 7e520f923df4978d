"""Validate real output of tracuu-query and tracuu-index --extract against
the JSON Schemas of docs/schemas, and find fields the schemas do not name.

Usage: /usr/bin/python3 tests/schemas.py SCHEMA_DIR SCHEMA=FILE...
  SCHEMA is a schema's file name (search.json, answer-line.json, ...);
  FILE holds the output: a JSON value, JSON documents one after another
  (extract.json), JSON Lines (*-line.json) or CSV (*-csv.json).
Exit status 0 when every output is valid and every field is named by its
schema, 1 otherwise, with one line per problem.
"""
import copy
import csv
import io
import json
import os
import re
import sys

from jsonschema import Draft202012Validator

BASE = "https://tracuu.invalid/schemas/"


def load_schemas(folder):
    schemas = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                schemas[name] = json.load(f)
    return schemas


def make_validator(schemas, name):
    schema = schemas[name]
    try:
        # jsonschema >= 4.18 resolves references through 'referencing'.
        from referencing import Registry, Resource
        registry = Registry().with_resources(
            (s["$id"], Resource.from_contents(s)) for s in schemas.values())
        return Draft202012Validator(schema, registry=registry)
    except ImportError:
        from jsonschema import RefResolver
        store = {s["$id"]: s for s in schemas.values()}
        return Draft202012Validator(
            schema, resolver=RefResolver.from_schema(schema, store=store))


def resolve(schemas, ref, current):
    """The schema a $ref names, and the file it is in."""
    target, _, pointer = ref.partition("#")
    file = current if target == "" else target.replace(BASE, "")
    node = schemas[file]
    for part in [p for p in pointer.split("/") if p]:
        node = node[part]
    return node, file


def expand(schemas, schema, file, seen=None):
    """Every (subschema, file) that applies to one instance: through $ref,
    allOf, anyOf, oneOf, then and else."""
    seen = set() if seen is None else seen
    if not isinstance(schema, dict) or id(schema) in seen:
        return []
    seen.add(id(schema))
    out = [(schema, file)]
    if "$ref" in schema:
        sub, subfile = resolve(schemas, schema["$ref"], file)
        out += expand(schemas, sub, subfile, seen)
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(key, []):
            out += expand(schemas, sub, file, seen)
    for key in ("then", "else"):
        if key in schema:
            out += expand(schemas, schema[key], file, seen)
    return out


def undeclared(schemas, value, pairs, path, problems):
    """Record the members of 'value' that none of the schemas names."""
    every = []
    for schema, file in pairs:
        every += expand(schemas, schema, file)
    if isinstance(value, dict):
        for key, member in value.items():
            subs = [(s["properties"][key], f) for s, f in every
                    if key in s.get("properties", {})]
            subs += [(s["additionalProperties"], f) for s, f in every
                     if isinstance(s.get("additionalProperties"), dict)]
            if not subs:
                problems.append("%s.%s: a field no schema names" % (path, key))
            else:
                undeclared(schemas, member, subs, path + "." + key, problems)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            subs = [(s["items"], f) for s, f in every
                    if isinstance(s.get("items"), dict)]
            subs += [(s["prefixItems"][i], f) for s, f in every
                     if i < len(s.get("prefixItems", []))]
            undeclared(schemas, item, subs, "%s[%d]" % (path, i), problems)


def csv_columns(schema):
    """The columns a CSV schema names: the consts of its prefixItems."""
    found = set()
    if isinstance(schema, dict):
        for item in schema.get("prefixItems", []):
            if "const" in item:
                found.add(item["const"])
        for sub in schema.values():
            found |= csv_columns(sub)
    elif isinstance(schema, list):
        for sub in schema:
            found |= csv_columns(sub)
    return found


def documents(name, text):
    """The instances an output file holds."""
    if name.endswith("-csv.json"):
        text = text[1:] if text.startswith("\ufeff") else text
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if not rows:
            raise ValueError("no header line")
        header, body = rows[0], rows[1:]
        for row in body:
            if len(row) != len(header):
                raise ValueError("a row of %d fields under a header of %d"
                                 % (len(row), len(header)))
        return [{"header": header, "rows": [dict(zip(header, r)) for r in body]}]
    if name.endswith("-line.json"):
        return [json.loads(line) for line in text.splitlines()]
    decoder, out, at = json.JSONDecoder(), [], 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            return out
        value, at = decoder.raw_decode(text, at)
        out.append(value)


def label(path):
    """What made an output file: the command line beside it, if any."""
    args = re.sub(r"(\.bom)?\.(json|jsonl|csv)$", ".args", path)
    if args != path and os.path.exists(args):
        with open(args, encoding="utf-8") as f:
            return f.read().strip()
    return path


def main():
    folder, pairs = sys.argv[1], sys.argv[2:]
    schemas = load_schemas(folder)
    problems = []
    for name, schema in schemas.items():
        Draft202012Validator.check_schema(schema)
        if schema.get("$id") != BASE + name:
            problems.append("%s: $id is not %s%s" % (name, BASE, name))
    checked = 0
    for pair in pairs:
        name, _, path = pair.partition("=")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        try:
            docs = documents(name, text)
        except ValueError as e:
            problems.append("%s: not %s output: %s" % (label(path), name, e))
            continue
        if not docs:
            problems.append("%s: empty" % label(path))
        validator = make_validator(schemas, name)
        for n, doc in enumerate(docs):
            where = "%s, %s, document %d" % (label(path), name, n + 1)
            for error in validator.iter_errors(doc):
                loc = "/".join(str(p) for p in error.absolute_path)
                problems.append("%s: at /%s: %s" % (where, loc, error.message[:300]))
            if name.endswith("-csv.json"):
                known = csv_columns(schemas[name])
                for column in doc["header"]:
                    if column not in known:
                        problems.append("%s: column '%s' no schema names"
                                        % (where, column))
            else:
                found = []
                undeclared(schemas, doc, [(schemas[name], name)], "", found)
                problems += ["%s: %s" % (where, p) for p in sorted(set(found))]
            checked += 1
    # The schemas must be able to fail: a document without a required
    # field, or with a field of the wrong type, is refused.
    for pair in pairs:
        name, _, path = pair.partition("=")
        if name != "answer.json":
            continue
        with open(path, encoding="utf-8") as f:
            doc = documents(name, f.read())[0]
        if not doc["cases"]:
            continue
        validator = make_validator(schemas, name)
        broken = copy.deepcopy(doc)
        del broken["cases"][0]["key"]
        wrong = copy.deepcopy(doc)
        wrong["cases"][0]["amount_vnd"] = "7.500.000"
        if validator.is_valid(broken) or validator.is_valid(wrong):
            problems.append("answer.json accepts a case without a key or "
                            "with a text amount")
        break
    for p in problems:
        print("FAIL: " + p)
    print("schemas: %d documents checked against %d schemas, %d problems"
          % (checked, len(schemas), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
