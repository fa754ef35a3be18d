"""Charts for people who look rather than read: SVG drawn by matplotlib (Agg backend).

matplotlib is imported only when a chart is drawn, so ``commkit --help`` and every command
that draws nothing start as fast as before. Text is kept as text in the SVG (searchable,
small) in DejaVu Sans, which has Cyrillic; the output is deterministic (fixed ids, no date)
so the same input gives the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

INK = "#1d2330"
MUTED = "#5b6577"
ACCENT = "#1f5fbf"
SOFT = "#c9d6ee"
WARN = "#c0392b"
PEER = "#8a99b5"


@dataclass(frozen=True)
class PeerBand:
    """Other communities at the same stage: quartiles of one dimension."""

    q1: float
    median: float
    q3: float


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 9,
            "svg.fonttype": "none",
            "svg.hashsalt": "commkit",
            "axes.edgecolor": MUTED,
            "axes.labelcolor": INK,
            "xtick.color": INK,
            "ytick.color": INK,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buffer.getvalue()


def inline_svg(svg: str, label: str) -> str:
    """The SVG without its XML prologue, labelled for screen readers, to put inside HTML."""
    from commkit.render.text import html_text

    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    return body.replace("<svg", f'<svg role="img" aria-label="{html_text(label)}"', 1)


def _wrap(text: str, width: int = 28) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def dimension_chart(
    titles: Sequence[str],
    scores: Sequence[float | None],
    *,
    threshold: float | None,
    threshold_label: str,
    title: str,
    peers: Sequence[PeerBand | None] | None = None,
    peers_label: str = "",
    no_score: str = "—",
) -> str:
    """Horizontal bars of the dimension scores (0-100) with the next stage's threshold as a
    dashed line; with ``peers``, the other communities' quartiles as a band and a median tick.
    Dimensions below the threshold are drawn in the warning colour."""
    plt = _pyplot()
    count = len(titles)
    fig, ax = plt.subplots(figsize=(7.2, 0.42 * count + 1.3))
    ys = list(range(count))[::-1]
    values = [s if s is not None else 0.0 for s in scores]
    colours = [
        SOFT if s is None else (WARN if threshold is not None and s < threshold else ACCENT)
        for s in scores
    ]
    ax.barh(ys, values, color=colours, height=0.62, zorder=2)
    for y, score in zip(ys, scores, strict=True):
        text = no_score if score is None else f"{score:.0f}"
        ax.text(min(score or 0, 100) + 1.2, y, text, va="center", fontsize=8, color=INK, zorder=4)
    if peers:
        drawn = False
        for y, band in zip(ys, peers, strict=True):
            if band is None:
                continue
            ax.plot([band.q1, band.q3], [y - 0.38, y - 0.38], color=PEER, lw=3.2, zorder=3,
                    solid_capstyle="butt", label=peers_label if not drawn else None)  # fmt: skip
            ax.plot([band.median], [y - 0.38], marker="|", color=INK, ms=9, mew=1.6, zorder=3)
            drawn = True
    if threshold is not None:
        ax.axvline(threshold, color=INK, ls="--", lw=1.1, zorder=3, label=threshold_label)
    ax.set_yticks(ys, [_wrap(t) for t in titles])
    ax.set_xlim(0, 108)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.grid(axis="x", color="#e3e7ee", zorder=0)
    ax.set_title(title, loc="left", fontsize=11, color=INK, pad=10)
    if threshold is not None or peers:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, frameon=False,
                  fontsize=8)  # fmt: skip
    return _svg(fig)


def line_chart(
    dates: Sequence[dt.date],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    y_label: str,
    highlight: str | None = None,
) -> str:
    """Scores over time: one line per series, the ``highlight`` one (overall) thick."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.2, 4.2))
    tab20 = plt.get_cmap("tab20").colors
    palette = [*tab20[::2], *tab20[1::2]]  # 20 distinct colours, the strong ones first
    for i, (label, values) in enumerate(series):
        points = [(d, v) for d, v in zip(dates, values, strict=True) if v is not None]
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        strong = label == highlight
        ax.plot(xs, ys, marker="o", ms=4 if not strong else 6, lw=2.8 if strong else 1.2,
                color=INK if strong else palette[(i - 1) % len(palette)],
                ls="-" if i <= 10 else "--", label=_wrap(label, 34),
                zorder=3 if strong else 2)  # fmt: skip
    ax.set_ylim(0, 100)
    ax.set_ylabel(y_label)
    ax.grid(axis="y", color="#e3e7ee")
    ax.set_xticks(list(dates), [d.isoformat() for d in dates], rotation=0)
    if len(dates) == 1:
        ax.set_xlim(dates[0] - dt.timedelta(days=30), dates[0] + dt.timedelta(days=30))
    ax.set_title(title, loc="left", fontsize=11, color=INK, pad=10)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=7.5)
    return _svg(fig)


def count_chart(labels: Sequence[str], values: Sequence[int | None], *, title: str) -> str:
    """Horizontal bars with their numbers (stage distribution, the seven metrics)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.2, 0.42 * len(labels) + 1.1))
    ys = list(range(len(labels)))[::-1]
    numbers = [v or 0 for v in values]
    ax.barh(ys, numbers, color=ACCENT, height=0.6, zorder=2)
    top = max(numbers, default=0) or 1
    for y, value in zip(ys, values, strict=True):
        text = "—" if value is None else f"{value:,}".replace(",", "\u202f")
        ax.text((value or 0) + top * 0.01, y, text, va="center", fontsize=8, color=INK)
    ax.set_yticks(ys, [_wrap(label, 34) for label in labels])
    ax.set_xlim(0, top * 1.15)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#e3e7ee", zorder=0)
    ax.set_title(title, loc="left", fontsize=11, color=INK, pad=10)
    return _svg(fig)


def gantt_chart(
    rows: Sequence[tuple[str, dt.date, dt.date, bool]],
    milestones: Sequence[tuple[str, dt.date]],
    *,
    title: str,
) -> str:
    """One bar per action (start to end; later actions pale), seminars as diamonds."""
    import importlib

    plt = _pyplot()
    mdates: Any = importlib.import_module("matplotlib.dates")
    fig, ax = plt.subplots(figsize=(8.0, 0.3 * (len(rows) + len(milestones)) + 1.4))
    y = len(rows) + len(milestones)
    labels: list[tuple[float, str]] = []
    for label, start, end, later in rows:
        width = (end - start).days + 1
        ax.barh(y, width, left=mdates.date2num(start), height=0.6,
                color=SOFT if later else ACCENT, zorder=2)  # fmt: skip
        labels.append((y, label))
        y -= 1
    for label, day in milestones:
        ax.plot([mdates.date2num(day)], [y], marker="D", color=WARN, ms=6, zorder=3)
        labels.append((y, label))
        y -= 1
    ax.set_yticks([p for p, _ in labels], [_shorten(t) for _, t in labels], fontsize=8.5)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.grid(axis="x", color="#e3e7ee", zorder=0)
    ax.set_title(title, loc="left", fontsize=11, color=INK, pad=10)
    return _svg(fig)


def _shorten(text: str, limit: int = 48) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
