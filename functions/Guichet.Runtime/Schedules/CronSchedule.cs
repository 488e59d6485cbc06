using Cronos;

namespace Guichet.Runtime.Schedules;

/// <summary>
/// A six-field NCRONTAB schedule (<c>second minute hour day month day-of-week</c>, as Azure Functions timer
/// triggers write it) read in a time zone, so that "9 o'clock" stays 9 o'clock in Paris across daylight saving.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    /// <summary>Parses the expression; throws <see cref="ArgumentException"/> naming it when it is not six valid fields.</summary>
    public CronSchedule(string expression, TimeZoneInfo timeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        TimeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
        try
        {
            _expression = CronExpression.Parse(expression, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            throw new ArgumentException($"'{expression}' is not a six-field NCRONTAB schedule (second minute hour day month day-of-week): {ex.Message}", nameof(expression), ex);
        }

        Expression = expression;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>The time zone the fields are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC; null when there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) =>
        _expression.GetNextOccurrence(after, TimeZone, inclusive: false)?.ToUniversalTime();

    /// <summary>The latest occurrence at or before <paramref name="atOrBefore"/>, in UTC; null when there is none.</summary>
    public DateTimeOffset? Latest(DateTimeOffset atOrBefore) =>
        _expression.GetPreviousOccurrence(atOrBefore, TimeZone, inclusive: true)?.ToUniversalTime();

    /// <inheritdoc />
    public override string ToString() => $"{Expression} ({TimeZone.Id})";
}
