#!/usr/bin/env python3
"""networkx's answers for one graph, for the analysis tests to compare against (issue 3).

Reads JSON from stdin:
    {"nodes": n, "edges": [[u, v], ...], "louvainSeed": 7, "partition": [c0, c1, ...]}
    ("louvainSeed" and "partition", a community per node, are optional)
Writes JSON to stdout: per-node lists indexed by node (degree, betweenness, closeness, pagerank),
components as sorted node lists, articulation points and bridges with the sizes of the parts their
removal leaves inside their component, and modularities.

Everything uses networkx's defaults on purpose: the product promises those definitions.
"""
import json
import sys

import networkx as nx
from networkx.algorithms import community


def pagerank(graph):
    """nx.pagerank(G) needs numpy and scipy, which the project's machines do not have. networkx ships
    the same power iteration in pure Python (same defaults, dangling handling and stopping rule;
    its own tests hold the two to agree), so fall back to that."""
    try:
        import scipy  # noqa: F401
        return nx.pagerank(graph)
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(graph)


def part_sizes(graph, component):
    return sorted((len(c) for c in nx.connected_components(graph.subgraph(component))), reverse=True)


def main():
    data = json.load(sys.stdin)
    n = data["nodes"]
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from((u, v) for u, v in data["edges"] if u != v)

    def by_node(values):
        return [values[v] for v in range(n)]

    component_of = {}
    for c in nx.connected_components(G):
        for v in c:
            component_of[v] = c

    articulation = []
    for v in sorted(nx.articulation_points(G)):
        rest = component_of[v] - {v}
        articulation.append({"node": v, "parts": part_sizes(G, rest)})

    bridges = []
    for u, v in sorted(tuple(sorted(e)) for e in nx.bridges(G)):
        H = G.subgraph(component_of[u]).copy()
        H.remove_edge(u, v)
        bridges.append({"u": u, "v": v,
                        "partU": len(nx.node_connected_component(H, u)),
                        "partV": len(nx.node_connected_component(H, v))})

    result = {
        "degree": by_node(nx.degree_centrality(G)),
        "betweenness": by_node(nx.betweenness_centrality(G)),
        "closeness": by_node(nx.closeness_centrality(G)),
        "pagerank": by_node(pagerank(G)) if n > 0 else [],
        "components": sorted(sorted(c) for c in nx.connected_components(G)),
        "articulationPoints": articulation,
        "bridges": bridges,
    }
    if G.number_of_edges() > 0:
        if "louvainSeed" in data:
            found = community.louvain_communities(G, seed=data["louvainSeed"])
            result["louvainModularity"] = community.modularity(G, found)
        if "partition" in data:
            groups = {}
            for v, c in enumerate(data["partition"]):
                groups.setdefault(c, set()).add(v)
            result["partitionModularity"] = community.modularity(G, list(groups.values()))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
