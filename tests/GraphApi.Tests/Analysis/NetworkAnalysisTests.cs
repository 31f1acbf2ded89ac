using GraphApi.Analysis;
using GraphApi.Analysis.Algorithms;
using GraphApi.Domain;

namespace GraphApi.Tests.Analysis;

/// <summary>The analysis graph of a hand-built network, and the metrics and single points of failure on it.</summary>
public sealed class NetworkAnalysisTests
{
    // Jobcenter and Caritas sit in the Steuerungsgruppe, which the Jobcenter leads and which reports to
    // the Sozialausschuss. Caritas works with the Referat Integration (part of the Amt für Migration)
    // and leads the Netzwerk Ehrenamt, where its employee Eva sits. The Ehrenamtsbüro and Max are
    // connected to nothing; a topic, a territory and a measure hang on several of them.
    private static NetworkSnapshot Sample() => NetworkSnapshot.Create(new Network { Id = "net", Name = "Peine" }, 1,
    [
        new Topic { Id = "t-arbeit", Name = "Arbeit" },
        new Territory { Id = "g-peine", Name = "Landkreis Peine", Kind = TerritoryKinds.District },
        new Actor { Id = "a-jc", Name = "Jobcenter Peine", ShortName = "Jobcenter", Kind = ActorKinds.Jobcenter, Topics = ["t-arbeit"], Territories = ["g-peine"] },
        new Actor { Id = "a-caritas", Name = "Caritasverband Peine", Kind = ActorKinds.WelfareAssociation, Topics = ["t-arbeit"] },
        new Actor { Id = "a-referat", Name = "Referat Integration", Kind = ActorKinds.Administration, Parent = "a-amt" },
        new Actor { Id = "a-amt", Name = "Amt für Migration", Kind = ActorKinds.Administration },
        new Actor { Id = "a-ehrenamt", Name = "Ehrenamtsbüro", Kind = ActorKinds.Volunteering, Territories = ["g-peine"] },
        new Body { Id = "b-stg", Name = "Steuerungsgruppe Integration", Kind = BodyKinds.SteeringGroup, Lead = "a-jc", ReportsTo = "b-soz", Topics = ["t-arbeit"] },
        new Body { Id = "b-soz", Name = "Sozialausschuss", Kind = BodyKinds.PoliticalCommittee, Territories = ["g-peine"] },
        new Body { Id = "b-netz", Name = "Netzwerk Ehrenamt", Kind = BodyKinds.Network, Lead = "a-caritas" },
        new Person { Id = "p-eva", Name = "Eva", Actor = "a-caritas" },
        new Person { Id = "p-max", Name = "Max" },
        new Measure { Id = "x-app", Name = "Welcome-App", OfferedBy = ["a-jc", "a-ehrenamt"], Topics = ["t-arbeit"] },
        new Membership { Id = "m-jc", Member = "a-jc", Body = "b-stg", Role = MembershipRoles.Chair },
        new Membership { Id = "m-jc-again", Member = "a-jc", Body = "b-stg", Since = "2024-01-01" },
        new Membership { Id = "m-caritas", Member = "a-caritas", Body = "b-stg" },
        new Membership { Id = "m-eva", Member = "p-eva", Body = "b-netz" },
        new Membership { Id = "m-gone", Member = "p-max", Body = "b-dissolved" }, // its body is not in this (as-of) snapshot
        new Collaboration { Id = "c-caritas-referat", From = "a-caritas", To = "a-referat" },
        new Collaboration { Id = "c-self", From = "a-referat", To = "a-referat" },
    ]);

    [Fact]
    public void TheAnalysisGraphHoldsActorsBodiesAndPersonsAndTheirTies()
    {
        var analysis = AnalysisGraph.From(Sample());

        Assert.Equal(
            [
                ("a-amt", NodeType.Actor, "Amt für Migration"), ("a-caritas", NodeType.Actor, "Caritasverband Peine"),
                ("a-ehrenamt", NodeType.Actor, "Ehrenamtsbüro"), ("a-jc", NodeType.Actor, "Jobcenter"),
                ("a-referat", NodeType.Actor, "Referat Integration"),
                ("b-netz", NodeType.Body, "Netzwerk Ehrenamt"), ("b-soz", NodeType.Body, "Sozialausschuss"),
                ("b-stg", NodeType.Body, "Steuerungsgruppe Integration"),
                ("p-eva", NodeType.Person, "Eva"), ("p-max", NodeType.Person, "Max"),
            ],
            analysis.Nodes.Select(n => (n.Id, n.Type, n.Label)));

        var edges = analysis.Graph.Edges()
            .Select(e => (Pair(analysis.Nodes[e.U].Id, analysis.Nodes[e.V].Id), Sources(analysis.SourcesOf(e.U, e.V))))
            .OrderBy(e => e.Item1, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                ("a-amt–a-referat", "partOf a-referat"),
                ("a-caritas–a-referat", "collaboration c-caritas-referat"),
                ("a-caritas–b-netz", "leads b-netz"),
                ("a-caritas–b-stg", "membership m-caritas"),
                ("a-caritas–p-eva", "worksFor p-eva"),
                ("a-jc–b-stg", "membership m-jc, membership m-jc-again, leads b-stg"),
                ("b-netz–p-eva", "membership m-eva"),
                ("b-soz–b-stg", "reportsTo b-stg"),
            ],
            edges);
        Assert.Equal(8, analysis.Graph.EdgeCount);
        Assert.Null(analysis.IndexOf("t-arbeit"));
        Assert.Null(analysis.IndexOf("g-peine"));
        Assert.Null(analysis.IndexOf("x-app"));

