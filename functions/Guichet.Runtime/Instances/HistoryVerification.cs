namespace Guichet.Runtime.Instances;

/// <summary>The result of checking an instance's hash-chained history.</summary>
/// <param name="IsIntact">Whether every entry is present and unchanged.</param>
/// <param name="CheckedEntries">How many entries were found intact before the first problem.</param>
/// <param name="FirstBrokenSequence">The sequence of the first entry found changed or missing.</param>
/// <param name="Problem">What is wrong, in words.</param>
public sealed record HistoryVerification(bool IsIntact, long CheckedEntries, long? FirstBrokenSequence, string? Problem);
