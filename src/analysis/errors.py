"""Errors that name where the input is wrong, so a person can fix it in one step."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, printed as `file:line: column: message`."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


class ValidationFailed(Exception):
    """Raised with every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(Exception):
    """A file that cannot be used at all: missing, empty, binary. The message names it."""

    def __init__(self, file: str, message: str, position: str | None = None):
        self.file = file
        self.position = position
        self.detail = message
        where = f"{file}:{position}" if position else file
        super().__init__(f"{where}: {message}")
