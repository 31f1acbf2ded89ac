"""networkx (3.6.1 on PATH as python3) as the independent side of the exchange tests.

  graphs.py davis DIR    writes DIR/davis.graphml and DIR/davis.json (nodes with "bipartite", edges)
  graphs.py lesmis DIR   writes DIR/lesmis.gexf (nx.write_gexf of Les Miserables)
  graphs.py read FILE    reads a GraphML or GEXF export and prints what networkx sees, as JSON
"""
import json
import sys
from collections import Counter

import networkx as nx


def main():
    verb, target = sys.argv[1], sys.argv[2]
    if verb == "davis":
        g = nx.davis_southern_women_graph()
        g.graph.clear()  # its "top"/"bottom" lists are not GraphML data
        nx.write_graphml(g, f"{target}/davis.graphml")
        json.dump({"nodes": [{"name": n, "bipartite": d["bipartite"]} for n, d in g.nodes(data=True)],
                   "edges": [[u, v] for u, v in g.edges()]}, open(f"{target}/davis.json", "w", encoding="utf-8"), ensure_ascii=False)
        print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))
    elif verb == "lesmis":
        g = nx.les_miserables_graph()
        nx.write_gexf(g, f"{target}/lesmis.gexf")
        print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))
    elif verb == "read":
        g = nx.read_graphml(target) if target.endswith(".graphml") else nx.read_gexf(target)
        relationships = Counter(d.get("relationship", d.get("label")) for _, _, d in g.edges(data=True))
        print(json.dumps({
            "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
            "types": Counter(d.get("type") for _, d in g.nodes(data=True)),
            "relationships": relationships,
            "attributes": {str(n): {k: str(v) for k, v in d.items()} for n, d in g.nodes(data=True)},
            # A multigraph keeps the edge's id as its key, a simple graph as the attribute "id".
            "edgeAttributes": {str(d.get("id", key)): {k: str(x) for k, x in d.items()}
                               for u, v, key, d in (g.edges(keys=True, data=True) if g.is_multigraph()
                                                    else ((u, v, f"{u}>{v}", d) for u, v, d in g.edges(data=True)))},
        }, ensure_ascii=False))


main()
