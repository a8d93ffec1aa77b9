"""Read functions of the program pages: the catalogue of a program, its formulas in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from programs.expressions import Name, Negate, Node, Number
from programs.models import DataElement, Indicator, Program
from regions.models import Population

SYMBOLS = {"+": "+", "-": "−", "*": "×", "/": "÷"}
PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def programs_with_counts() -> list[Program]:
    """The programs with `indicator_count` and `element_count`: the active data elements of the
    program and those its indicators are computed from (SPM has none of its own). Three queries."""
    programs = list(Program.objects.prefetch_related("indicators", "data_elements"))
    for program in programs:
        indicators = program.indicators.all()
        used = {code for i in indicators for formula in i.formulas() if formula for code in formula.codes}
        own = {e.code for e in program.data_elements.all() if e.is_active}
        program.indicator_count, program.element_count = len(indicators), len(used | own)
    return programs


@dataclass(frozen=True)
class IndicatorText:
    indicator: Indicator
    numerator: str  # the formula in words
    denominator: str  # "" for a count


@dataclass(frozen=True)
class Catalogue:
    program: Program
    indicators: list[Indicator]
    texts: list[IndicatorText]
    elements: list[DataElement]  # the program's own and those its indicators are computed from


def program_catalogue(*, program: Program) -> Catalogue:
    """A program's indicators with their formulas in words, and the data elements behind them (two queries)."""
    indicators = list(program.indicators.all())
    formulas = [i.formulas() for i in indicators]
    codes = {code for pair in formulas for formula in pair if formula for code in formula.codes}
    elements = list(
        DataElement.objects.active().filter(Q(program=program) | Q(code__in=codes)).select_related("program")
    )
    names = {element.code: element.name for element in elements}
    for group, label in Population.Group.choices:
        names[f"pop.{group}"] = _("target: %(group)s") % {"group": str(label)[:1].lower() + str(label)[1:]}
    texts = [
        IndicatorText(
            i, formula_in_words(numerator.tree, names), formula_in_words(denominator.tree, names) if denominator else ""
        )
        for i, (numerator, denominator) in zip(indicators, formulas, strict=True)
    ]
    return Catalogue(program, indicators, texts, elements)


def formula_in_words(node: Node, names: Mapping[str, str], outer: int = 0) -> str:
    """`BUMIL_K6 / pop.bumil` -> "Ibu hamil K6 ÷ sasaran: ibu hamil", with the brackets it needs."""
    if isinstance(node, Number):
        return f"{node.value:g}"
    if isinstance(node, Name):
        return names.get(node.name, node.name)
    if isinstance(node, Negate):
        return "−" + formula_in_words(node.operand, names, 3)
    precedence = PRECEDENCE[node.op]
    left = formula_in_words(node.left, names, precedence)
    right = formula_in_words(node.right, names, precedence + 1)
    text = f"{left} {SYMBOLS[node.op]} {right}"
    return f"({text})" if precedence < outer else text
