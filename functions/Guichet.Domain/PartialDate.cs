using System.Globalization;
using System.Text.Json.Serialization;

namespace Guichet.Domain;

/// <summary>
/// A calendar date that may be known to the year only, as birth dates often are for people without papers: the
/// wire spells it <c>YYYY-MM-DD</c> or <c>YYYY</c>. The 1st of January and the 31st of December are the dates
/// registries put when only the year is known, so they count as approximate too.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public sealed record PartialDate
{
    private PartialDate(int year, DateOnly? date)
    {
        Year = year;
        Date = date;
    }

    /// <summary>The year, always known.</summary>
    public int Year { get; }

    /// <summary>The full date, or null when only the year is known.</summary>
    public DateOnly? Date { get; }

    /// <summary>Whether only the year is known.</summary>
    public bool IsYearOnly => Date is null;

    /// <summary>A full date on the 1st of January or the 31st of December, which registries use for "year known only".</summary>
    public bool IsPlaceholder => Date is { Month: 1, Day: 1 } or { Month: 12, Day: 31 };

    /// <summary>Whether the day and month cannot be trusted: year only, or a placeholder date.</summary>
    public bool IsApproximate => IsYearOnly || IsPlaceholder;

    /// <summary>A date known to the year only.</summary>
    public static PartialDate OfYear(int year) =>
        year is >= 1 and <= 9999 ? new(year, null) : throw new ArgumentOutOfRangeException(nameof(year), year, "A year is between 1 and 9999.");

    /// <summary>A full date.</summary>
    public static PartialDate Of(DateOnly date) => new(date.Year, date);

    /// <summary>
    /// Reads <c>YYYY-MM-DD</c> or <c>YYYY</c> (ASCII digits, nothing else); false for an impossible date such as
    /// 2026-02-30 or for any other shape.
    /// </summary>
    public static bool TryParse(string? text, out PartialDate? value)
    {
        value = null;
        if (text is { Length: 4 } && text.All(char.IsAsciiDigit))
        {
            var year = int.Parse(text, CultureInfo.InvariantCulture);
            value = year >= 1 ? OfYear(year) : null;
            return value is not null;
        }

        if (text is { Length: 10 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = Of(date);
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a date (<c>YYYY-MM-DD</c> digits) even if the date does not exist.</summary>
    public static bool LooksLikeDate(string text) =>
        text is { Length: 10 } && text[4] == '-' && text[7] == '-' && text.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit);

    /// <summary>The earliest day the value may stand for: the date itself, or the 1st of January of a year alone.</summary>
    public DateOnly Earliest => Date ?? new DateOnly(Year, 1, 1);

    /// <summary>The latest day the value may stand for: the date itself, or the 31st of December of a year alone.</summary>
    public DateOnly Latest => Date ?? new DateOnly(Year, 12, 31);

    /// <summary>The wire spelling: <c>YYYY-MM-DD</c> or <c>YYYY</c>.</summary>
    public override string ToString() => Date is { } d
        ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Year.ToString("D4", CultureInfo.InvariantCulture);
}
