namespace GraphApi.Storage.Neo4j;

/// <summary>Settings of the shared store ("Neo4j" configuration section). Credentials come from the environment, never from a committed file.</summary>
public sealed class Neo4jOptions
{
    /// <summary>The server's HTTP address, e.g. http://127.0.0.1:7474 or https://xxxx.databases.neo4j.io.</summary>
    public string Url { get; set; } = "http://127.0.0.1:7474";

    /// <summary>The database on 4.x/5.x (ignored by 3.x, which has one).</summary>
    public string Database { get; set; } = "neo4j";

    public string? User { get; set; } = "neo4j";
    public string? Password { get; set; }

    /// <summary>A bearer token (SSO); used instead of user and password when set.</summary>
    public string? Token { get; set; }

    /// <summary>Auto (the Query API when the discovery document offers it, else classic), Classic or Query.</summary>
    public string Transport { get; set; } = "Auto";

    /// <summary>How long one HTTP request may take; an import of a large network is one request.</summary>
    public int TimeoutSeconds { get; set; } = 100;

    /// <summary>How often a transaction that failed with Neo.TransientError.* is tried again.</summary>
    public int Retries { get; set; } = 3;
}
