#!/usr/bin/env python3
"""archc's diagram against Graphviz `dot` and elkjs, on the same graphs.

For each N: bench/gen_design.py N --layout writes an AWS-like design of
about N resources; the `layout_bench` example of archc-layout compiles it
once, then lays it out and draws the SVG several times in process (median),
and writes the layout JSON. That layout's graph -- the same containers
(nested, with their labels), the same nodes (with archc's sizes: the glyph
and the label under it), the same edges (with their labels' sizes) -- is
handed to

  * Graphviz `dot`, clusters for containers (`dot -Tjson`); its time is the
    process's wall time less that of a one-node graph (process start);
  * elkjs, algorithm `layered`, `elk.hierarchyHandling: INCLUDE_CHILDREN`,
    orthogonal edge routing (bench/peers/elk_layout.js, `npm ci` there); its
    time is measured inside node around `elk.layout` only.

Each peer's result is converted back into archc's layout JSON and measured
by the same code as archc's own (`quality::measure`, the `layout_measure`
example). Conversions, and where they are approximate:

  * A peer places a box holding the glyph and its label; the glyph and the
    label are put back at the offsets archc gave them inside that box.
    A band (archc's bar across the zones) is given to the peers as a box as
    wide as its icon and label, and a border node (IGW, endpoints) as an
    ordinary node of its VPC: the peers know no such shapes.
  * dot draws edges as cubic Bezier splines (the points of `pos`, then the
    arrow tip). Crossings, overlaps and trespasses are measured on the
    curve, sampled at 8 points per piece: the polygon of the control points
    alone cuts corners the curve does not (on N = 200 it put 17 edges
    through nodes where the curve has none). Bends are counted on the
    control points instead (the samples would turn at every point): each
    change of direction between consecutive control points is one, so a
    curve counts several (what the reader sees is not a straight line).
    dot's curved edges are never orthogonal.
  * dot cannot end an edge on a cluster: an edge to a container goes to a
    node inside it with `lhead`/`ltail` (`compound=true`), which clips it
    at the cluster's border; an empty container gets an invisible point.
  * Coordinates are rounded to whole units; dot's points (1/72 in) are
    taken as units and its y axis is flipped.

Sizes where a peer (or archc at 8N) runs longer than --timeout seconds
are reported as "timeout". archc is also timed at 8N, to show how its cost
grows.

    python3 bench/layout.py [--sizes 50,200,500,1000,5000] [--runs 5]
        [--timeout 120] [--no-growth] [--no-peers] [--json results.json]
        [--keep FOLDER] [--markdown]
    python3 bench/layout.py --report results.json [--markdown]
"""
import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
peers = os.path.join(here, "peers")


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))


def example(name):
    return os.path.join(target_dir(), "release", "examples", name)


def build():
    subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "archc-layout", "--example", "layout_bench", "--example",
         "layout_measure"], cwd=root, check=True)
    if not os.path.isdir(os.path.join(peers, "node_modules", "elkjs")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=peers, check=True)


def generate(n, path):
    with open(path, "w") as f:
        subprocess.run([sys.executable, os.path.join(here, "gen_design.py"), str(n), "--layout"], stdout=f, check=True)


