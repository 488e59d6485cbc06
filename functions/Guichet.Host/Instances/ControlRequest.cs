namespace Guichet.Host.Instances;

/// <summary>The optional body of terminate, suspend and resume; <c>?reason=</c> in the query does the same.</summary>
/// <param name="Reason">Why; recorded in the history. Required to terminate.</param>
public sealed record ControlRequest(string? Reason);
