namespace Guichet.Host.Http;

/// <summary>Endpoint metadata: the largest request body the endpoint accepts, in bytes (otherwise the runtime's payload limit).</summary>
/// <param name="MaxBytes">The limit.</param>
public sealed record RequestBodyLimit(long MaxBytes);
