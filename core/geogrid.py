"""A coarse grid over the map, so "reports near this one" is an index lookup, not a scan.

A cell is CELL_DEGREES of latitude by CELL_DEGREES of longitude, named "row:column". Its
side is about 555 m north-south and 510 m east-west at Muscat (23.6 N), and at least 250 m
east-west up to 60 degrees of latitude, so every point within RADIUS_M (250 m) of a ticket
lies in the ticket's cell or one of its eight neighbours: look those nine up, then measure.
"""

from __future__ import annotations

import math

CELL_DEGREES = 0.005


def grid_cell(lat: float | None, lon: float | None) -> str | None:
    """The cell a point lies in, or None without coordinates."""
    if lat is None or lon is None:
        return None
    return f"{math.floor(lat / CELL_DEGREES)}:{math.floor(lon / CELL_DEGREES)}"


def neighbour_cells(lat: float, lon: float) -> list[str]:
    """The point's cell and the eight around it."""
    row, column = math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)
    return [f"{row + dr}:{column + dc}" for dr in (-1, 0, 1) for dc in (-1, 0, 1)]


def cells_within(lat: float, lon: float, metres: float) -> list[str]:
    """Every cell holding a point within `metres` of this one (nine at Muscat for 300 m)."""
    side = CELL_DEGREES * 111_320.0  # metres per cell north-south
    rows = math.ceil(metres / side)
    columns = math.ceil(metres / (side * max(math.cos(math.radians(lat)), 0.01)))
    row, column = math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)
    return [
        f"{row + dr}:{column + dc}"
        for dr in range(-rows, rows + 1)
        for dc in range(-columns, columns + 1)
    ]
