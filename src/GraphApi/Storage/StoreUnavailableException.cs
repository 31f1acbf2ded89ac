using GraphApi.Domain;

namespace GraphApi.Storage;

/// <summary>
/// The store cannot be used: unreachable, or it refused the credentials. The message names the store and its
/// address (never the password), so a start-up error and a 503 tell the operator what to fix.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public static StoreUnavailableException Unreachable(string store, string url, string reason, Exception? inner) => new(Texts.Get("store.atCannotBeReached", store, url, reason), inner);

    public static StoreUnavailableException Refused(string store, string url, string user) => new(Texts.Get("store.atRefusedCredentialsOfUser", store, url, user));
}
