namespace GraphApi.Edge;

/// <summary>
/// The edge's settings (section <c>Edge</c>). Browsers reach the app only from its own origin unless another is
/// listed; every client (a user once signed in, else an address) has one budget of requests and of live calls.
/// </summary>
public sealed class EdgeOptions
{
    /// <summary>Origins besides the app's own that may open the live hub, a circuit or change data ("https://intranet.kreis.de").</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>HTTP requests per second a client may make on average, and how many at once.</summary>
    /// <remarks>High enough for a script that writes as fast as the store takes it, low enough to stop a flood.</remarks>
    public double RequestsPerSecond { get; set; } = 200;
    public int RequestBurst { get; set; } = 1000;

    /// <summary>Live calls (hub methods) per second per client, over all its connections together, and the burst.</summary>
    public double LiveCallsPerSecond { get; set; } = 20;
    public int LiveBurst { get; set; } = 60;

    /// <summary>Host names the app answers to when <c>AllowedHosts</c> is not configured (DNS rebinding).</summary>
    public const string DefaultAllowedHosts = "localhost;127.0.0.1;[::1]";
}
