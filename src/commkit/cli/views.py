"""Rich renderings of the method for the terminal."""

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.tree import Tree

from commkit.i18n import section


def _esc(text: str) -> str:
    from commkit.cli.output import esc

    return esc(text)


def show_overview(console: Console, data: dict[str, Any], lang: str) -> None:
    label = section("views", lang)
    console.print(Panel(_esc(data["summary"] or ""), title=f"[bold]{_esc(data['title'])}[/]"))
    tree = Tree(f"[bold]{label['objectives']}[/]")
    for objective in data["objectives"]:
        tree.add(_esc(objective))
    console.print(tree)
    metrics = Tree(f"[bold]{label['metrics']}[/]")
    for metric in data["metrics"]:
        metrics.add(f"{_esc(metric['name'])} [dim]({_esc(metric['unit'])})[/]")
    console.print(metrics)
    chapters = Tree(f"[bold]{label['chapters']}[/]")
    for chapter in data["chapters"]:
        node = chapters.add(
            f"[bold cyan]{chapter['number']:>2}[/] {_esc(chapter['title'])} [dim]{chapter['id']}[/]"
        )
        for step in chapter["steps"]:
            node.add(_esc(step["title"]))
        if chapter["deliverables"]:
            deliver = node.add(f"[green]{label['deliverables']}[/]")
            for item in chapter["deliverables"]:
                deliver.add(_esc(item))
    console.print(chapters)
    if data.get("templates"):
        templates = Tree(f"[bold]{label['templates']}[/]")
        for item in data["templates"]:
            templates.add(f"{_esc(item['title'])} [dim]{item['file']}[/]")
        console.print(templates)
    console.print(f"[dim]{label['hint']}[/]")


def show_chapter(console: Console, data: dict[str, Any], lang: str) -> None:
    label = section("views", lang)
    head = (
        f"[bold]{label['purpose']}:[/] {_esc(data['purpose'])}\n"
        f"[bold]{label['owner']}:[/] {_esc(data['owner'])}    "
        f"[bold]{label['duration']}:[/] {data['duration_days']} {label['days']}"
    )
    console.print(Panel(head, title=f"[bold]{data['number']}. {_esc(data['title'])}[/]"))
    for key in ("inputs", "activities", "deliverables"):
        if data[key]:
            tree = Tree(f"[bold]{label[key]}[/]")
            for item in data[key]:
                tree.add(_esc(item))
            console.print(tree)
    steps = Tree(f"[bold]{label['steps']}[/]")
    for i, step in enumerate(data["steps"], 1):
        node = steps.add(f"[cyan]{i}.[/] [bold]{_esc(step['title'])}[/]")
        if step["description"]:
            node.add(_esc(step["description"]))
    console.print(steps)
    for key in ("actions", "seminars"):
        if data[key]:
            tree = Tree(f"[bold]{label[key]}[/]")
            for item in data[key]:
                tree.add(f"{_esc(item['title'])} [dim]{item['id']}[/]")
            console.print(tree)
