#!/usr/bin/env python3
"""Seeded generator of random, valid pipeline documents and their component specs.

A case is a folder with `pipeline.yaml` (docs/pipeline-format.md) and `components/<folder>/
fondant_component.yaml` (fondant-formats.md §1): 1-8 steps whose fields, renames, arguments and
resources fit together, so that Fondant accepts the program the document describes. Cases
exercise, at random: every argument type in arguments and in spec defaults, odd strings (control
characters, DEL, non-ASCII, characters beyond U+FFFF, quotes, backslashes, YAML escapes, text
that looks like a number), odd numbers (beyond 64 bits, long literals, exponents, -0.0, .inf,
.nan), dicts with non-string keys, renames (also onto existing names), branches, resources,
input_partition_rows, cache, image tags, field types, and YAML styles (flow/block, literal and
folded block scalars with every chomping, anchors and aliases, explicit tags, quoted keys).

The YAML text is written here, not with yaml.dump, so that styles vary. Documents are read with
YAML 1.2 core rules and specs with PyYAML's YAML 1.1 rules; the writer knows both dialects.

    random_pipelines.py --seed 7 --out /tmp/case7 [--reference-components DIR]
"""
import argparse
import copy
import math
import random
import re
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

CORE = "core"  # YAML 1.2 core schema: pipeline documents
PYYAML = "pyyaml"  # PyYAML safe_load, YAML 1.1: component specs


# ---------------------------------------------------------------------------------------------
# Values with a chosen YAML text


@dataclass(frozen=True)
class Lit:
    """A number written with a chosen literal text, valid in both dialects (e.g. a 300-digit
    decimal); `value` is what the text stands for."""

    value: object
    text: str


@dataclass(frozen=True)
class Raw:
    """A plain scalar for a component spec whose meaning is left to PyYAML (e.g. a sexagesimal
    float `107:56:28.20478`, `yes`, `0b101`)."""

    text: str


# ---------------------------------------------------------------------------------------------
# Scalar resolution: which plain texts stay strings

_CORE_NULL = re.compile(r"~|null|Null|NULL|")
_CORE_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                         r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_PYYAML_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"


def resolves_to_str(text, dialect):
    """Would this plain scalar be read as a string?"""
    if dialect == CORE:
        return not any(r.fullmatch(text) for r in (_CORE_NULL, _CORE_BOOL, _CORE_INT, _CORE_FLOAT))
    return _PYYAML_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG


def raw_ok(ch):
    """May this character appear unescaped in a YAML file that PyYAML reads (printable, and
    not one of the characters PyYAML treats as a line break or a byte order mark)?"""
    c = ord(ch)
    if ch in "\x85\u2028\u2029\ufeff":
        return False
    return (ch == "\t" or 0x20 <= c <= 0x7E or 0xA0 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD
            or c >= 0x10000)


def plain_syntax_ok(text, flow):
    """Is `text` well-formed as a plain (unquoted) scalar, whatever it then resolves to?"""
    if not text or text[0] in " \t" or text[-1] in " \t:":
        return False
    if text[0] in "?:,[]{}#&*!|>'\"%@`" or (text[0] == "-" and (len(text) == 1 or text[1] in " -")):
        return False
    if ": " in text or " #" in text or "\t" in text:
        return False
    if any(not raw_ok(c) for c in text):
        return False
    return not (flow and any(c in ",[]{}:?" for c in text))


def plain_ok(text, dialect, flow):
    """Can `text` be written as a plain scalar and still read as this string?"""
    return plain_syntax_ok(text, flow) and resolves_to_str(text, dialect)


def _int_value(text, dialect):
    """The int a plain scalar stands for, or None."""
    if dialect == CORE:
        if not _CORE_INT.fullmatch(text):
            return None
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        return int(text, 10)
    value = yaml.safe_load(text)
    return value if type(value) is int else None


def _float_value(text, dialect):
    """The float a plain scalar stands for, or None."""
    if dialect == CORE:
        if not _CORE_FLOAT.fullmatch(text):
            return None
        low = text.lower()
        if low.endswith(".inf"):
            return -math.inf if low.startswith("-") else math.inf
        return math.nan if low.endswith(".nan") else float(text)
    value = yaml.safe_load(text)
    return value if type(value) is float else None


def _same_float(a, b):
    return a is not None and (a == b and math.copysign(1, a) == math.copysign(1, b)
                              or math.isnan(a) and math.isnan(b))