def run_archc(design, runs, out, timeout=None):
    """layout_bench's figures, or None past `timeout` seconds."""
    try:
        line = subprocess.run([example("layout_bench"), design, str(runs), out], check=True, capture_output=True,
                              text=True, timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        return None
    return json.loads(line)


def whole(v):
    """A peer's float coordinate as a whole unit, half up, with a margin so
    that two sums that differ only by float error round alike (elk gives an
    edge's bend 1297.0952380952372 and its end 1297.095238095238)."""
    return math.floor(v + 0.5 + 1e-6)


# The graph handed to the peers, read from archc's layout.

def union(a, b):
    x0, y0 = min(a["x"], b["x"]), min(a["y"], b["y"])
    x1, y1 = max(a["x"] + a["w"], b["x"] + b["w"]), max(a["y"] + a["h"], b["y"] + b["h"])
    return {"x": x0, "y": y0, "w": x1 - x0, "h": y1 - y0}


def drawn(t):
    return t is not None and t["w"] > 0 and t["h"] > 0 and any(t["lines"])


def peer_box(n):
    """The box a peer places for node n (glyph and label), in archc's
    coordinates; a band's is as wide as its icon and label."""
    r = {k: n[k] for k in "xywh"}
    if n["shape"] == "band":
        lb = n["label_box"]
        right = lb["x"] + lb["w"] + 8 if drawn(lb) else r["x"] + 48
        r["w"] = max(48, min(r["w"], right - r["x"]))
        return r
    return union(r, n["label_box"]) if drawn(n["label_box"]) else r


def graph_of(layout):
    containers = layout["containers"]
    nodes = layout["nodes"]
    kids = {None: []}
    for c in containers:
        kids.setdefault(c["id"], [])
    for c in containers:
        kids.setdefault(c["parent"], []).append(("c", c))
    for n in nodes:
        kids.setdefault(n["parent"], []).append(("n", n))
    return kids


# Graphviz dot.

def q(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(layout):
    kids = graph_of(layout)
    cindex = {c["id"]: i for i, c in enumerate(layout["containers"])}
    nindex = {n["id"]: i for i, n in enumerate(layout["nodes"])}
    inside = {}  # container id -> a node id inside it, for lhead/ltail

    def first_node(cid):
        if cid in inside:
            return inside[cid]
        found = None
        for kind, item in kids.get(cid, []):
            found = f"n{nindex[item['id']]}" if kind == "n" else first_node(item["id"])
            if found:
                break
        inside[cid] = found
        return found

    lines = ["digraph G {",
             f"  graph [rankdir={'TB' if layout['direction'] == 'down' else 'LR'}, compound=true, "
             "fontname=\"DejaVu Sans\"];",
             "  node [shape=box, fixedsize=true, label=\"\"];",
             "  edge [fontname=\"DejaVu Sans\"];"]

    def emit(cid, depth):
        pad = "  " * depth
        for kind, item in kids.get(cid, []):
            if kind == "n":
                b = peer_box(item)
                lines.append(f"{pad}n{nindex[item['id']]} [width={b['w'] / 72:.4f}, height={b['h'] / 72:.4f}];")
            else:
                i = cindex[item["id"]]
                lb = item["label_box"]
                lines.append(f"{pad}subgraph cluster_{i} {{")
                lines.append(f"{pad}  label={q(' '.join(lb['lines']))}; fontsize={lb['size'] or 12}; labeljust=l;")
                if not first_node(item["id"]):
                    lines.append(f"{pad}  d{i} [shape=point, width=0.01, height=0.01];")
                    inside[item["id"]] = f"d{i}"
                emit(item["id"], depth + 1)
                lines.append(f"{pad}}}")

    emit(None, 1)
    for k, e in enumerate(layout["edges"]):
        attrs = [f"id=e{k}"]
        ends = []
        for end, clip in ((e["from"], "ltail"), (e["to"], "lhead")):
            if end in nindex:
                ends.append(f"n{nindex[end]}")
            else:
                ends.append(first_node(end))
                attrs.append(f"{clip}=cluster_{cindex[end]}")
        lb = e.get("label_box")
        if e.get("label") and lb:
            attrs.append(f"label={q(' '.join(lb['lines']))}, fontsize={lb['size']}")
        lines.append(f"  {ends[0]} -> {ends[1]} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def floats(s):
    return [float(v) for v in s.split(",")]


def from_dot(layout, out, sampled):
    """archc's layout with dot's positions (dot's -Tjson output `out`);
    edges as the polyline of their control points, or `sampled` along the
    curve."""
    x0, y0, x1, y1 = floats(out["bb"])
    height = y1 - y0

    def pt(x, y):
        return [whole(x - x0), whole(height - (y - y0))]

    res = new_layout(layout, whole(x1 - x0), whole(height))
    boxes = {}
    for o in out.get("objects", []):
        name = o.get("name", "")
        if name.startswith("cluster_") and "bb" in o:
            bx0, by0, bx1, by1 = floats(o["bb"])
            (ax, ay), (bx, by) = pt(bx0, by1), pt(bx1, by0)
            boxes[("c", int(name[8:]))] = ({"x": ax, "y": ay, "w": bx - ax, "h": by - ay},
                                           pt(*floats(o["lp"])) if "lp" in o else None)
        elif name.startswith("n") and name[1:].isdigit() and "pos" in o:
            cx, cy = pt(*floats(o["pos"]))
            w, h = whole(float(o["width"]) * 72), whole(float(o["height"]) * 72)
            boxes[("n", int(name[1:]))] = ({"x": cx - w // 2, "y": cy - h // 2, "w": w, "h": h}, None)
    edges = []
    for e in out.get("edges", []):
        k = int(e["id"][1:])
        pts, tip_start, tip_end = [], None, None
        for tok in e.get("pos", "").split():
            if tok.startswith("e,"):
                tip_end = pt(*floats(tok[2:]))
            elif tok.startswith("s,"):
                tip_start = pt(*floats(tok[2:]))
            else:
                pts.append(pt(*floats(tok)))
        if sampled and len(pts) >= 4 and (len(pts) - 1) % 3 == 0:
            pts = sample(pts)
        pts = ([tip_start] if tip_start else []) + pts + ([tip_end] if tip_end else [])
        label = pt(*floats(e["lp"])) if "lp" in e else None
        edges.append((k, pts, label))
    return fill(res, layout, boxes, edges, centre_labels=True)


def sample(ctrl, steps=8):
    """The piecewise cubic Bezier curve of dot's control points, as a
    polyline of `steps` points per piece."""
    out = [ctrl[0]]
    for i in range(0, len(ctrl) - 3, 3):
        p0, p1, p2, p3 = ctrl[i:i + 4]
        for j in range(1, steps + 1):
            t = j / steps
            u = 1 - t
            w = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
            out.append([whole(sum(c * p[d] for c, p in zip(w, (p0, p1, p2, p3)))) for d in (0, 1)])
    return out


def run_dot(layout, tmp, runs, timeout):
    src = os.path.join(tmp, "graph.dot")
    with open(src, "w") as f:
        f.write(to_dot(layout))
    trivial = os.path.join(tmp, "trivial.dot")
    with open(trivial, "w") as f:
        f.write("digraph G { a }\n")

    def wall(path):
        t0 = time.perf_counter()
        p = subprocess.run(["dot", "-Tjson", path], capture_output=True, text=True, timeout=timeout)
        t = time.perf_counter() - t0
        if p.returncode != 0:
            raise RuntimeError(p.stderr[-2000:])
        return t, p.stdout

    base = statistics.median(wall(trivial)[0] for _ in range(5))
    times, out = [], None
    try:
        for _ in range(runs):
            t, out = wall(src)
            times.append(t)
    except subprocess.TimeoutExpired:
        return None, None
    ms = max(0.0, statistics.median(times) - base) * 1000
    out = json.loads(out)
    return ms, (from_dot(layout, out, sampled=True), from_dot(layout, out, sampled=False))


# elkjs.

def to_elk(layout):
    kids = graph_of(layout)

    def build(cid):
        children = []
        for kind, item in kids.get(cid, []):
            if kind == "n":
                b = peer_box(item)
                children.append({"id": item["id"], "width": b["w"], "height": b["h"]})
            else:
                lb = item["label_box"]
                top = (lb["y"] - item["y"]) + lb["h"] + 16 if drawn(lb) else 16
                children.append({
                    "id": item["id"],
                    "labels": [{"text": " ".join(lb["lines"]), "width": lb["w"], "height": lb["h"]}] if drawn(lb) else [],
                    "layoutOptions": {"elk.padding": f"[top={top},left=16,bottom=16,right=16]",
                                      "elk.nodeLabels.placement": "INSIDE V_TOP H_LEFT"},
                    "children": build(item["id"]),
                })
        return children

    edges = []
    for k, e in enumerate(layout["edges"]):
        edge = {"id": f"e{k}", "sources": [e["from"]], "targets": [e["to"]]}
        lb = e.get("label_box")
        if e.get("label") and lb:
            edge["labels"] = [{"text": " ".join(lb["lines"]), "width": lb["w"], "height": lb["h"]}]
        edges.append(edge)
    return {
        "id": "__root",
        "layoutOptions": {
            "elk.algorithm": "layered",
            "elk.hierarchyHandling": "INCLUDE_CHILDREN",
            "elk.edgeRouting": "ORTHOGONAL",
            "elk.direction": "DOWN" if layout["direction"] == "down" else "RIGHT",
            "elk.edgeLabels.placement": "CENTER",
        },
        "children": build(None),
        "edges": edges,
    }


def from_elk(layout, out):
    cindex = {c["id"]: i for i, c in enumerate(layout["containers"])}
    nindex = {n["id"]: i for i, n in enumerate(layout["nodes"])}
    boxes, origin = {}, {"__root": (0, 0)}

    def walk(item, ox, oy):
        for ch in item.get("children", []):
            x, y = ox + ch.get("x", 0), oy + ch.get("y", 0)
            origin[ch["id"]] = (x, y)
            r = {"x": whole(x), "y": whole(y), "w": whole(ch.get("width", 0)), "h": whole(ch.get("height", 0))}
            if ch["id"] in cindex:
                lab = ch.get("labels") or [{}]
                lp = [whole(x + lab[0].get("x", 0)), whole(y + lab[0].get("y", 0))] if "x" in lab[0] else None
                boxes[("c", cindex[ch["id"]])] = (r, lp)
                walk(ch, x, y)
            elif ch["id"] in nindex:
                boxes[("n", nindex[ch["id"]])] = (r, None)

    walk(out, 0, 0)
    edges = []
    for e in out.get("edges", []):
        ox, oy = origin.get(e.get("container", "__root"), (0, 0))
        pts = []
        for s in e.get("sections", []):
            for p in [s["startPoint"]] + s.get("bendPoints", []) + [s["endPoint"]]:
                pts.append([whole(ox + p["x"]), whole(oy + p["y"])])
        lab = (e.get("labels") or [{}])[0]
        label = [whole(ox + lab["x"]), whole(oy + lab["y"])] if "x" in lab else None
        edges.append((int(e["id"][1:]), pts, label))
    res = new_layout(layout, whole(out.get("width", 0)), whole(out.get("height", 0)))
    return fill(res, layout, boxes, edges, centre_labels=False)


def run_elk(layout, tmp, runs, timeout):
    src, dst = os.path.join(tmp, "graph.elk.json"), os.path.join(tmp, "out.elk.json")
    with open(src, "w") as f:
        json.dump(to_elk(layout), f)
    try:
        p = subprocess.run(["node", os.path.join(peers, "elk_layout.js"), src, dst, str(runs)], capture_output=True,
                           text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None
    if p.returncode != 0:
        raise RuntimeError(p.stderr[-2000:])
    ms = json.loads(p.stdout)["ms"]
    # The first run also compiles elk's code in node's JIT: left out when
    # there are more.
    ms = statistics.median(ms[1:] if len(ms) >= 3 else ms)
    with open(dst) as f:
        return ms, (from_elk(layout, json.load(f)),)


# Back into archc's layout JSON.

def new_layout(layout, width, height):
    return {"width": width, "height": height, "title": None, "direction": layout["direction"],
            "theme": layout["theme"], "containers": [], "nodes": [], "edges": []}


def moved(t, dx, dy):
    return dict(t, x=t["x"] + dx, y=t["y"] + dy)


def fill(res, layout, boxes, edges, centre_labels):
    """archc's containers, nodes and edges at the peer's positions. A box
    the peer did not return is left at 0,0 with no size (it is then counted
    outside its container)."""
    for i, c in enumerate(layout["containers"]):
        r, lp = boxes.get(("c", i), ({"x": 0, "y": 0, "w": 0, "h": 0}, None))
        lb = dict(c["label_box"])
        if lp is not None:
            lb["x"], lb["y"] = (lp[0] - lb["w"] // 2, lp[1] - lb["h"] // 2) if centre_labels else lp
        else:
            lb["w"] = lb["h"] = 0
        res["containers"].append(dict(c, **r, label_box=lb, badges=[]))
    for i, n in enumerate(layout["nodes"]):
        r, _ = boxes.get(("n", i), ({"x": 0, "y": 0, "w": 0, "h": 0}, None))
        b = peer_box(n)
        dx, dy = r["x"] - b["x"], r["y"] - b["y"]
        # The node is the box the peer placed (glyph and label), so its
        # edges end on that box's border and pass around all of it.
        glyph = r
        shape = "icon" if n["shape"] == "border" else n["shape"]
        node = dict(n, **glyph)
        node.update({"shape": shape, "label_box": moved(n["label_box"], dx, dy), "in": []})
        res["nodes"].append(node)
    by_index = {k: (pts, label) for k, pts, label in edges}
    for k, e in enumerate(layout["edges"]):
        pts, label = by_index.get(k, ([], None))
        lb = e.get("label_box")
        if lb and label is not None:
            lb = dict(lb, x=label[0] - lb["w"] // 2, y=label[1] - lb["h"] // 2) if centre_labels else dict(
                lb, x=label[0], y=label[1])
        elif lb:
            lb = None
        res["edges"].append(dict(e, points=pts, label_box=lb))
    return res


def measure(paths):
    out = subprocess.run([example("layout_measure")] + paths, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def fmt_ms(ms):
    return "timeout" if ms is None else f"{ms:.1f}"


def ratio(a, b):
    return "-" if a is None or not b else f"{a / b:.1f}x"


def table(head, rows, markdown):
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---:" for _ in head) + "|")
        for r in rows:
            print("| " + " | ".join(r) + " |")
        return
    widths = [max(len(x) for x in col) for col in zip(head, *rows)]
    for r in [head] + rows:
        print("  ".join(x.rjust(w) for x, w in zip(r, widths)))


def report(results, markdown=False):
    print("Time, ms (archc: layout + SVG in process, median; dot: the process less a one-node graph's; "
          "elk: elk.layout in node)")
    head = ["N", "nodes", "edges", "archc", "of it layout", "of it SVG", "dot", "elk", "dot/archc", "elk/archc", "archc 8N/N"]
    rows = []
    for r in results:
        a = r["archc"]
        dot, elk = r.get("dot", {}).get("ms"), r.get("elk", {}).get("ms")
        big = r.get("archc_8n")
        growth = "-" if "archc_8n" not in r else "timeout" if big is None else ratio(big["total_ms"], a["total_ms"])
        rows.append([str(r["n"]), str(a["nodes"]), str(a["edges"]), f"{a['total_ms']:.1f}", f"{a['layout_ms']:.1f}",
                     f"{a['render_ms']:.1f}", fmt_ms(dot), fmt_ms(elk), ratio(dot, a["total_ms"]),
                     ratio(elk, a["total_ms"]), growth])
    table(head, rows, markdown)
    print()
    print("Quality (quality::measure on each tool's layout)")
    cols = [("crossings", "crossings"), ("bends/edge", "bends_per_edge"),
            ("through foreign containers", "edges_through_foreign_containers"),
            ("through nodes", "edges_through_nodes"), ("node overlaps", "node_overlaps"),
            ("label overlaps", "label_overlaps"), ("not orthogonal", "edge_not_orthogonal"), ("aspect", "aspect"),
            ("area/node", "area_per_node")]
    rows = []
    for r in results:
        for tool in ("archc", "dot", "elk"):
            if tool not in r:
                continue
            qual = r[tool].get("quality")
            if qual is None:
                rows.append([str(r["n"]), tool, "timeout"] + [""] * (len(cols) - 1))
                continue
            cells = []
            for _, key in cols:
                v = qual[key]
                cells.append(f"{v:.2f}" if key in ("bends_per_edge", "aspect") else
                             f"{v:,.0f}" if key == "area_per_node" else str(v))
            rows.append([str(r["n"]), tool] + cells)
    table(["N", "tool"] + [h for h, _ in cols], rows, markdown)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="50,200,500,1000,5000")
    ap.add_argument("--runs", type=int, default=5, help="archc runs per size (median); peers: 3 up to 1,000, else 1")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--no-growth", action="store_true", help="do not time archc at 8N")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--json", help="write every figure here")
    ap.add_argument("--keep", help="keep the designs and layouts in this folder")
    ap.add_argument("--markdown", action="store_true", help="print the tables in Markdown")
    ap.add_argument("--report", help="print the tables of an earlier --json file, run nothing")
    args = ap.parse_args()
    if args.report:
        with open(args.report) as f:
            report(json.load(f), args.markdown)
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    build()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or tmp
        os.makedirs(work, exist_ok=True)
        for n in sizes:
            design = os.path.join(work, f"design_{n}.arch")
            generate(n, design)
            ours = os.path.join(work, f"archc_{n}.json")
            a = run_archc(design, args.runs, ours)
            row = {"n": n, "archc": a}
            with open(ours) as f:
                layout = json.load(f)
            paths, tools = [ours], ["archc"]
            peer_runs = 3 if n <= 1000 else 1
            for tool, run in (() if args.no_peers else (("dot", run_dot), ("elk", run_elk))):
                if tool == "dot" and not shutil.which("dot"):
                    sys.exit("Graphviz's dot is not installed: apt-get install -y graphviz (or --no-peers)")
                sub = os.path.join(work, f"{tool}_{n}")
                os.makedirs(sub, exist_ok=True)
                try:
                    ms, converted = run(layout, sub, peer_runs, args.timeout)
                except RuntimeError as e:
                    print(f"{tool} failed at N = {n}: {e}", file=sys.stderr)
                    ms, converted = None, None
                row[tool] = {"ms": ms}
                for variant, conv in zip(("", "_polygon"), converted or ()):
                    path = os.path.join(work, f"{tool}{variant}_{n}.json")
                    with open(path, "w") as f:
                        json.dump(conv, f)
                    paths.append(path)
                    tools.append(tool + variant)
            for tool, qual in zip(tools, measure(paths)):
                row.setdefault(tool, {})["quality"] = qual
            # dot's bends are counted on its control points (the sampled
            # curve would turn at every sample); the rest on the curve.
            if "dot_polygon" in row:
                poly = row.pop("dot_polygon")["quality"]
                row["dot"]["quality_control_points"] = poly
                for key in ("bends", "bends_per_edge"):
                    row["dot"]["quality"][key] = poly[key]
            if not args.no_growth:
                big = os.path.join(work, f"design_{8 * n}.arch")
                generate(8 * n, big)
                row["archc_8n"] = run_archc(big, max(1, args.runs // 2), os.path.join(work, f"archc_{8 * n}.json"),
                                            args.timeout)
            results.append(row)
            print(f"N = {n}: done", file=sys.stderr)

    report(results, args.markdown)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
