"""The formula language of indicators and validation rules, without a database."""

import pytest

from programs.expressions import ExpressionError, parse


@pytest.mark.parametrize(
    ("source", "values", "expected"),
    [
        ("BUMIL_K6 / pop.bumil * 100", {"BUMIL_K6": 30, "pop.bumil": 120}, 25.0),
        ("A + B * C", {"A": 1, "B": 2, "C": 3}, 7.0),
        ("(A + B) * C", {"A": 1, "B": 2, "C": 3}, 9.0),
        ("A - B - C", {"A": 10, "B": 3, "C": 2}, 5.0),
        ("A / B / C", {"A": 12, "B": 3, "C": 2}, 2.0),
        ("-A + 5", {"A": 2}, 3.0),
        ("2.5 * A", {"A": 2}, 5.0),
        ("A", {"A": 0}, 0.0),
    ],
)
def test_arithmetic_and_precedence(source, values, expected):
    assert parse(source).evaluate(values) == expected


def test_missing_value_is_not_zero():
    assert parse("A + B").evaluate({"A": 3}) is None
    assert parse("A + B").evaluate({"A": 3, "B": None}) is None
    assert parse("A * 0").evaluate({}) is None


def test_division_by_zero_is_undefined_not_zero():
    assert parse("A / B").evaluate({"A": 5, "B": 0}) is None


def test_names_are_collected():
    expression = parse("(K1 + K6) / pop.bumil - pop.bulin")
    assert expression.codes == {"K1", "K6"}
    assert expression.populations == {"bumil", "bulin"}


@pytest.mark.parametrize(
    ("source", "kind", "position"),
    [
        ("", "empty", 0),
        ("   ", "empty", 0),
        ("K6 +", "unexpected_end", 4),
        ("(K6 + K1", "unclosed", 0),
        ("K6 ** 2", "unexpected_token", 4),
        ("K6 )", "unexpected_token", 3),
        ("K6 K1", "unexpected_token", 3),
        ("__import__('os')", "unexpected_char", 0),
        ("k6", "unexpected_char", 0),
        ("K6 % 2", "unexpected_char", 3),
        ("pop.Bumil", "unexpected_char", 0),
        ("K6 / ()", "unexpected_token", 6),
    ],
)
def test_malformed_formulas_say_what_and_where(source, kind, position):
    with pytest.raises(ExpressionError) as error:
        parse(source)
    assert error.value.kind == kind
    assert error.value.position == position


def test_unknown_names_are_refused_when_the_catalogue_is_given():
    with pytest.raises(ExpressionError) as error:
        parse("K6 / K1", codes={"K6"})
    assert (error.value.kind, error.value.text) == ("unknown_code", "K1")
    with pytest.raises(ExpressionError) as error:
        parse("K6 / pop.ibu", codes={"K6"}, populations={"bumil"})
    assert (error.value.kind, error.value.text) == ("unknown_population", "pop.ibu")


def test_no_python_is_ever_evaluated():
    with pytest.raises(ExpressionError):
        parse("().__class__")