def int_texts(n, dialect):
    """Plain texts that read as the int n in the dialect."""
    sign = "-" if n < 0 else ""
    a = abs(n)
    cands = [str(n), f"{sign}00{a}"]
    if n >= 0:
        cands += [f"+{n}", f"0o{n:o}", f"0x{n:x}", f"0x{n:X}"]
    if dialect == PYYAML and a:
        digits = str(a)
        cut = max(1, len(digits) // 2)
        cands += [f"{sign}0{a:o}", f"{sign}0x{a:x}", f"{sign}0b{a:b}",
                  f"{sign}{digits[:cut]}_{digits[cut:]}"]
        if a >= 60:
            parts = []
            while a:
                parts.append(a % 60)
                a //= 60
            cands.append(sign + ":".join([str(parts[-1])] + [f"{p:02d}" for p in parts[-2::-1]]))
    return [t for t in cands if _int_value(t, dialect) == n]


def float_texts(x, dialect):
    """Plain texts that read as the float x in the dialect."""
    if math.isnan(x):
        cands = [".nan", ".NaN", ".NAN"]
    elif math.isinf(x):
        cands = [".inf", ".Inf", "+.inf", ".INF"] if x > 0 else ["-.inf", "-.Inf", "-.INF"]
    else:
        r = repr(x)
        cands = [r]
        if "e" in r:
            mant, exp = r.split("e")
            mant = mant if "." in mant else mant + ".0"
            cands += [mant + "e" + exp, mant + "E" + exp, r.replace("e", "E")]
        if r.startswith(("0.", "-0.")) and x != 0:
            cands.append(r.replace("0.", ".", 1))
        if x == int(x) and abs(x) < 1e15 and x != 0:
            cands.append(f"{int(x)}.")
        exact = format(Decimal(x), "f")
        if len(exact) < 400:
            cands.append(exact if "." in exact else exact + ".0")
    return [t for t in cands if _same_float(_float_value(t, dialect), x)]


# ---------------------------------------------------------------------------------------------
# The YAML writer

_NAMED_ESCAPES = {"\0": "0", "\x07": "a", "\b": "b", "\t": "t", "\n": "n", "\x0b": "v",
                  "\x0c": "f", "\r": "r", "\x1b": "e", "\x85": "N", "\xa0": "_", "\u2028": "L",
                  "\u2029": "P"}


def canon(value):
    """A hashable identity of a value as a YAML loader builds it (for anchors and aliases)."""
    if isinstance(value, dict):
        return ("map", tuple((canon(k), canon(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("seq", tuple(canon(v) for v in value))
    if isinstance(value, Lit):
        return canon(value.value)
    if isinstance(value, float):
        return ("float", repr(value))
    return (type(value).__name__, value)


class YamlWriter:
    """Writes one YAML document from Python values, choosing styles at random."""

    def __init__(self, rng, dialect, unaliased=()):
        self.rng = rng
        self.dialect = dialect
        self.step = rng.choice([2, 2, 2, 4, 3, 1])  # block indentation of this file
        self.anchors = {}  # canon(value) -> anchor name
        # Objects never written as an alias: a step's whole arguments mapping, which Fondant
        # would share between steps (and Fondant Studio refuses as such).
        self.unaliased = {id(v) for v in unaliased}
        # PyYAML reads NEL, LS and PS as line breaks (and keeps a BOM) inside quoted scalars;
        # specs may contain them raw, since their meaning is whatever PyYAML reads
        self.raw_breaks = dialect == PYYAML
        self.features = set()  # style features used, for reports

    def document(self, mapping):
        rng = self.rng
        lines = []
        if rng.random() < 0.03:
            lines += [rng.choice(["%YAML 1.1", "%YAML 1.2"]), "---"]
            self.features.add("yaml-directive")
        elif rng.random() < 0.2:
            lines.append("---")
        lines += self._mapping_lines(mapping, 0)
        if rng.random() < 0.1:
            lines.append("...")
        text = "\n".join(lines) + "\n"
        if rng.random() < 0.05:
            text = text.replace("\n", "\r\n")
            self.features.add("crlf")
        if rng.random() < 0.03:
            text = "\ufeff" + text
            self.features.add("byte-order-mark")
        return text

    # -- collections -----------------------------------------------------------------------

    def _mapping_lines(self, mapping, col):
        lines = []
        for key, value in mapping.items():
            if self.rng.random() < 0.05:
                lines.append(" " * col + "# " + self.rng.choice(["note", "é ✓", "key: value"]))
            lines += self._entry(" " * col + self._key(key) + ":", value, col)
        return lines

    def _sequence_lines(self, items, col):
        lines = []
        for item in items:
            lines += self._entry(" " * col + "-", item, col)
        return lines

    def _props(self, value):
        """Anchor/alias decision: returns (alias text or None, anchor prefix)."""
        key = canon(value)
        if key in self.anchors and id(value) not in self.unaliased and self.rng.random() < 0.7:
            self.features.add("alias")
            return "*" + self.anchors[key], ""
        if key not in self.anchors and self.rng.random() < 0.06:
            name = f"a{len(self.anchors) + 1}"
            self.anchors[key] = name
            return None, f"&{name} "
        return None, ""

    def _entry(self, head, value, col):
        """Lines for `head` ("key:" or "-" at column col) followed by value."""
        rng = self.rng
        alias, anchor = self._props(value)
        if alias:
            return [f"{head} {alias}"]
        is_item = head.endswith("-")
        if isinstance(value, (dict, list)) and value and rng.random() < 0.8:
            if isinstance(value, dict):
                child = col + (2 if is_item and not anchor else self.step)
                body = self._mapping_lines(value, child)
            else:
                indent = 0 if not is_item and not anchor and rng.random() < 0.4 else self.step
                child = col + (2 if is_item and not anchor else indent)
                body = self._sequence_lines(value, child)
            if is_item and not anchor and not body[0].lstrip().startswith("#"):
                # compact form: "- key: value" / "- - item"
                return [head + " " + body[0][child:]] + body[1:]
            return [head + (" " + anchor.strip() if anchor else "")] + body
        if isinstance(value, (dict, list)):
            return [f"{head} {anchor}{self._flow_node(value, wrap_col=col + 2)}"]
        if isinstance(value, str) and rng.random() < (0.6 if "\n" in value else 0.2):
            block = self._block_scalar(value, col + self.step, is_item)
            if block:
                header, body = block
                return [f"{head} {anchor}{header}"] + body
        text = self._scalar(value, False, col + 2)
        if text == "":
            return [head + (" " + anchor.strip() if anchor else "")]
        line = f"{head} {anchor}{text}"
        if "\n" not in text and rng.random() < 0.04:
            line += "  # comment"
            self.features.add("comment")
        elif "\n" not in text and rng.random() < 0.03:
            line += "   "  # trailing spaces after a value
        return [line]

    def _flow(self, value):
        alias, anchor = self._props(value)
        return alias or anchor + self._flow_node(value)

    def _flow_node(self, value, wrap_col=None):
        """A flow collection; with wrap_col it may span lines (one item per line)."""
        sep, end = ", ", ""
        if wrap_col is not None and len(value) > 1 and self.rng.random() < 0.1:
            sep = ",\n" + " " * wrap_col
            self.features.add("multi-line-flow-collection")
        if value and self.rng.random() < 0.03:
            end = ", "  # a trailing comma
            self.features.add("flow-trailing-comma")
        if isinstance(value, dict):
            parts = []
            for k, v in value.items():
                key = self._key(k, flow=True)
                # JSON-like "key":value adjacency is allowed after a quoted key
                colon = ":" if key[0] in "\"'" and self.rng.random() < 0.15 else ": "
                parts.append(key + colon + self._flow(v))
            return "{" + sep.join(parts) + end + "}"
        if isinstance(value, list):
            return "[" + sep.join(self._flow(v) for v in value) + end + "]"
        return self._scalar(value, True, 0) or "null"

    # -- scalars ---------------------------------------------------------------------------

    def _key(self, key, flow=False):
        if isinstance(key, str):
            if plain_ok(key, self.dialect, flow) and self.rng.random() < 0.85:
                return key
            self.features.add("quoted-key")
            if all(raw_ok(c) for c in key) and self.rng.random() < 0.5:
                return "'" + key.replace("'", "''") + "'"
            return self._double_quoted(key, None)
        text = self._scalar(key, True, 0)
        return text if text else "null"

    def _scalar(self, value, flow, cont_col):
        """One scalar in plain or quoted style; may span lines (folded) when not in flow."""
        rng = self.rng
        d = self.dialect
        if isinstance(value, Raw):
            return value.text
        if isinstance(value, Lit):
            return value.text
        if value is None:
            forms = ["null", "~", "Null", "NULL"] + ([] if flow else ["", ""])
            return rng.choice(forms) if rng.random() > 0.03 else "!!null null"
        if isinstance(value, bool):
            forms = {True: ["true", "True", "TRUE"], False: ["false", "False", "FALSE"]}[value]
            if d == PYYAML:
                forms += ["yes", "Yes", "on", "ON"] if value else ["no", "NO", "off", "Off"]
            return rng.choice(forms) if rng.random() > 0.03 else "!!bool " + forms[0]
        if isinstance(value, int):
            text = rng.choice(int_texts(value, d)) if rng.random() < 0.3 else str(value)
            if rng.random() < 0.03:
                self.features.add("tag")
                return "!!int " + (f'"{value}"' if rng.random() < 0.5 else str(value))
            return text
        if isinstance(value, float):
            texts = float_texts(value, d)
            assert texts, value
            text = rng.choice(texts) if rng.random() < 0.4 else texts[0]
            if rng.random() < 0.03:
                self.features.add("tag")
                return "!!float " + text
            return text
        return self._string(value, flow, cont_col)

    def _string(self, s, flow, cont_col):
        rng = self.rng
        tag = ""
        if rng.random() < 0.04:
            tag = "!!str "
            self.features.add("tag")
            if plain_syntax_ok(s, flow):
                return tag + s  # e.g. !!str 123 or !!str true
            if s == "" and not flow:
                return "!!str"
        styles = ["double"]
        if plain_ok(s, self.dialect, flow):
            styles += ["plain"] * 3
        if all(raw_ok(c) for c in s):
            styles += ["single"]
        style = rng.choice(styles)
        if style == "plain":
            return tag + self._fold(s, cont_col, plain=True) if not flow else tag + s
        if style == "single":
            self.features.add("single-quoted")
            body = s.replace("'", "''")
            return tag + "'" + (body if flow else self._fold(body, cont_col)) + "'"
        return tag + self._double_quoted(s, None if flow else cont_col)

    def _fold(self, text, cont_col, plain=False):
        """Maybe break a one-line scalar at single spaces; the reader folds each break back into
        one space."""
        if self.rng.random() > 0.1 or "\n" in text:
            return text
        points = [j for j in range(1, len(text) - 1)
                  if text[j] == " " and text[j - 1] not in " \t\\" and text[j + 1] not in " \t"
                  and (not plain or text[j + 1].isalnum())]
        if not points:
            return text
        j = self.rng.choice(points)
        self.features.add("multi-line-flow-scalar")
        return text[:j] + "\n" + " " * cont_col + text[j + 1:]

    def _double_quoted(self, s, cont_col):
        rng = self.rng
        out = []
        for i, ch in enumerate(s):
            c = ord(ch)
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "/" and rng.random() < 0.2:
                out.append("\\/")
            elif ch == " " and rng.random() < 0.05:
                out.append("\\ ")
            elif raw_ok(ch) and ch != "\t" and rng.random() < (0.9 if c < 0x80 else 0.5):
                out.append(ch)
            elif (ch in "\x85\u2028\u2029\ufeff" and self.raw_breaks and cont_col is not None
                  and rng.random() < 0.3):  # not in keys: an implicit key is one line
                out.append(ch)
                self.features.add("raw-line-break-character")
            else:
                forms = []
                if ch in _NAMED_ESCAPES:
                    forms.append("\\" + _NAMED_ESCAPES[ch])
                if c <= 0xFF:
                    forms.append(rng.choice(["\\x%02x", "\\x%02X"]) % c)
                if c <= 0xFFFF:
                    forms.append("\\u%04x" % c)
                forms.append("\\U%08x" % c)
                out.append(rng.choice(forms))
                if c < 0x20 or c == 0x7F or c >= 0x80:
                    self.features.add("escape")
            # an escaped line break between two non-space characters joins them back
            if (cont_col is not None and i + 1 < len(s) and ch not in " \t"
                    and s[i + 1] not in " \t" and rng.random() < 0.01):
                out.append("\\\n" + " " * cont_col)
                self.features.add("escaped-line-break")
        text = "".join(out)
        return '"' + (self._fold(text, cont_col) if cont_col is not None else text) + '"'

    def _block_scalar(self, s, content_col, is_item):
        """A literal (|) or folded (>) block scalar for s, or None when s cannot be one:
        returns (header, content lines)."""
        rng = self.rng
        if any(not (raw_ok(c) or c == "\n") for c in s):
            return None
        body = s.rstrip("\n")
        trailing = len(s) - len(body)
        lines = body.split("\n")
        if body and any(line and not line.strip(" \t") for line in lines):
            return None
        if body == "" and trailing:
            return None
        if any(line.startswith("\t") for line in lines):
            return None
        folded = (rng.random() < 0.4 and body and not body.startswith(("\n", " "))
                  and not re.search(r"\n[ \t]", body))
        if folded:
            content = []
            for para in re.split(r"(\n+)", body):
                if para.startswith("\n"):
                    content += [""] * len(para)  # n line breaks = n empty lines
                    continue
                while len(para) > 20 and rng.random() < 0.5:
                    points = [j for j in range(1, len(para) - 1)
                              if para[j] == " " and para[j + 1] not in " \t"]
                    if not points:
                        break
                    j = rng.choice(points)
                    content.append(para[:j])
                    para = para[j + 1:]
                content.append(para)
        else:
            content = lines if body else []
        # chomping: strip (-), clip, or keep (+) with trailing empty lines
        if trailing == 0:
            chomp, extra = "-", rng.choice([0, 0, 1, 2])
        elif trailing == 1 and rng.random() < 0.7:
            chomp, extra = "", rng.choice([0, 0, 1])
        else:
            chomp, extra = "+", trailing - 1
        indicator = ""
        first = next((line for line in content if line), "")
        if first.startswith(" "):
            indicator = str(self.step)  # content column minus the parent's column
        header = (">" if folded else "|") + indicator + chomp
        self.features.add(("folded" if folded else "literal") + ("-" + {"-": "strip", "": "clip",
                                                                         "+": "keep"}[chomp]))
        if rng.random() < 0.1:
            header = "!!str " + header
            self.features.add("tagged-block-scalar" + ("-in-sequence" if is_item else ""))
        if rng.random() < 0.05:
            header += "  # comment"
        body_lines = [(" " * content_col + line) if line else "" for line in content]
        return header, body_lines + [""] * extra


# ---------------------------------------------------------------------------------------------
# Random values

_WORDS = ["alpha", "beta", "text", "Fondant", "x", "hello world", "a/b", "C:\\path", "naïve", "ß",
          "Ω", "中文", "—", "😀", "𝄞", "é", "ﬁ", "\u0301", "tab\there", "line\nbreak", "\\n", "'",
          '"', "#", ": ", "- ", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`",
          "=", "<<", "?", "  ", "\xa0", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\0",
          "\x1b", "\r\n", "\x01", "\x9f", "\U0010ffff", "\U0001f4a9"]
_LOOKALIKES = ["123", "-0", "1e5", "1E+300", "0x1F", "0o17", "017", ".inf", ".nan", "true", "True",
               "yes", "no", "on", "off", "null", "~", "None", "", " ", "1:30", "1_000", "+1", "0.5",
               "-.5", "=", "<<", "9", "10", "2024-01-01", "y", "n"]


def odd_string(rng, short=False):
    r = rng.random()
    if r < 0.15:
        return rng.choice(_LOOKALIKES)
    if r < 0.2:
        if short:
            return rng.choice(["a", "é", "😀"]) * rng.choice([2, 30])
        return rng.choice(["a", "0.", "é", "😀"]) * rng.choice([100, 300])
    if r < 0.2005:
        # lone surrogates and escaped surrogate pairs (only a \u escape can write them)
        return "x" + rng.choice(["\ud800", "\udfff", "\ud83d\ude00"]) + "y"
    if r < 0.42:
        return rng.choice(["bucket, ", "plain", "Some words here", "model-v2", "/data/in.parquet",
                           "gs://bucket/path", "multi\nline\ntext\n", "para one\n\npara two",
                           "trailing\n\n\n", "one line\n", "two lines\nend\n\n", "a b c d e f\n",
                           "A folded sentence, with words. \n\n\n", "  leading", "trailing  ",
                           "x  y", "ends with \\"])
    pieces = [rng.choice(_WORDS) for _ in range(rng.randint(1, 2 if short else 6))]
    s = "".join(pieces)
    if rng.random() < 0.1:
        s = " " + s
    if rng.random() < 0.1:
        s += " "
    return s


_BIG_INTS = [2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**64, 2**64 - 1, 2**53 + 1,
             123456789012345678901234567890, -(10**40), 10**100]


def odd_int(rng):
    r = rng.random()
    if r < 0.15:
        return rng.choice(_BIG_INTS)
    if r < 0.5:
        return rng.choice([0, 1, -1, 7, 9, 10, 42, 100, 255, 256, 1000, 65536, 2**31, -(2**31)])
    return rng.randint(-10**6, 10**6)


def odd_float(rng):
    """A float, or a Lit with a special literal text valid in both dialects."""
    r = rng.random()
    if r < 0.1:
        zeros = rng.choice([5, 50, 300, 330])
        text = rng.choice(["0." + "0" * zeros + "1", "1" + "0" * zeros + ".0",
                           "3.14159265358979323846264338327950288419716939937510582097494459"
                           + "2" * zeros])
        return Lit(float(text), text)
    if r < 0.2:
        text = rng.choice(["1.0e+400", "-1.0e+400", "1.0e-400", "2.5e-324",
                           "1.7976931348623157e+308", "0.1e+1", "10.0e-1"])
        return Lit(float(text), text)
    if r < 0.45:
        return rng.choice([0.0, -0.0, 0.5, 0.75, 1.0, 100.0, 1e-05, 1e-5 * 3, 1e16, 1e15, 1e22,
                           1.5e300, 1e-300, 5e-324, 0.1 + 0.2, 123456789.123456789,
                           math.inf, -math.inf, math.nan, 2.0**53, 1/3, -2.5, 1e16 - 2,
                           123456789012345680.0, 2.2250738585072014e-308, 0.0001, 0.00001,
                           9.999999999999999e-05, 1e21, 1e-7])
    return rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-8, 8)


def _keys(rng):
    """Keys for one dict: strings, or sortable non-string keys (never strings and numbers)."""
    kind = rng.choice(["str"] * 6 + ["int", "bool", "null", "float", "number"])
    n = rng.randint(1, 4)
    if kind == "str":
        if rng.random() < 0.15:  # code point order differs from UTF-16 order
            return rng.choice([["\ufb01", "\U0001f600"], ["\uff5e", "\U00010000", "\ue000"],
                               ["z", "\U0010ffff", "\ufffd"]])
        return [odd_string(rng, short=True) for _ in range(n)]
    if kind == "int":
        return [rng.choice([9, 10, 1, 2, -1, 0, 100, 2**64, -(2**63)]) for _ in range(n)]
    if kind == "bool":
        return rng.sample([True, False], rng.randint(1, 2))
    if kind == "null":
        return [None]
    if kind == "float":
        return [rng.choice([1.5, -0.5, 1e-05, 2.0, 1e16, 0.1, math.inf, -0.0, 1e-300]
                           + ([math.nan] if rng.random() < 0.1 else [])) for _ in range(n)]
    return [rng.choice([9, 10, 1.5, 2.25, True, -3]) for _ in range(n)]


def odd_value(rng, kind=None, depth=0):
    """A random argument value of a Python type name (str, int, ...), or of any type."""
    kind = kind or rng.choice(["str", "int", "float", "bool", "null", "dict", "list"]
                              if depth < 3 else ["str", "int", "float", "bool", "null"])
    if kind == "str":
        return odd_string(rng)
    if kind == "int":
        return odd_int(rng)
    if kind == "float":
        return odd_float(rng) if rng.random() < 0.85 else odd_int(rng)
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "null":
        return None
    if kind == "dict":
        if rng.random() < 0.08:
            return {}
        return {k: odd_value(rng, None, depth + 1) for k in _keys(rng)}
    if rng.random() < 0.08:
        return []
    return [odd_value(rng, None, depth + 1) for _ in range(rng.randint(1, 4))]


def spec_default(rng, arg_type):
    """A spec `default:`: usually of the argument's type, sometimes PyYAML 1.1 literals."""
    r = rng.random()
    if r < 0.15:
        return "None"  # optional, value None
    if r < 0.2:
        return None  # a null default makes the argument required
    if r < 0.32:
        return Raw(rng.choice(["107:56:28.20478", "-1:30:00.5", "190:20:30.15", "1:30", "0b1010",
                               "1_000", "017", "0o17", "0x1F", "1e3", "1.0e+3", "yes", "Off",
                               "None", "~", "1_000.5", ".5", "5.", "+.5", "-.5", "0_17", "0x_1F",
                               "1:60", "1:3.5", "1.e+3", "1_0.5_0", "oN", "y", "nULL", "tRUE",
                               "+.inf", "0.", "-0", "00", "0b", "1__000", ".NaN", "-.INF"]))
    kind = arg_type if arg_type in ("str", "int", "float", "bool", "dict") else "list"
    return odd_value(rng, kind if rng.random() < 0.85 else None)


# ---------------------------------------------------------------------------------------------
# Field types, as Fondant compares and normalises them (fondant-formats.md §1.2)

_ARROW = {"null": "null", "bool": "bool", "int8": "int8", "int16": "int16", "int32": "int32",
          "int64": "int64", "uint8": "uint8", "uint16": "uint16", "uint32": "uint32",
          "uint64": "uint64", "float16": "halffloat", "float32": "float", "float64": "double",
          "decimal128": "decimal128(38, 0)", "time32": "time32[s]", "time64": "time64[us]",
          "timestamp": "timestamp[us]", "date32": "date32[day]", "date64": "date64[ms]",
          "duration": "duration[us]", "string": "string", "struct": "struct<>", "utf8": "string",
          "binary": "binary", "large_binary": "large_binary", "large_utf8": "large_string"}
FONDANT_TYPE_WORDS = list(_ARROW)  # Fondant's _TYPES, in its order
RUNTIME_ONLY = {"null", "decimal128", "large_binary", "large_utf8"}  # not in the spec schema
SPEC_SIMPLE = [t for t in FONDANT_TYPE_WORDS if t not in RUNTIME_ONLY and t != "struct"]
_CANONICAL = {}
for _word in FONDANT_TYPE_WORDS:
    _CANONICAL.setdefault(_ARROW[_word], _word)


def arrow(form):
    """The Arrow type a field type (type word or mapping) stands for; equal texts = equal types."""
    if isinstance(form, str):
        return _ARROW[form]
    name = form["type"]
    if name == "array":
        return f"list<item: {arrow(form['items'])}>"
    if name == "object":
        props = ", ".join(f"{k}: {arrow(v)}" for k, v in form["properties"].items())
        return f"struct<{props}>"
    if form.get("format") == "date-time":
        return "timestamp[us, tz=UTC]"
    return _ARROW[name]


def normalized(form):
    """Type(...).to_dict(): the form manifests and inferred mappings hold."""
    form = {"type": form} if isinstance(form, str) else form
    name = form["type"]
    if name == "array":
        return {"type": "array", "items": normalized(form["items"])}
    if name == "object":
        return {"type": "object", "properties": {k: normalized(v)
                                                 for k, v in form["properties"].items()}}
    if name == "struct" and form.get("format") != "date-time":
        return {"type": "object", "properties": {}}
    if form.get("format") == "date-time" or name == "timestamp":
        return {"type": "string", "format": "date-time"}
    return {"type": _CANONICAL[_ARROW[name]]}


def spec_expressible(form):
    """Can a component spec declare this type (no runtime-only type names)?"""
    if isinstance(form, str):
        return form not in RUNTIME_ONLY
    if form["type"] == "array":
        return spec_expressible(form["items"])
    if form["type"] == "object":
        return all(spec_expressible(v) for v in form["properties"].values())
    return form["type"] not in RUNTIME_ONLY


_PROPERTY_NAMES = ["a", "b", "width", "Höhe", "x y", "nested"]


def random_type(rng, depth=0, runtime=False):
    """A spec field type mapping (runtime=True also allows runtime-only type names)."""
    r = rng.random()
    if r < 0.1 and depth < 2:
        return {"type": "array", "items": random_type(rng, depth + 1, runtime)}
    if r < 0.15 and depth < 2:
        names = rng.sample(_PROPERTY_NAMES, rng.randint(1, 3))
        return {"type": "object", "properties": {n: random_type(rng, depth + 1, runtime)
                                                 for n in names}}
    if r < 0.22:
        return {"type": rng.choice(["string", "int64", "utf8", "binary"]), "format": "date-time"}
    if r < 0.25:
        return {"type": "struct"}
    words = SPEC_SIMPLE + (sorted(RUNTIME_ONLY) if runtime else [])
    form = {"type": rng.choice(words + ["string", "string", "int32", "float32", "binary"])}
    if rng.random() < 0.05:
        form["format"] = rng.choice(["email", "uri", "date"])  # ignored by Fondant
    return form


def variant(form, rng):
    """Another way to write the same Arrow type (utf8/string, date-time on any type, ...)."""
    form = {"type": form} if isinstance(form, str) else form
    name = form["type"]
    if name == "array":
        return {"type": "array", "items": variant(form["items"], rng)}
    if name == "object":
        if not form["properties"] and rng.random() < 0.5:
            return {"type": "struct"}
        return {"type": "object", "properties": {k: variant(v, rng)
                                                 for k, v in form["properties"].items()}}
    if name == "struct" and form.get("format") != "date-time":
        return rng.choice([{"type": "struct"}, {"type": "object", "properties": {}}])
    if form.get("format") == "date-time":
        return {"type": rng.choice(["string", "utf8", "int64", "binary", "bool", "struct",
                                    "timestamp", "float16", "date32"]), "format": "date-time"}
    out = {"type": rng.choice(["string", "utf8"]) if _ARROW[name] == "string" else name}
    if rng.random() < 0.1:
        out["format"] = "email"
    return out


def as_mapping_type(form, rng):
    """A field type as a document mapping value: a bare type word when it can be one."""
    if set(form) == {"type"} and form["type"] in FONDANT_TYPE_WORDS and rng.random() < 0.7:
        return form["type"]
    return form


# ---------------------------------------------------------------------------------------------
# Fondant's field flow (fondant-formats.md §2.2, §2.3, §3.4), to keep every case valid


class Invalid(Exception):
    """Fondant would reject this mapping."""


@dataclass(frozen=True)
class Rename:
    """A mapping entry that renames (any other entry value is a field type)."""

    target: str


def dataset_schema(spec_fields, mapping):
    """OperationSpec's dataset schema: spec fields + typed entries, then renames (in order)."""
    ops = dict(spec_fields)
    for k, v in (mapping or {}).items():
        if not isinstance(v, Rename):
            if k not in spec_fields:
                ops[k] = v
            elif arrow(spec_fields[k]) != arrow(v):
                raise Invalid(k)
    out = dict(ops)
    for k, v in (mapping or {}).items():
        if isinstance(v, Rename):
            if k not in ops:
                raise Invalid(k)
            t = out.pop(k)
            out[v.target] = t
    return out


def consumed_fields(spec_fields, generic, mapping, fields):
    """The dataset fields a step reads (raises Invalid when Fondant would refuse)."""
    if mapping is None and generic:
        return dict(fields)  # inferred: every input field
    if mapping is not None:
        checked = dict(mapping)
        for k, v in mapping.items():
            if isinstance(v, Rename):
                if v.target not in fields:
                    raise Invalid(k)
                if k not in spec_fields:
                    if not generic or k not in fields:
                        raise Invalid(k)
                    checked[k] = fields[k]
        mapping = checked
    read = dataset_schema(spec_fields, mapping)
    for name, form in read.items():
        if name not in fields or arrow(fields[name]) != arrow(form):
            raise Invalid(name)
    return read


def evolve(fields, produced, previous_index):
    """The output fields of a step (as the manifest stores them)."""
    out = {} if previous_index else dict(fields)
    for name, form in produced.items():
        out[name] = normalized(form)
    return out


# ---------------------------------------------------------------------------------------------
# Components and documents

_FIELD_NAMES = ["text", "body", "rating", "title", "image", "image_url", "caption", "embedding",
                "score", "lang", "url", "tokens", "meta", "created", "label", "Ünïcode",
                "with space", "dotted.name", "CamelCase", "x-1", "123", "true", "null", "array",
                "object", "string", "binary", "rename", "\ufb01eld", "\U0001f600field"]
_ARG_NAMES = ["model_id", "batch_size", "threshold", "language", "mode", "options", "columns",
              "ratio", "verbose", "seed", "pattern", "labels", "mapping", "n_rows", "path", "url",
              "Temperature", "max-len", "ärger", "Zeta", "_private", "名前", "x1", "\ufb01le",
              "\U0001d11eclef"]
_COMPONENT_WORDS = ["tidy", "clean", "score", "split", "merge", "enrich", "rank", "tag", "embed",
                    "dedupe", "sample", "shard", "label", "probe", "count"]
_TAGS = ["1.0.0", "0.12.1", "latest", "dev", "v2-rc.1", "LATEST", "sha-abc123"]


@dataclass
class Component:
    folder: str  # folder name under components/
    spec: dict  # the spec as PyYAML reads it
    consumes: dict = field(default_factory=dict)  # spec consumes fields (no additionalProperties)
    produces: dict = field(default_factory=dict)
    generic_consumes: bool = False
    generic_produces: bool = False

    @classmethod
    def from_spec(cls, folder, spec):
        def fields(section):
            return {k: v for k, v in (spec.get(section) or {}).items()
                    if k != "additionalProperties"}

        return cls(folder, spec, fields("consumes"), fields("produces"),
                   bool((spec.get("consumes") or {}).get("additionalProperties")),
                   bool((spec.get("produces") or {}).get("additionalProperties")))

    @property
    def component_id(self):
        return self.spec["name"].lower().replace(" ", "_")


@dataclass
class Case:
    folder: Path
    pipeline: Path
    component_dirs: list  # folders to pass with --components
    features: set


def random_image(rng, name):
    tag = rng.choice(_TAGS)
    if rng.random() < 0.05:  # what the `latest` rule (image.rsplit(":")[-1]) makes of odd images
        return rng.choice([f"ex/{name}:Latest", f"ex/{name}:latest ", f" ex/{name}:latest",
                           f"{name}:latest@sha256:abc", f"{name}:", ":latest", f"{name}::latest",
                           f"ümlaut/ß_{name}:1.0", f"{name}:latest\n", f"{name}:lat\u00e9st"])
    return rng.choice([f"example/{name}:{tag}", f"fndnt/{name}:{tag}",
                       f"registry.local:5000/team/{name}:{tag}", f"registry.local:5000/{name}",
                       name, f"{name}@sha256:" + "%064x" % rng.getrandbits(256),
                       f"ghcr.io/org/{name}:{tag}"])


class CaseBuilder:
    """Builds one case step by step, keeping track of the fields every step leaves."""

    def __init__(self, seed, out_dir, reference_components):
        self.rng = random.Random(seed)
        self.out = Path(out_dir)
        self.reference = Path(reference_components) if reference_components else None
        self.features = set()
        self.steps = []  # document step mappings
        self.outputs = {}  # step id -> output fields {name: normalised type}
        self.chain = {}  # the fields after the previous step in call order
        self.step_ids = []
        self.used_folders = set()
        self.path_refs = self.rng.choice([0, 0, 0.3, 1])  # share of components named by path
        self.last_args = None  # (args spec, arguments) of the last step with arguments
        self.twin = False  # the next step's component copies the last step's args

    # -- specs ------------------------------------------------------------------------------

    def write_spec(self, folder, spec_model):
        """Write a synthetic spec in random YAML styles; returns the Component PyYAML reads."""
        rng = self.rng
        items = list(spec_model.items())
        rng.shuffle(items)  # Fondant re-orders the top level itself
        writer = YamlWriter(rng, PYYAML)
        text = writer.document(dict(items))
        self.features |= {"spec:" + f for f in writer.features}
        path = self.out / "components" / folder
        path.mkdir(parents=True)
        (path / "fondant_component.yaml").write_text(text, encoding="utf-8")
        spec = yaml.safe_load(text)
        component = Component.from_spec(folder, spec)
        # the writer must not change the structure Fondant reads
        assert {k: spec_model.get(k) for k in ("consumes", "produces")} == \
            {k: spec.get(k) for k in ("consumes", "produces")}, folder
        return component

    def synthetic(self, index, fields, role):
        """A new component for a step reading `fields`; returns (component, consumes mapping)."""
        rng = self.rng
        word = _COMPONENT_WORDS[index % len(_COMPONENT_WORDS)]
        name = rng.choice([f"{word.title()} Step {index}", f"{word}_{index}", f"{word}-{index}",
                           f"{word.upper()} {index}", f"{word}.v{index}",
                           f"{odd_string(rng, short=True)} {index}"])  # then the step needs an id
        spec = {"name": name, "image": random_image(rng, f"{word}_{index}"),
                "description": odd_string(rng) or "d"}
        if rng.random() < 0.4:
            spec["tags"] = [odd_string(rng, short=True) for _ in range(rng.randint(0, 3))]
        consumes, mapping = self.plan_consumes(fields, role)
        if consumes:
            spec["consumes"] = consumes
        elif rng.random() < 0.05:
            spec["consumes"] = {}
        if role in ("load", "transform"):
            produces = {}
            for _ in range(rng.randint(0 if role == "transform" else 1, 3)):
                produces[rng.choice(_FIELD_NAMES)] = random_type(rng)
            if rng.random() < 0.25 or not produces:
                produces["additionalProperties"] = rng.random() < 0.9
            spec["produces"] = produces
            if role == "transform" and rng.random() < 0.1:
                spec["previous_index"] = rng.choice(["old_id", "", "original_document_id"])
        args = self.args_spec()
        if args is not None:
            spec["args"] = args
        prefix = "write_" if role == "write" and rng.random() < 0.7 else ""
        folder = self.unique_folder(f"{prefix}{word}_{index}")
        return self.write_spec(folder, spec), mapping

    def args_spec(self):
        """A spec's `args`: random ones, none, or (rarely) the previous step's."""
        rng = self.rng
        if self.last_args and rng.random() < 0.015:
            self.twin = True  # same args as the previous step: share its arguments mapping
            return self.last_args[0]
        if rng.random() < 0.15:
            return None if rng.random() < 0.7 else {}
        args = {}
        for name in rng.sample(_ARG_NAMES, rng.randint(1, 5)):
            arg_type = rng.choice(["str", "int", "float", "bool", "dict", "list"] * 8
                                  + ["tuple", "set"])
            entry = {"type": arg_type}
            if rng.random() < 0.8:
                entry["description"] = odd_string(rng) or "d"
            if rng.random() < 0.6:
                entry["default"] = spec_default(rng, arg_type)
            items = list(entry.items())
            rng.shuffle(items)
            args[name] = dict(items)
        return args

    def readable(self, spec_fields, generic, mapping, fields):
        """Can a step read these consumes? Fondant checks renames against the fields of the
        step's input when applying it, but validates the consumed fields against the fields left
        by the previous step in call order (its graph validation evolves one manifest through
        all steps), which after a branch is another step."""
        try:
            read = consumed_fields(spec_fields, generic, mapping, fields)
        except Invalid:
            return False
        return all(n in self.chain and arrow(self.chain[n]) == arrow(t) for n, t in read.items())

    def plan_consumes(self, fields, role):
        """Spec consumes for a new component reading `fields`, and the document's mapping."""
        rng = self.rng
        if role == "load":
            return ({"additionalProperties": True} if rng.random() < 0.05 else {}), None
        common = [n for n, t in fields.items()
                  if n in self.chain and arrow(self.chain[n]) == arrow(t)]
        usable = [n for n in common if spec_expressible(fields[n])]
        count = rng.randint(0 if role == "transform" else 1, 3)
        chosen = rng.sample(usable, min(len(usable), count))
        consumes, mapping, required = {}, {}, {}
        for column in chosen:
            spec_name = column
            if rng.random() < 0.35:
                spec_name = rng.choice(_FIELD_NAMES)
                if spec_name in consumes or spec_name in chosen and spec_name != column:
                    spec_name = column
            consumes[spec_name] = variant(fields[column], rng)
            if spec_name != column:
                mapping[spec_name] = required[spec_name] = Rename(column)
            elif rng.random() < 0.2:
                mapping[spec_name] = as_mapping_type(variant(fields[column], rng), rng)
        same = [(a, b) for a in chosen for b in chosen
                if a < b and arrow(fields[a]) == arrow(fields[b])]
        if same and rng.random() < 0.3:
            a, b = rng.choice(same)  # rename onto an existing name: {a: b, b: a}
            mapping[a], mapping[b] = Rename(b), Rename(a)
            consumes.setdefault(a, variant(fields[a], rng))
            consumes.setdefault(b, variant(fields[b], rng))
            self.features.add("swap-rename")
        generic = role == "write" and rng.random() < 0.7 or rng.random() < 0.1
        if generic:
            consumes["additionalProperties"] = True
            for column in rng.sample(common, min(len(common), rng.randint(0, 2))):
                if rng.random() < 0.5 and spec_expressible(fields[column]):
                    mapping[column] = as_mapping_type(variant(fields[column], rng), rng)
                else:
                    mapping[column] = Rename(rng.choice(common))  # read as the key's own type
        else:
            if rng.random() < 0.05:
                consumes["additionalProperties"] = False
            extra = [c for c in common if c not in consumes and spec_expressible(fields[c])]
            if extra and rng.random() < 0.05:  # a typed entry the spec does not list is read too
                column = rng.choice(extra)
                mapping[column] = as_mapping_type(variant(fields[column], rng), rng)
                self.features.add("typed-consumes-outside-spec")
        if not mapping and rng.random() < 0.8:
            mapping = None
        spec_fields = {k: v for k, v in consumes.items() if k != "additionalProperties"}
        # fall back to the renames the spec's field names need; a generic consumer given an
        # explicit (empty) mapping reads only its spec fields instead of every input field
        for candidate in (mapping, required or None, required):
            if self.readable(spec_fields, generic, candidate, fields):
                return consumes, candidate
        raise AssertionError("no readable consumes")

    def unique_folder(self, folder):
        while folder in self.used_folders:
            folder += "x"
        self.used_folders.add(folder)
        return folder

    def reference_component(self, fields, first):
        """A copy of a real reusable component usable here, with its consumes mapping, or None."""
        if not self.reference or not self.reference.is_dir():
            return None
        rng = self.rng
        names = sorted(p.name for p in self.reference.iterdir()
                       if (p / "fondant_component.yaml").is_file())
        rng.shuffle(names)
        for folder in names:
            if folder in self.used_folders:
                continue
            text = (self.reference / folder / "fondant_component.yaml").read_text(encoding="utf-8")
            comp = Component.from_spec(folder, yaml.safe_load(text))
            if first != (not comp.consumes and not comp.generic_consumes):
                continue
            mapping, taken = {}, set()
            for name, form in comp.consumes.items():
                columns = [c for c, t in fields.items()
                           if arrow(t) == arrow(form) and c not in taken
                           and c in self.chain and arrow(self.chain[c]) == arrow(t)]
                if not columns:
                    break
                column = name if name in columns else rng.choice(columns)
                taken.add(column)
                if column != name:
                    mapping[name] = Rename(column)
            else:
                mapping = mapping or None
                if not self.readable(comp.consumes, comp.generic_consumes, mapping, fields):
                    mapping = {}  # a generic consumer then reads only its spec fields
                self.used_folders.add(folder)
                shutil.copytree(self.reference / folder, self.out / "components" / folder)
                self.features.add("reference-component")
                return comp, mapping
        return None

    # -- steps ------------------------------------------------------------------------------

    def arguments(self, comp):
        """A step's arguments: every required one, some optional ones."""
        rng = self.rng
        args_spec = comp.spec.get("args") or {}
        if self.twin:
            self.twin = False
            if self.last_args[1]:
                # The same arguments again, written out: Fondant mutates one shared dict for
                # every step, so Fondant Studio refuses an alias here.
                self.features.add("twin-arguments")
                return copy.deepcopy(self.last_args[1])
        arguments = {}
        for name, arg in args_spec.items():
            default = arg.get("default")
            required = "default" not in arg or default is None
            if required or rng.random() < 0.5:
                kind = arg["type"] if arg["type"] in ("str", "int", "float", "bool", "dict") \
                    else "list"
                arguments[name] = None if rng.random() < 0.04 else odd_value(rng, kind)
        self.last_args = (comp.spec.get("args"), arguments) if comp.spec.get("args") else None
        return arguments

    def produces_mapping(self, comp):
        """A produces mapping that Fondant accepts for comp (renames, typed entries), or None."""
        rng = self.rng
        mapping = {}
        for name, form in comp.produces.items():
            r = rng.random()
            if r < 0.2:
                mapping[name] = Rename(rng.choice(_FIELD_NAMES + list(comp.produces)))
            elif r < 0.3:
                mapping[name] = as_mapping_type(variant(form, rng), rng)
        if len(comp.produces) >= 2 and rng.random() < 0.15:
            a, b = rng.sample(list(comp.produces), 2)
            mapping[a], mapping[b] = Rename(b), Rename(a)
            self.features.add("swap-rename")
        if comp.generic_produces or rng.random() < 0.05:
            for _ in range(rng.randint(0 if comp.produces else 1, 3)):
                name = rng.choice(_FIELD_NAMES)
                if name not in comp.produces:
                    mapping[name] = as_mapping_type(random_type(rng, runtime=True), rng)
        items = list(mapping.items())
        rng.shuffle(items)
        mapping = dict(items)
        try:
            dataset_schema(comp.produces, mapping)
        except Invalid:
            mapping = {}
        return mapping or None

    def mapping_value(self, v):
        """A mapping entry as the document writes it: a rename is plain text unless the name
        could be read as a type (string, array, ...); a type is a word or a mapping."""
        if not isinstance(v, Rename):
            return v
        spec_words = ("array", "object", "list", "decimal")  # type words of component specs
        if v.target in FONDANT_TYPE_WORDS or v.target in spec_words or self.rng.random() < 0.15:
            return {"rename": v.target}
        return v.target

    def resources(self):
        """A step's `resources` (rarely empty or null)."""
        rng = self.rng
        if rng.random() < 0.03:
            self.features.add("resources-empty")
            return rng.choice([{}, None])
        res = {}
        if rng.random() < 0.5:
            res["accelerator_number"] = rng.choice([1, 2, 8])
            res["accelerator_name"] = rng.choice(["GPU", "TPU", "NVIDIA_TESLA_T4", "TPU_V3"])
        if rng.random() < 0.5:
            res["node_pool_label"] = rng.choice(["cloud.google.com/gke-nodepool", "pool"])
            res["node_pool_name"] = rng.choice(["gpu-pool", "default", "pool é", "2024", 2024,
                                                "x y"])
            if isinstance(res["node_pool_name"], int):
                self.features.add("numeric-node-pool-name")
        for key, values in (("cpu_request", ["2", "500m", 0.5, 4, "1.5"]),
                            ("cpu_limit", ["4", "1000m"]),
                            ("memory_request", ["512Mi", "8G", "1e3", 2]),
                            ("memory_limit", ["16G", "1Gi"]),
                            ("instance_type", ["n1-standard-4", "ml.m5.xlarge"])):
            if rng.random() < 0.2:
                res[key] = rng.choice(values)
        if rng.random() < 0.05:
            res["accelerator_name"] = res["accelerator_number"] = None
        items = list(res.items())
        rng.shuffle(items)
        return dict(items)

    def add_step(self, index):
        rng = self.rng
        first = index == 0
        if first:
            parent = None
        elif rng.random() < 0.7:
            parent = self.step_ids[-1]
        else:
            parent = rng.choice(self.step_ids)
            self.features.add("branch")
        fields = self.outputs[parent] if parent else {}
        role = "load" if first else rng.choice(["transform", "transform", "filter", "write"])
        found = None
        if rng.random() < 0.2:
            found = self.reference_component(fields, first)
        if found is None:
            found = self.synthetic(index, fields, role)
        comp, consumes_map = found
        step = {}
        sid = comp.component_id
        if rng.random() < 0.25 or not re.fullmatch(r"[a-z0-9_][a-z0-9_.-]*", sid):
            sid = rng.choice(["step", "s", "Node", "x_"]) + rng.choice(["", "_", "-", "."])
            sid = step["id"] = sid + str(index)
            self.features.add("explicit-id")
        if rng.random() < self.path_refs:
            step["component"] = rng.choice(["./components/", "./components/../components/",
                                             "./components//"]) + comp.folder \
                + rng.choice(["", "", "/"])
            self.features.add("component-path")
        else:
            step["component"] = comp.folder
        if parent:
            step["input"] = parent
        arguments = self.arguments(comp)
        if arguments or rng.random() < 0.1:
            step["arguments"] = arguments if arguments or rng.random() < 0.5 else None
        if consumes_map is not None and not first:
            step["consumes"] = {k: self.mapping_value(v) for k, v in consumes_map.items()}
            self.features.add("consumes-mapping")
        produces_map = None if comp.folder.startswith("write_") else self.produces_mapping(comp)
        if produces_map:
            step["produces"] = {k: self.mapping_value(v) for k, v in produces_map.items()}
            self.features.add("produces-mapping")
        if rng.random() < 0.15:
            step["input_partition_rows"] = rng.choice(
                [1, 100, 10000, 2**63 - 1, "250MB", "disable", "100", None, odd_string(rng)]
                + ([2**64] if rng.random() < 0.3 else []))
            self.features.add("input_partition_rows")
        if rng.random() < 0.3:
            step["cache"] = rng.random() < 0.5
        elif rng.random() < 0.02:
            step["cache"] = None
            self.features.add("cache-null")
        if rng.random() < 0.25:
            step["resources"] = self.resources()
            self.features.add("resources")
        if rng.random() < 0.2:
            rest = list(step.items())[1:]
            rng.shuffle(rest)
            step = dict(list(step.items())[:1] + rest)
        # the field flow this step leaves for later steps
        produced = dataset_schema(comp.produces, produces_map)
        self.outputs[sid] = evolve(fields, produced, comp.spec.get("previous_index"))
        self.chain = evolve(self.chain, produced, comp.spec.get("previous_index"))
        self.steps.append(step)
        self.step_ids.append(sid)

    def build(self):
        rng = self.rng
        (self.out / "components").mkdir(parents=True)
        n_steps = rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8])
        for index in range(n_steps):
            self.add_step(index)
        doc = {"version": 1, "name": rng.choice(["reviews", "a", "my-data_2", "0x"])}
        if rng.random() < 0.3:
            doc["description"] = odd_string(rng)
        if rng.random() < 0.2:
            doc["working_directory"] = rng.choice(["./work", "gs://bucket/wd", "/tmp/wd"])
        component_dirs = [str(self.out / "components")]
        if rng.random() < 0.5:
            doc["component_dirs"] = [rng.choice(["./components", "components", "./components/"])]
            component_dirs = []
            self.features.add("component_dirs")
        doc["steps"] = self.steps
        if rng.random() < 0.2:
            doc["editor"] = {"positions": {sid: [i * 260, rng.choice([0, 0.5, -40])]
                                           for i, sid in enumerate(self.step_ids)}}
        writer = YamlWriter(rng, CORE,
                            unaliased=[step["arguments"] for step in self.steps
                                       if "arguments" in step])
        text = writer.document(doc)
        self.features |= writer.features
        pipeline = self.out / "pipeline.yaml"
        pipeline.write_text(text, encoding="utf-8")
        return Case(self.out, pipeline, component_dirs, self.features)


def generate_case(seed, out_dir, reference_components=None):
    """Write case `seed` into out_dir (which must not exist yet or be empty)."""
    return CaseBuilder(seed, out_dir, reference_components).build()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True, help="folder to create")
    ap.add_argument("--reference-components",
                    help="folder of real component specs that cases may use")
    args = ap.parse_args()
    case = generate_case(args.seed, args.out, args.reference_components)
    extra = "".join(f" --components {d}" for d in case.component_dirs)
    print(f"{case.pipeline}{extra}\nfeatures: {', '.join(sorted(case.features))}")


if __name__ == "__main__":
    main()
