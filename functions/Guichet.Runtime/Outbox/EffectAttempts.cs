using Azure;
using Azure.Data.Tables;

namespace Guichet.Runtime.Outbox;

/// <summary>
/// What becomes of an effect whose attempt failed: a refusal no retry can change is given up at once; any other
/// failure (5xx, timeout, throttling, the network) is tried again after a wait that doubles with each attempt up to
/// <see cref="RuntimeOptions.MaxEffectRetryDelay"/>, for as long as it lasts, so that an outage loses nothing. The count
/// and the time of the next attempt are kept on the outbox row, so that every host and the scheduled job honour them.
/// </summary>
internal static class EffectAttempts
{
    public const string AttemptsColumn = "Attempts";
    public const string NextAttemptColumn = "NextAttemptAt";
    public const string LastErrorColumn = "LastError";

    /// <summary>An error is kept on the row for the operator's eyes; its beginning says what it is.</summary>
    private const int MaxErrorChars = 1000;

    /// <summary>
    /// Whether Azure refused the request as it stands, so that sending it again cannot succeed: any 4xx but not found
    /// (a queue or table deleted meanwhile is created again), timeout, conflict, failed precondition and throttling;
    /// or the read-model row belongs to another instance.
    /// </summary>
    public static bool IsRefusal(Exception ex) =>
        ex is RequestFailedException { Status: >= 400 and < 500 and not (404 or 408 or 409 or 412 or 429) } or ReadModels.ForeignRowException;

    /// <summary>The wait after <paramref name="failedAttempts"/> failed attempts: the first delay, doubled each time, capped.</summary>
    public static TimeSpan Delay(int failedAttempts, RuntimeOptions options)
    {
        var ticks = options.EffectRetryDelay.Ticks * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 40));
        return ticks >= options.MaxEffectRetryDelay.Ticks ? options.MaxEffectRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Whether a failed attempt is worth a warning: the 1st, 2nd, 4th, 8th… so that a long outage logs a few lines, not thousands.</summary>
    public static bool IsWarned(int failedAttempts) => failedAttempts > 0 && (failedAttempts & (failedAttempts - 1)) == 0;

    /// <summary>An error in one line: the status and code storage gave, else the exception's kind and message.</summary>
    public static string Describe(Exception ex)
    {
        var text = ex is RequestFailedException refused
            ? $"{refused.Status} {refused.ErrorCode}: {FirstLine(refused.Message)}"
            : $"{ex.GetType().Name}: {FirstLine(ex.Message)}";
        return text.Length <= MaxErrorChars ? text : text[..MaxErrorChars];
    }

    /// <summary>What the effect is, in words an operator reads in the history.</summary>
    public static string What(OutboxItem item) => item.Kind switch
    {
        OutboxKind.SendEvent => $"Event '{item.Name}' to instance '{item.Target}'",
        OutboxKind.SendMessage => $"Message {item.Id} to queue '{item.Target}'",
        OutboxKind.SetTimer => $"Timer '{item.Name}'",
        OutboxKind.ClearTimer => $"Cancellation of timer '{item.Name}'",
        _ => $"Row {item.Name}/{item.Id} of read model '{item.Target}'",
    };

    /// <summary>The columns a failed attempt merges into the outbox row.</summary>
    public static TableEntity Failed(string instanceId, OutboxItem item, int attempts, DateTimeOffset next, string error) =>
        new(instanceId, item.RowKey) { [AttemptsColumn] = attempts, [NextAttemptColumn] = next, [LastErrorColumn] = error };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
