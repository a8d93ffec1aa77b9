"""A small, safe language for indicator and validation-rule formulas, e.g. `K6 / pop.bumil`.

Grammar: numbers, data element codes (`BUMIL_K6`), target populations (`pop.bumil`), the
operators + - * / with the usual precedence, unary minus and parentheses. Nothing else: no
names are looked up in Python, no `eval`. Imports no Django.

Missing values propagate: if a referenced value is missing (not reported) the result is None,
never 0; a division by zero is None too (the rate is undefined, not zero).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<population>pop\.[a-z_]+)|(?P<code>[A-Z][A-Z0-9_]*)|(?P<op>[-+*/()]))"
)
Value = float | None


class ExpressionError(ValueError):
    """What is wrong and where; `kind` is one of: empty, unexpected_char, unexpected_token, unexpected_end,
    unclosed, unknown_code, unknown_population. The caller words it for the user."""

    def __init__(self, kind: str, position: int = 0, text: str = "") -> None:
        super().__init__(f"{kind} at {position}: {text!r}")
        self.kind, self.position, self.text = kind, position, text


@dataclass(frozen=True)
class Number:
    value: float


@dataclass(frozen=True)
class Name:
    """A data element code, or `pop.<group>` for a target population."""

    name: str


@dataclass(frozen=True)
class Negate:
    operand: Node


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node


Node = Number | Name | Negate | Binary


@dataclass(frozen=True)
class Expression:
    source: str
    tree: Node

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(n for n in _names(self.tree) if not n.startswith("pop."))

    @property
    def populations(self) -> frozenset[str]:
        return frozenset(n.removeprefix("pop.") for n in _names(self.tree) if n.startswith("pop."))

    def evaluate(self, values: Mapping[str, Value]) -> Value:
        """The value with `values` for every name (missing names count as not reported)."""
        return _evaluate(self.tree, values)


def parse(source: str, *, codes: set[str] | None = None, populations: set[str] | None = None) -> Expression:
    """Parses `source`; with `codes`/`populations`, also refuses names outside them."""
    tokens = _tokenize(source)
    if not tokens:
        raise ExpressionError("empty")
    parser = _Parser(tokens, len(source))
    tree = parser.expression()
    if parser.index < len(tokens):
        _, text, position = tokens[parser.index]
        raise ExpressionError("unexpected_token", position, text)
    expression = Expression(source, tree)
    for name in sorted(expression.codes):
        if codes is not None and name not in codes:
            raise ExpressionError("unknown_code", source.find(name), name)
    for name in sorted(expression.populations):
        if populations is not None and name not in populations:
            raise ExpressionError("unknown_population", source.find(f"pop.{name}"), f"pop.{name}")
    return expression


def _tokenize(source: str) -> list[tuple[str, str, int]]:
    tokens, position = [], 0
    while position < len(source):
        if source[position:].strip() == "":
            break
        match = TOKEN.match(source, position)
        if not match:
            start = len(source) - len(source[position:].lstrip())
            raise ExpressionError("unexpected_char", start, source[start])
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind), match.start(kind)))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str, int]], end: int) -> None:
        self.tokens, self.index, self.end = tokens, 0, end

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str, int]:
        token = self.peek()
        if token is None:
            raise ExpressionError("unexpected_end", self.end)
        self.index += 1
        return token

    def expression(self) -> Node:
        node = self.term()
        while (token := self.peek()) and token[1] in "+-" and token[0] == "op":
            self.take()
            node = Binary(token[1], node, self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while (token := self.peek()) and token[1] in "*/" and token[0] == "op":
            self.take()
            node = Binary(token[1], node, self.factor())
        return node

    def factor(self) -> Node:
        kind, text, position = self.take()
        if kind == "number":
            return Number(float(text))
        if kind in {"code", "population"}:
            return Name(text)
        if text == "-":
            return Negate(self.factor())
        if text == "(":
            node = self.expression()
            closing = self.peek()
            if closing is None:
                raise ExpressionError("unclosed", position, "(")
            if closing[1] != ")":
                raise ExpressionError("unexpected_token", closing[2], closing[1])
            self.take()
            return node
        raise ExpressionError("unexpected_token", position, text)


def _names(node: Node) -> set[str]:
    if isinstance(node, Name):
        return {node.name}
    if isinstance(node, Negate):
        return _names(node.operand)
    if isinstance(node, Binary):
        return _names(node.left) | _names(node.right)
    return set()


def _evaluate(node: Node, values: Mapping[str, Value]) -> Value:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Name):
        value = values.get(node.name)
        return None if value is None else float(value)
    if isinstance(node, Negate):
        operand = _evaluate(node.operand, values)
        return None if operand is None else -operand
    left, right = _evaluate(node.left, values), _evaluate(node.right, values)
    if left is None or right is None:
        return None
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    return None if right == 0 else left / right