        static string Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}–{b}" : $"{b}–{a}";
        static string Sources(IEnumerable<EdgeSource> sources) =>
            string.Join(", ", sources.Select(s => $"{System.Text.Json.JsonSerializer.Serialize(s.Relationship).Trim('"')} {s.EntityId}"));
    }

    [Fact]
    public void MetricsOfTheNetworkEqualNetworkxOnItsAnalysisGraph()
    {
        var analysis = AnalysisGraph.From(Sample());
        var metrics = NetworkMetrics.Compute(Sample());
        var networkx = NetworkxReference.Run(new EdgeList(analysis.Graph.NodeCount, [.. analysis.Graph.Edges()]));

        Assert.Equal((10, 8), (metrics.NodeCount, metrics.EdgeCount));
        Assert.Equal(analysis.Nodes.Select(n => n.Id), metrics.Nodes.Select(n => n.Id));
        for (var v = 0; v < metrics.NodeCount; v++)
        {
            var node = metrics.Nodes[v];
            Assert.Equal(analysis.Graph.Degree(v), node.Degree);
            Assert.Equal(networkx.Degree[v], node.DegreeCentrality, 1e-9);
            Assert.Equal(networkx.Betweenness[v], node.Betweenness, 1e-9);
            Assert.Equal(networkx.Closeness[v], node.Closeness, 1e-9);
            Assert.Equal(networkx.Pagerank[v], node.PageRank, 1e-9);
        }

        // The connected eight, then the two loners (the Ehrenamtsbüro and Max) in node order.
        Assert.Equal([8, 1, 1], metrics.Components.Select(c => c.Size));
        Assert.Equal(1, metrics.Nodes.Single(n => n.Id == "a-ehrenamt").Component);
        Assert.Equal(2, metrics.Nodes.Single(n => n.Id == "p-max").Component);
        Assert.Equal(4, metrics.Nodes.Single(n => n.Id == "a-caritas").Degree);
        Assert.Equal("a-caritas", metrics.Nodes.MaxBy(n => n.Betweenness)!.Id);

        Assert.Equal(metrics.NodeCount, metrics.Communities.Sum(c => c.Size));
        Assert.All(metrics.Communities, c => Assert.All(c.Members, id => Assert.Equal(c.Index, metrics.Nodes.Single(n => n.Id == id).Community)));
        Assert.Equal(Communities.Modularity(analysis.Graph, [.. metrics.Nodes.Select(n => n.Community)]), metrics.Modularity, 1e-12);
    }

    [Fact]
    public void SinglePointsOfFailureComeWorstFirstWithTheSizesTheyLeave()
    {
        var resilience = Resilience.Compute(Sample());

        // Caritas holds together the Steuerungsgruppe side (3), the Amt side (2) and the Netzwerk side (2).
        Assert.Equal(
            [("a-caritas", "3,2,2", 4), ("b-stg", "5,1,1", 2), ("a-referat", "6,1", 1)],
            resilience.ArticulationPoints.Select(a => (a.Node.Id, string.Join(",", a.PartSizes), a.CutOff)));

        Assert.Equal(
            [
                ("a-caritas", 5, "b-stg", 3),
                ("a-caritas", 6, "a-referat", 2),
                ("a-referat", 7, "a-amt", 1),   // smaller sides of one node: ordered by label
                ("b-stg", 7, "a-jc", 1),
                ("b-stg", 7, "b-soz", 1),
            ],
            resilience.Bridges.Select(b => (b.LargerSide.Id, b.LargerSideSize, b.SmallerSide.Id, b.SmallerSideSize)));
        Assert.Equal([Relationship.Membership, Relationship.Membership, Relationship.Leads],
            resilience.Bridges.Single(b => b.SmallerSide.Id == "a-jc").Relationships.Select(r => r.Relationship));

        var serious = Resilience.Compute(Sample(), minimumCutOff: 2);
        Assert.Equal(["a-caritas", "b-stg"], serious.ArticulationPoints.Select(a => a.Node.Id));
        Assert.Equal(["b-stg", "a-referat"], serious.Bridges.Select(b => b.SmallerSide.Id));
    }

    [Fact]
    public void AnEmptyNetworkGivesEmptyResults()
    {
        var empty = NetworkSnapshot.Empty(new Network { Id = "net", Name = "leer" });

        var metrics = NetworkMetrics.Compute(empty);
        var resilience = Resilience.Compute(empty);

        Assert.Equal((0, 0, 0.0), (metrics.NodeCount, metrics.EdgeCount, metrics.Modularity));
        Assert.Empty(metrics.Nodes);
        Assert.Empty(metrics.Components);
        Assert.Empty(metrics.Communities);
        Assert.Empty(resilience.ArticulationPoints);
        Assert.Empty(resilience.Bridges);
    }
}
