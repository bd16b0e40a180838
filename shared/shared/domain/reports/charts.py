"""Charts as SVG drawn on the server with pygal, inlined in the report's HTML: the PDF needs no
JavaScript and fetches nothing (pygal's tooltips script is left out, `js=[]`, and the config
script it always writes is taken out of the tree), so the preview runs no script either."""

import sys
from datetime import date
from xml.etree import ElementTree

import pygal
from markupsafe import Markup
from pygal.style import Style

# pygal appends an import hook for its map plugins (unused here) that lacks `find_spec`, which
# any code walking `sys.meta_path` (pytest's, Python 3.12's importlib) then trips on.
sys.meta_path[:] = [hook for hook in sys.meta_path if not isinstance(hook, pygal.PluginImportFixer)]

WIDTH, HEIGHT = 800, 320


def style_for(color: str) -> Style:
    return Style(
        background="transparent",
        plot_background="transparent",
        colors=(color, "#8b949e", "#3fb950", "#d29922", "#a371f7", "#f85149"),
        font_family="DejaVu Sans, Arial, sans-serif",
        label_font_size=11,
        major_label_font_size=11,
        legend_font_size=11,
        title_font_size=14,
    )


def config(chart_class, color: str, **options):
    return chart_class(
        width=WIDTH,
        height=HEIGHT,
        style=style_for(color),
        js=[],  # no script: printed offline, and shown without JavaScript
        disable_xml_declaration=True,
        explicit_size=True,
        show_legend=options.pop("show_legend", True),
        legend_at_bottom=True,
        print_values=False,
        **options,
    )


SVG_NAMESPACE = "http://www.w3.org/2000/svg"
ElementTree.register_namespace("", SVG_NAMESPACE)


def svg(chart) -> Markup:
    """The chart's SVG without scripts; serialised by ElementTree, which escapes every label,
    so it is inlined as is."""
    tree = chart.render_tree()
    for parent in list(tree.iter()):
        for child in list(parent):
            if child.tag in ("script", f"{{{SVG_NAMESPACE}}}script"):
                parent.remove(child)
    return Markup(ElementTree.tostring(tree, encoding="unicode"))


def line_chart(series: dict[str, dict[date, float]], color: str) -> Markup:
    chart = config(pygal.Line, color, x_label_rotation=30, show_minor_x_labels=False, dots_size=2)
    days = next(iter(series.values())).keys() if series else []
    labels = [day.strftime("%d %b") for day in days]
    chart.x_labels = labels
    chart.x_labels_major = labels[:: max(1, len(labels) // 8)]
    for name, values in series.items():
        chart.add(name, list(values.values()))
    return svg(chart)


def bar_chart(rows: list[dict], label: str, color: str) -> Markup:
    chart = config(pygal.HorizontalBar, color, show_legend=False)
    shown = list(reversed(rows))  # pygal draws the first bar at the bottom
    chart.x_labels = [str(row["name"])[:60] for row in shown]
    chart.add(label, [row["values"][0] for row in shown])
    return svg(chart)


def pie_chart(rows: list[dict], color: str) -> Markup:
    chart = config(pygal.Pie, color, inner_radius=0.45)
    for row in rows:
        chart.add(str(row["name"])[:60], row["values"][0])
    return svg(chart)


def funnel_chart(steps: list[tuple[str, float]], color: str) -> Markup:
    chart = config(pygal.Funnel, color)
    for label, value in steps:
        chart.add(label, [value])
    return svg(chart)
